// The offline copy: every board this browser opens is kept in IndexedDB (y-indexeddb), one database per
// workshop, so it opens without the network and edits made offline survive a reload until the server has them.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export interface OfflineCopy {
  /** Resolves once the stored copy (if any) is in the document; false when IndexedDB is not available. */
  readonly loaded: Promise<boolean>;
  destroy(): void;
}

/** A key of y-indexeddb's `custom` store that nothing writes: reading it tells whether the database opened. */
const OPENED_PROBE_KEY = 'eventstorm.opened';

export function offlineDatabaseName(workshopId: string): string {
  return `eventstorm.board.${workshopId}`;
}

export function openOfflineCopy(workshopId: string, doc: Y.Doc): OfflineCopy {
  if (typeof indexedDB === 'undefined') return { loaded: Promise.resolve(false), destroy() {} };
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(offlineDatabaseName(workshopId), doc);
  } catch {
    return { loaded: Promise.resolve(false), destroy() {} };
  }
  // A browser that refuses IndexedDB (private modes, quota) still gets the board from the server. `whenSynced`
  // never settles then; `get` (of a key nothing writes) waits for the same opening of the database, and rejects
  // when it fails. offline-seam.test.ts checks that against the real y-indexeddb.
  const failed = new Promise<boolean>((resolve) => {
    persistence.get(OPENED_PROBE_KEY).catch(() => resolve(false));
  });
  return {
    loaded: Promise.race([persistence.whenSynced.then(() => true), failed]),
    destroy() {
      void persistence.destroy();
    },
  };
}
