// y-leveldb 0.2 ships its declarations at dist/src/y-leveldb.d.ts but its package.json "exports" hides them from
// TypeScript's bundler resolution; these are the parts server/storage.ts and its tests use, all of them public.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  export type DocKey = Array<string | number>;
  export class LeveldbPersistence {
    /**
     * `Level` is the Level-compatible class y-leveldb builds its database with (`new Level(location, options)`, once,
     * in this constructor, with its own key and value encodings in `options`); it defaults to `level`'s.
     */
    constructor(location: string, opts?: { Level?: new (location: string, options: object) => unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    getStateVector(docName: string): Promise<Uint8Array>;
    getMeta(docName: string, metaKey: string): Promise<unknown>;
    getMetas(docName: string): Promise<Map<string, unknown>>;
    getAllDocNames(): Promise<string[]>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    /** Closes the database (in y-leveldb's own transaction chain). */
    destroy(): Promise<void>;
  }
  export const PREFERRED_TRIM_SIZE: number;
  export function getLevelUpdatesEntries(db: unknown, docName: string, opts?: object): Promise<Array<{ key: DocKey; value: Uint8Array }>>;
  export function getLevelUpdatesKeys(db: unknown, docName: string, opts?: object): Promise<DocKey[]>;
  export function getCurrentUpdateClock(db: unknown, docName: string): Promise<number>;
  export function getAllDocsKeys(db: unknown): Promise<DocKey[]>;
}
