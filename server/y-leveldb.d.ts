// y-leveldb 0.2 ships its declarations at dist/src/y-leveldb.d.ts but its package.json "exports" hides them from
// TypeScript's bundler resolution; these are the parts server/storage.ts uses.
declare module 'y-leveldb' {
  export type DocKey = Array<string | number>;
  export class LeveldbPersistence {
    constructor(location: string, opts?: { Level?: unknown; levelOptions?: object });
    /** Private in y-leveldb: runs `f` in its one ordered transaction chain; errors are logged and swallowed (resolves null). */
    _transact<T>(f: (db: any) => Promise<T>): Promise<T>;
    destroy(): Promise<void>;
  }
  export const PREFERRED_TRIM_SIZE: number;
  export function getLevelUpdatesEntries(db: unknown, docName: string, opts?: object): Promise<Array<{ key: DocKey; value: Uint8Array }>>;
  export function getLevelUpdatesKeys(db: unknown, docName: string, opts?: object): Promise<DocKey[]>;
  export function getCurrentUpdateClock(db: unknown, docName: string): Promise<number>;
  export function getAllDocsKeys(db: unknown): Promise<DocKey[]>;
}
