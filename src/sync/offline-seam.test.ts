// The seam between offline.ts and y-indexeddb (9.0.12), on the real library: a failed opening of IndexedDB never
// settles `whenSynced`, so offline.ts learns of it from the public `get`, which waits for the same opening. If a
// version of y-indexeddb stops rejecting `get` then (or rejects it when the opening worked), these fail.
// Node has no IndexedDB: a small one in memory stands in for the browser's (the e2e specs use a real one).
import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { offlineDatabaseName, openOfflineCopy } from './offline';

type Listener = ((event: { target: unknown }) => void) | null;

/** An IDBRequest: its result or error arrives after the caller has set its handlers. */
class Request {
  onsuccess: Listener = null;
  onerror: Listener = null;
  onupgradeneeded: Listener = null;
  result: unknown = undefined;
  error: unknown = null;
  succeed(result: unknown, before?: () => void): this {
    setTimeout(() => {
      before?.();
      this.result = result;
      this.onsuccess?.({ target: this });
    });
    return this;
  }
  fail(error: unknown): this {
    setTimeout(() => {
      this.error = error;
      this.onerror?.({ target: this });
    });
    return this;
  }
}

class KeyRange {
  constructor(
    readonly lower: number | undefined,
    readonly upper: number | undefined,
    readonly lowerOpen: boolean,
    readonly upperOpen: boolean,
  ) {}
  static lowerBound(lower: number, open = false) {
    return new KeyRange(lower, undefined, open, false);
  }
  static upperBound(upper: number, open = false) {
    return new KeyRange(undefined, upper, false, open);
  }
  includes(key: unknown): boolean {
    if (typeof key !== 'number') return false;
    if (this.lower !== undefined && (this.lowerOpen ? key <= this.lower : key < this.lower)) return false;
    if (this.upper !== undefined && (this.upperOpen ? key >= this.upper : key > this.upper)) return false;
    return true;
  }
}

class Store {
  readonly records = new Map<unknown, unknown>();
  private next = 1;
  constructor(private readonly autoIncrement: boolean) {}
  private matching(range?: unknown): unknown[] {
    const keys = [...this.records.keys()].sort((a, b) => Number(a) - Number(b));
    return range instanceof KeyRange ? keys.filter((k) => range.includes(k)) : range === undefined || range === null ? keys : keys.filter((k) => k === range);
  }
  add(value: unknown, key?: unknown) {
    const k = key ?? (this.autoIncrement ? this.next++ : undefined);
    this.records.set(k, value);
    return new Request().succeed(k);
  }
  put(value: unknown, key: unknown) {
    this.records.set(key, value);
    return new Request().succeed(key);
  }
  get(key: unknown) {
    return new Request().succeed(this.records.get(key));
  }
  delete(range: unknown) {
    for (const k of this.matching(range)) this.records.delete(k);
    return new Request().succeed(undefined);
  }
  count(range?: unknown) {
    return new Request().succeed(this.matching(range).length);
  }
  getAll(range?: unknown) {
    return new Request().succeed(this.matching(range).map((k) => this.records.get(k)));
  }
  openKeyCursor(range: unknown, direction: 'next' | 'prev') {
    const keys = this.matching(range);
    if (direction === 'prev') keys.reverse();
    const request = new Request();
    let at = 0;
    const step = () => request.succeed(at < keys.length ? { key: keys[at++], continue: step } : null);
    step();
    return request;
  }
}

/** Databases by name; `refuse` makes every opening fail, as a browser that refuses IndexedDB does. */
function memoryIndexedDB(refuse: boolean) {
  const databases = new Map<string, Map<string, Store>>();
  return {
    databases,
    open(name: string) {
      const request = new Request();
      if (refuse) return request.fail(new DOMException('The user denied permission to access the database.', 'SecurityError'));
      const created = !databases.has(name);
      const stores = databases.get(name) ?? new Map<string, Store>();
      databases.set(name, stores);
      const db = {
        onversionchange: null,
        close() {},
        createObjectStore(store: string, options?: { autoIncrement?: boolean }) {
          stores.set(store, new Store(options?.autoIncrement ?? false));
        },
        transaction(names: string[]) {
          return {
            objectStore(store: string) {
              const found = stores.get(store);
              if (!names.includes(store) || !found) throw new DOMException(`no store ${store}`, 'NotFoundError');
              return found;
            },
          };
        },
      };
      return request.succeed(db, () => {
        if (created) request.onupgradeneeded?.({ target: { result: db } });
      });
    },
  };
}

const globals = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown };
afterEach(() => {
  delete globals.indexedDB;
  delete globals.IDBKeyRange;
});

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: not settled within ${ms} ms`)), ms))]);
}

/**
 * Run `f`, taking the unhandled rejections whose reason matches `expected` out of the test run's view (y-indexeddb
 * waits on a failed opening without a catch: in its constructor and in `destroy`); answers how many there were.
 */
async function withRejectionsOf(expected: RegExp, f: () => Promise<void>): Promise<number> {
  const others = process.listeners('unhandledRejection');
  let seen = 0;
  const filter = (reason: unknown, promise: Promise<unknown>) => {
    if (expected.test(String(reason))) seen++;
    else for (const listener of others) listener(reason, promise);
  };
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', filter);
  try {
    await f();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off('unhandledRejection', filter);
    for (const listener of others) process.on('unhandledRejection', listener);
  }
  return seen;
}

describe('offline copy on y-indexeddb', () => {
  it('says false at once when IndexedDB refuses to open, where whenSynced never settles', async () => {
    globals.indexedDB = memoryIndexedDB(true);
    globals.IDBKeyRange = KeyRange;
    const library = await withRejectionsOf(/denied permission/, async () => {
      // The library itself: its `whenSynced` stays pending, and its public `get` rejects.
      const persistence = new IndexeddbPersistence('refused', new Y.Doc());
      await expect(within(persistence.get('anything'), 1000, 'get')).rejects.toThrow(/denied permission/);
      const synced = await Promise.race([persistence.whenSynced.then(() => 'synced'), new Promise((r) => setTimeout(() => r('pending'), 100))]);
      expect(synced).toBe('pending');
      // And offline.ts on it.
      const copy = openOfflineCopy('w-refused', new Y.Doc());
      expect(await within(copy.loaded, 1000, 'loaded')).toBe(false);
      copy.destroy();
    });
    expect(library).toBeGreaterThan(0);
  });

  it('loads the copy kept in IndexedDB, says true, and never false, when IndexedDB opens', async () => {
    const idb = memoryIndexedDB(false);
    globals.indexedDB = idb;
    globals.IDBKeyRange = KeyRange;
    const first = new Y.Doc();
    const copy = openOfflineCopy('w1', first);
    expect(await within(copy.loaded, 1000, 'loaded')).toBe(true);
    first.getMap('meta').set('id', 'w1');
    first.getMap('elements').set('e1', { type: 'event', name: 'Kept' });
    await new Promise((r) => setTimeout(r, 20));
    copy.destroy();
    expect(idb.databases.get(offlineDatabaseName('w1'))?.get('updates')?.records.size).toBeGreaterThan(0);
    // The probe reads, never writes.
    expect(idb.databases.get(offlineDatabaseName('w1'))?.get('custom')?.records.size).toBe(0);

    const second = new Y.Doc();
    const again = openOfflineCopy('w1', second);
    expect(await within(again.loaded, 1000, 'loaded')).toBe(true);
    expect(second.getMap('elements').toJSON()).toEqual({ e1: { type: 'event', name: 'Kept' } });
    again.destroy();
  });
});
