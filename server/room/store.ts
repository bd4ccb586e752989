// The store: what a run of updates does once it reaches the head of the queue, and the room's stored log. Each
// client update is guarded (update-guard.ts, and the board's size) and applied; what the document took is stored
// as one record per author; only then is it forwarded. A change made by server code is in the document already
// and is stored and forwarded the same way.
//
// It owns the document's `mode`, which says what an 'update' event of the document means: a client's update being
// applied ('stored': forward it once stored), the load ('loading': a migration's change to store), or anything
// else ('live': a change made by server code, to queue). That is a state of the document, not of the room: the
// room's life (loading, ready, failed, closed) is room.ts's, and this file only reads it.
//
// It also owns what the room knows of its log (records, bytes, the board's size, the schema version stored) and
// compaction, which replaces the log by the document's whole state.
import * as Y from 'yjs';
import { errorText } from '../log';
import { refusalOf, type Refusal } from '../update-guard';
import { encodeUpdate, type DecodedUpdate } from '../sync-protocol';
import type { Room } from './room';
import { closeConnection, type Sender } from './send';
import { SCHEMA_META, schemaVersionOf, summaryOf } from './summary';
import { CLOSE, COMPACT_BYTES, COMPACT_EVERY, COMPACT_ON_UNLOAD, mib, type Connection, type RoomContext, type UpdateJob } from './types';

export class Store {
  logLength = 0;
  /** Bytes in the stored log (as far as this room knows). */
  private logBytes = 0;
  /** At least the document's encoded size: measured at load and compaction, plus every byte stored since. */
  private boardBytes = 0;
  /** The append of the batch being stored: the document holds it already, so reads wait for it. */
  private pendingAppend: Promise<void> | null = null;
  private appendsSinceCompact = 0;
  /** What an 'update' event of the document means: a stored update applied, the load, or a change to store. */
  private mode: 'stored' | 'loading' | 'live' = 'loading';
  private migrationUpdates: Uint8Array[] | null = null;
  /** Stored updates applied in the current batch, sent together at its end. */
  private outgoing: Array<{ update: Uint8Array; except: Connection | null }> = [];
  /** The connection whose update is being applied, when it alone could be its author (nothing else was pending). */
  private applyingFrom: Connection | null = null;
  summaryDirty = false;
  /** The schema version stored in SCHEMA_META, as read at load. */
  private schemaVersion: number | undefined;

  constructor(
    private readonly room: Room,
    private readonly ctx: RoomContext,
    private readonly sender: Sender,
  ) {}

  /** The append of the batch being stored, if one is under way. */
  get storing(): Promise<void> | null {
    return this.pendingAppend;
  }

  // ---- the document ----

  onDocumentUpdate(update: Uint8Array): void {
    if (this.mode === 'stored') {
      this.outgoing.push({ update, except: this.applyingFrom });
    } else if (this.mode === 'loading') {
      this.migrationUpdates?.push(update);
    } else if (this.room.state === 'ready') {
      // A change made by server code, right in the document: store it, then send it.
      this.room.queue.enqueueLocal(update);
    }
  }

  /** Run the load's migrations; answers what they ran and the document updates they made. */
  captureMigration(migrate: () => string[]): { ran: string[]; changes: Uint8Array[] } {
    this.migrationUpdates = [];
    const ran = migrate();
    const changes = this.migrationUpdates;
    this.migrationUpdates = null;
    return { ran, changes };
  }

  /** The load is done: what it found in storage, and from now on the document's updates are live. */
  loaded(records: number, bytes: number, schema: number | undefined): void {
    this.logLength = records;
    this.logBytes = bytes;
    this.boardBytes = this.logBytes;
    this.schemaVersion = schema;
    this.mode = 'live';
  }

  // ---- a batch: guard, apply, store, forward ----

  /**
   * Apply the run of updates at the head of the queue (server changes are in the document already), store what the
   * document took as one record per author, then send it. Storing per author keeps one record from ever holding
   * two people's edits, so a record that could not load would cost only its author's.
   */
  async storeBatch(): Promise<void> {
    const { batch, bytes } = this.room.queue.takeBatch();
    const records = new Map<Connection | null, Uint8Array[]>();
    const record = (author: Connection | null, updates: Uint8Array[]) => {
      if (updates.length === 0) return;
      const list = records.get(author);
      if (list) list.push(...updates);
      else records.set(author, [...updates]);
    };
    for (const job of batch) {
      if (job.kind === 'local') {
        this.outgoing.push({ update: job.update, except: null });
        record(null, [job.update]);
      } else {
        record(job.conn, this.applyRemote(job));
      }
    }
    let stored = 0;
    const append = async () => {
      const updates = [...records.values()].map((list) => (list.length === 1 ? list[0] : Y.mergeUpdates(list)));
      for (const update of updates) await this.ctx.hooks.beforeStore?.(this.room.id, update);
      // Issued together, the records go into one LevelDB batch (storage group-commits what arrives at once).
      await Promise.all(updates.map((update) => this.ctx.storage.append(this.room.id, update)));
      for (const update of updates) {
        this.ctx.hooks.afterStore?.(this.room.id, update);
        stored += update.byteLength;
      }
    };
    try {
      this.pendingAppend = append();
      await this.pendingAppend;
    } catch (error) {
      for (const job of batch) if (job.kind === 'local') job.stored.reject(error);
      throw error;
    } finally {
      this.pendingAppend = null;
      this.room.queue.released(bytes);
    }
    for (const job of batch) if (job.kind === 'local') this.room.queue.localStored();
    if (records.size > 0) {
      this.logLength += records.size;
      this.logBytes += stored;
      this.boardBytes += stored;
      this.appendsSinceCompact += records.size;
      this.summaryDirty = true;
    }
    this.sendOutgoing();
    for (const job of batch) if (job.kind === 'local') job.stored.resolve();
    if (this.appendsSinceCompact >= COMPACT_EVERY) this.room.queue.compactNext();
  }

  /** Check and apply one client's update; answers what the document took (nothing when it was refused). */
  private applyRemote(job: Extract<UpdateJob, { kind: 'remote' }>): Uint8Array[] {
    const { conn, update, decoded } = job;
    if (conn.refused) return [];
    const refusal = decoded ? (refusalOf(this.room.doc, decoded) ?? this.sizeRefusal(update, decoded)) : null;
    if (refusal) {
      this.refuse(conn, refusal);
      return [];
    }
    const from = this.outgoing.length;
    this.mode = 'stored';
    // With nothing pending, what this update adds is all its author's: the author needs no copy back. (With
    // something pending, it may complete someone else's update, which everyone needs.)
    const pending = this.room.doc.store.pendingStructs !== null || this.room.doc.store.pendingDs !== null;
    this.applyingFrom = pending ? null : conn;
    try {
      Y.applyUpdate(this.room.doc, update, conn);
    } catch (error) {
      // Not foreseen by the guard: Yjs stopped half-way. What it did integrate is in the document, so it is stored
      // and sent like the rest (the document and the log never disagree); the sender is dropped.
      const partial = this.outgoing.slice(from).reduce((sum, o) => sum + o.update.byteLength, 0);
      this.refuse(conn, { code: 'inapplicable', reason: `update failed to apply: ${errorText(error)}` }, partial);
    } finally {
      this.mode = 'live';
      this.applyingFrom = null;
    }
    return this.outgoing.slice(from).map((o) => o.update);
  }

  /** An update that adds content to a board already at MAX_BOARD_BYTES (deletes are always let through). */
  private sizeRefusal(update: Uint8Array, decoded: DecodedUpdate): Refusal | null {
    if (!decoded.structs.some((s) => s instanceof Y.Item)) return null;
    if (!this.overBoardBytes(update.byteLength)) return null;
    return { code: 'board_too_big', reason: `the board would pass ${mib(this.ctx.limits.maxBoardBytes)} MiB` };
  }

  /** Whether `extra` more bytes would take the board past its limit; measures the document when the estimate says so. */
  overBoardBytes(extra: number): boolean {
    const max = this.ctx.limits.maxBoardBytes;
    if (this.boardBytes + extra <= max) return false;
    this.boardBytes = Y.encodeStateAsUpdate(this.room.doc).byteLength;
    return this.boardBytes + extra > max;
  }

  /** Drop `conn` for an update it may not make: 1003 for one that cannot apply, 1008 for one past a board limit. */
  private refuse(conn: Connection, refusal: Refusal, partialBytes = 0): void {
    conn.refused = true;
    const malformed = refusal.code === 'inapplicable' || refusal.code === 'unsupported';
    this.ctx.log.warn(malformed ? 'ws.malformed' : 'ws.over-limit', {
      room: this.room.id,
      client: conn.client,
      reason: `${refusal.code}: ${refusal.reason}`,
      partial_bytes: partialBytes || undefined,
    });
    const closeReason = (malformed ? 'malformed update' : `board limit: ${refusal.reason}`).slice(0, 120);
    closeConnection(conn, malformed ? CLOSE.unsupportedData : CLOSE.policyViolation, closeReason);
  }

  /**
   * Send what the batch applied: one update to everyone but its author, or several merged into one message to
   * everyone (under load a batch holds many, and one message per client beats many).
   */
  private sendOutgoing(): void {
    const out = this.outgoing;
    this.outgoing = [];
    if (out.length === 0) return;
    if (out.length > 1) {
      let merged: Uint8Array | null = null;
      try {
        merged = Y.mergeUpdates(out.map((o) => o.update));
      } catch (error) {
        this.ctx.log.warn('room.merge-failed', { room: this.room.id, error: errorText(error) });
      }
      if (merged) {
        this.sender.broadcast(encodeUpdate(merged));
        return;
      }
    }
    for (const { update, except } of out) {
      const message = encodeUpdate(update);
      for (const conn of this.room.conns.values()) if (conn !== except) this.sender.send(conn, message);
    }
  }

  // ---- compaction ----

  /** Replace the stored log by the document's whole state (nothing of this room is in flight here). */
  async compact(): Promise<void> {
    const before = this.logLength;
    const state = Y.encodeStateAsUpdate(this.room.doc);
    await this.ctx.storage.compact(this.room.id, state, Y.encodeStateVector(this.room.doc));
    this.logLength = 1;
    this.logBytes = state.byteLength;
    this.boardBytes = state.byteLength;
    this.appendsSinceCompact = 0;
    this.ctx.log.info('room.compact', { room: this.room.id, updates: before });
  }

  /** A log of several updates that holds a lot of bytes: probably the same content more than once. */
  longInBytes(): boolean {
    return this.logLength > 1 && this.logBytes > COMPACT_BYTES;
  }

  /**
   * The writes of an unload, issued now: compact a long log, store the list summary and the schema version when
   * they changed. Answers them, and whether the log was compacted.
   */
  unloadWrites(): { writes: Promise<unknown>[]; compacted: boolean } {
    const { id, doc } = this.room;
    const writes: Promise<unknown>[] = [];
    let compacted = false;
    if (this.logLength > COMPACT_ON_UNLOAD || this.longInBytes()) {
      compacted = true;
      writes.push(this.ctx.storage.compact(id, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc)));
    }
    if (this.summaryDirty) writes.push(this.ctx.storage.setMeta(id, 'summary', summaryOf(id, doc)));
    const schema = schemaVersionOf(doc);
    if (schema !== this.schemaVersion) writes.push(this.ctx.storage.setMeta(id, SCHEMA_META, schema ?? null));
    return { writes, compacted };
  }
}
