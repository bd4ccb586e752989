// The offline copy: every board this browser opens is kept in IndexedDB (y-indexeddb), one database per
// workshop, so it opens without the network and edits made offline survive a reload until the server has them.
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export interface OfflineCopy {
  /** Resolves once the stored copy (if any) is in the document; false when IndexedDB is not available. */
  readonly loaded: Promise<boolean>;
  destroy(): void;
}

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
  // A browser that refuses IndexedDB (private modes, quota) still gets the board from the server.
  const failed = new Promise<boolean>((resolve) => {
    (persistence as unknown as { _db: Promise<unknown> })._db.catch(() => resolve(false));
  });
  return {
    loaded: Promise.race([persistence.whenSynced.then(() => true), failed]),
    destroy() {
      void persistence.destroy();
    },
  };
}
