// Durable storage: LevelDB under DATA_DIR through y-leveldb, in y-leveldb's own key layout (so its tools read our
// data), with three things y-leveldb alone does not give:
// - errors surface (y-leveldb's transactions log and swallow them; a write that failed must not look stored);
// - appends from every room are group-committed: whatever arrives while one LevelDB batch is being written goes
//   into the next batch, so a thousand clients cost a handful of writes, not a thousand;
// - compaction writes a room's whole state, known to be complete, and clears the log before it.
// Every operation runs in one ordered chain, so reads, appends and compactions of a document never interleave.
// The chain is ours: y-leveldb keeps its database and its own chain private (`_transact`), so the database is the
// one y-leveldb builds, with its key and value encodings, through its public `Level` option, and nothing but this
// chain touches it (no y-leveldb method is called before `destroy`). A LevelDB write is in the OS before its
// promise resolves: `kill -9` loses nothing acknowledged (power loss is another matter: LevelDB is not fsynced per write).
import { Level, type DatabaseOptions } from 'level';
import * as encoding from 'lib0/encoding';
import * as buffer from 'lib0/buffer';
import { LeveldbPersistence, getAllDocsKeys, getCurrentUpdateClock, getLevelUpdatesEntries, getLevelUpdatesKeys } from 'y-leveldb';
import * as Y from 'yjs';

type Key = Array<string | number>;
type BatchOp = { type: 'put'; key: Key; value: Uint8Array } | { type: 'del'; key: Key };

/** The part of abstract-level we use. */
interface LevelDb {
  status: string;
  open(): Promise<void>;
  get(key: Key): Promise<Uint8Array | undefined>;
  batch(ops: BatchOp[]): Promise<void>;
  clear(range: { gte: Key; lt: Key }): Promise<void>;
}

const updateKey = (doc: string, clock: number): Key => ['v1', doc, 'update', clock];
const metaKey = (doc: string, key: string): Key => ['v1', doc, 'meta', key];
const stateVectorKey = (doc: string): Key => ['v1_sv', doc];

function stateVectorRecord(stateVector: Uint8Array, clock: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export interface StoredDocument {
  /** The update log, oldest first. */
  updates: Uint8Array[];
  /** The clock of the last update, -1 when there is none. */
  clock: number;
}

interface PendingAppend {
  doc: string;
  update: Uint8Array;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export class StorageClosedError extends Error {
  constructor() {
    super('Storage is closed.');
  }
}

export class Storage {
  private readonly clocks = new Map<string, number>();
  private readonly appends: PendingAppend[] = [];
  /** True while the append loop runs; set and cleared synchronously with its queue checks (no gap to race). */
  private writing = false;
  private appendLoop: Promise<void> = Promise.resolve();
  private closed = false;
  /** Batches written and appends in them, for the logs and the bench. */
  readonly stats = { batches: 0, appends: 0 };

  /** The tail of the chain every operation runs in; it never rejects. */
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly persistence: LeveldbPersistence,
    private readonly db: LevelDb,
    readonly location: string,
  ) {}

  /** Open (or create) the database under `location`; rejects when it cannot (another process holds its lock). */
  static async open(location: string): Promise<Storage> {
    const held: { db?: LevelDb } = {};
    // y-leveldb constructs its database from the `Level` it is given, with its own encodings: keep a hold of it.
    class HeldLevel extends Level<Key, Uint8Array> {
      constructor(where: string, options?: DatabaseOptions<Key, Uint8Array>) {
        super(where, options);
        held.db = this;
      }
    }
    const persistence = new LeveldbPersistence(location, { Level: HeldLevel });
    if (!held.db) throw new Error(`Cannot open the database in ${location}: y-leveldb did not build it with the Level it was given.`);
    const storage = new Storage(persistence, held.db, location);
    try {
      await storage.run(async (db) => {
        if (db.status !== 'open') await db.open();
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      const locked = /lock/i.test(cause);
      throw new Error(
        `Cannot open the database in ${location}: ${cause}` + (locked ? ' (is another EventStorm server using this DATA_DIR?)' : ''),
        { cause: error },
      );
    }
    return storage;
  }

  /** Run `f` once everything called before it has finished; unlike y-leveldb's transactions, a failure rejects. */
  private run<T>(f: (db: LevelDb) => Promise<T>): Promise<T> {
    const result = this.chain.then(() => f(this.db));
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async clockOf(db: LevelDb, doc: string): Promise<number> {
    const known = this.clocks.get(doc);
    if (known !== undefined) return known;
    const clock = await getCurrentUpdateClock(db, doc);
    this.clocks.set(doc, clock);
    return clock;
  }

  /** The whole update log of `doc`. */
  readDocument(doc: string): Promise<StoredDocument> {
    return this.run(async (db) => {
      const entries = await getLevelUpdatesEntries(db, doc);
      const clock = entries.length === 0 ? -1 : (entries[entries.length - 1].key[3] as number);
      this.clocks.set(doc, clock);
      return { updates: entries.map((e) => e.value), clock };
    });
  }

  /** How many updates the log of `doc` holds (compaction keeps it short). */
  logLength(doc: string): Promise<number> {
    return this.run(async (db) => (await getLevelUpdatesKeys(db, doc)).length);
  }

  /**
   * Create `doc` with its first update and meta records in one atomic batch; refuses a document that exists.
   * `stateVector`, when the caller has it, spares decoding the whole update here (on the rooms' thread).
   */
  create(doc: string, update: Uint8Array, metas: Record<string, unknown>, stateVector?: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new StorageClosedError());
    return this.run(async (db) => {
      if ((await this.clockOf(db, doc)) !== -1) throw new Error(`document ${doc} already exists`);
      const ops: BatchOp[] = [
        { type: 'put', key: updateKey(doc, 0), value: Buffer.from(update) },
        { type: 'put', key: stateVectorKey(doc), value: Buffer.from(stateVectorRecord(stateVector ?? Y.encodeStateVectorFromUpdate(update), 0)) },
      ];
      for (const [key, value] of Object.entries(metas)) ops.push({ type: 'put', key: metaKey(doc, key), value: Buffer.from(buffer.encodeAny(value)) });
      await db.batch(ops);
      this.clocks.set(doc, 0);
    });
  }

  /** Append `update` to the log of `doc`; resolves once LevelDB has it. */
  append(doc: string, update: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new StorageClosedError());
    return new Promise<void>((resolve, reject) => {
      this.appends.push({ doc, update, resolve, reject });
      if (!this.writing) this.appendLoop = this.writeAppends();
    });
  }

  private async writeAppends(): Promise<void> {
    this.writing = true;
    while (this.appends.length > 0) {
      let bytes = 0;
      let count = 0;
      while (count < this.appends.length && (count === 0 || bytes + this.appends[count].update.byteLength <= MAX_BATCH_BYTES)) {
        bytes += this.appends[count].update.byteLength;
        count++;
      }
      const batch = this.appends.splice(0, count);
      try {
        await this.run(async (db) => {
          const next = new Map<string, number>();
          const ops: BatchOp[] = [];
          for (const append of batch) {
            let clock = next.get(append.doc) ?? (await this.clockOf(db, append.doc));
            if (clock === -1) {
              ops.push({ type: 'put', key: stateVectorKey(append.doc), value: Buffer.from(stateVectorRecord(Y.encodeStateVectorFromUpdate(append.update), 0)) });
            }
            clock += 1;
            next.set(append.doc, clock);
            ops.push({ type: 'put', key: updateKey(append.doc, clock), value: Buffer.from(append.update) });
          }
          await db.batch(ops);
          for (const [doc, clock] of next) this.clocks.set(doc, clock);
        });
        this.stats.batches++;
        this.stats.appends += batch.length;
        for (const append of batch) append.resolve();
      } catch (error) {
        for (const append of batch) append.reject(error);
      }
    }
    this.writing = false;
  }

  /**
   * Replace the log of `doc` by one update, `state`, which must hold everything appended so far (the caller's room
   * has nothing in flight). The state is written first and the old log cleared after, so a crash between the two
   * leaves both, never neither.
   */
  compact(doc: string, state: Uint8Array, stateVector: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new StorageClosedError());
    return this.run(async (db) => {
      const clock = (await this.clockOf(db, doc)) + 1;
      await db.batch([
        { type: 'put', key: updateKey(doc, clock), value: Buffer.from(state) },
        { type: 'put', key: stateVectorKey(doc), value: Buffer.from(stateVectorRecord(stateVector, clock)) },
      ]);
      this.clocks.set(doc, clock);
      await db.clear({ gte: updateKey(doc, 0), lt: updateKey(doc, clock) });
    });
  }

  getMeta<T>(doc: string, key: string): Promise<T | undefined> {
    return this.run(async (db) => {
      let value: Uint8Array | undefined;
      try {
        value = await db.get(metaKey(doc, key));
      } catch (error) {
        if ((error as { notFound?: boolean; code?: string }).notFound || (error as { code?: string }).code === 'LEVEL_NOT_FOUND') return undefined;
        throw error;
      }
      return value == null ? undefined : (buffer.decodeAny(value) as T);
    });
  }

  setMeta(doc: string, key: string, value: unknown): Promise<void> {
    if (this.closed) return Promise.reject(new StorageClosedError());
    return this.run(async (db) => {
      await db.batch([{ type: 'put', key: metaKey(doc, key), value: Buffer.from(buffer.encodeAny(value)) }]);
    });
  }

  /** Every stored document's name. */
  documentNames(): Promise<string[]> {
    return this.run(async (db) => (await getAllDocsKeys(db)).map((key) => String(key[1])));
  }

  /** Forget what is cached about `doc` (its room left memory). */
  forget(doc: string): void {
    this.clocks.delete(doc);
  }

  /** Finish the pending writes, then close LevelDB. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.writing) await this.appendLoop;
    // In the chain, after everything called before: y-leveldb's destroy closes the database.
    await this.run(() => this.persistence.destroy());
  }
}

