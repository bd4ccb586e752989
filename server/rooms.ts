// The one module that owns live rooms: a room is a workshop's Y.Doc in memory with its awareness, its websocket
// connections and an ordered queue of work. Websocket clients and server code (REST, MCP) reach a document only
// through here, so every change is stored and broadcast the same way.
//
// The rules, all enforced by the queue:
// - apply, store, forward: an update from a client is first checked (update-guard.ts) and applied to the room's
//   document; what the document took is appended to LevelDB, and only then sent to anyone. An update that cannot
//   be applied is dropped with its sender's connection and touches nothing else, so the log holds only what
//   loads, and nothing a client received can be lost;
// - a change made by server code is stored before it is broadcast, and before its caller hears it succeeded;
// - no sync request is answered before the stored document has loaded (and been migrated), nor while a change
//   made by server code is still unstored;
// - a room is loaded on first use and unloaded (after its last write) once nobody holds it.
import * as Y from 'yjs';
import { WebSocket, type RawData } from 'ws';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { SCHEMA_VERSION, boardMaps, liveSnapshot, migrate, type LiveSnapshot } from '../src/board';
import { EventStormError, type WorkshopSnapshot } from '../src/domain';
import { TokenBucket, type Limits } from './limits';
import { errorText, type Logger } from './log';
import type { Storage } from './storage';
import { refusalOf, type Refusal } from './update-guard';
import {
  MalformedMessage,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeUpdate,
  isEmptyStateVector,
  isEmptyUpdate,
  parseClientMessage,
  type AwarenessEntry,
  type ClientMessage,
  type DecodedUpdate,
} from './sync-protocol';

export type Access = 'edit' | 'view';

/** The list entry of a workshop, kept beside its document so listing never loads a board. */
export interface WorkshopSummary {
  id: string;
  name: string;
  domain: string;
  created_at: string;
  updated_at: string;
  element_count: number;
  context_count: number;
}

export function summaryOf(id: string, doc: Y.Doc): WorkshopSummary {
  const maps = boardMaps(doc);
  const text = (key: string) => (typeof maps.meta.get(key) === 'string' ? (maps.meta.get(key) as string) : '');
  return {
    id,
    name: text('name'),
    domain: text('domain'),
    created_at: text('createdAt'),
    updated_at: text('updatedAt') || text('createdAt'),
    element_count: maps.elements.size,
    context_count: maps.contexts.size,
  };
}

/** Close codes (RFC 6455). */
export const CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  policyViolation: 1008,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
} as const;

/** The meta record keeping a stored document's schema version (so a load knows it before applying it). */
export const SCHEMA_META = 'schema_version';

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const v = boardMaps(doc).meta.get('schemaVersion');
  return typeof v === 'number' ? v : undefined;
}

/** A log longer than this is compacted when its room loads, and when it unloads. */
export const COMPACT_ON_LOAD = 100;
export const COMPACT_ON_UNLOAD = 50;
/** A log of more than one update and more than this many bytes is compacted on load and unload. */
export const COMPACT_BYTES = 1024 * 1024;
/**
 * A room that stays loaded compacts after this many records (each batch stores one per author, so a busy room of
 * twenty writers adds twenty a batch: compacting every 500 cost a quarter of its throughput).
 */
export const COMPACT_EVERY = 2_000;
const MAX_STORE_BATCH_BYTES = 8 * 1024 * 1024;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** How long a load waits for answers sent from storage to leave before applying the document. */
const EARLY_FLUSH_MS = 250;
/** How long a load that has read storage waits for the first sync request of a client that just connected. */
const EARLY_REQUEST_WAIT_MS = 50;
const PING_INTERVAL_MS = 30_000;
/** Sync requests per client: a burst of 10, then one every two seconds (y-websocket sends one per connection). */
const SYNC_REQUEST_BURST = 10;
const SYNC_REQUESTS_PER_SECOND = 0.5;

export interface Connection {
  readonly ws: WebSocket;
  /** The client, for the logs: `c<n>`, unique in this process. */
  readonly client: string;
  readonly access: Access;
  readonly address: string;
  readonly openedAt: number;
  /** Awareness client ids this connection speaks for. */
  readonly controlled: Set<number>;
  readonly awarenessBucket: TokenBucket;
  /** Sync requests are answered with the whole document: a client gets a few, not a stream of them. */
  readonly syncBucket: TokenBucket;
  /** The latest awareness held back by the rate limit, delivered when the bucket refills. */
  lateAwareness: Map<number, AwarenessEntry> | null;
  lateTimer: NodeJS.Timeout | null;
  alive: boolean;
  droppedWrites: number;
  droppedAwareness: number;
  droppedSyncRequests: number;
  /** Being closed by the server: whatever else it sends is ignored. */
  ending: boolean;
  /** One of its updates was refused: those queued after it (which may build on it) are dropped too. */
  refused: boolean;
  /** Some of its presence was refused (said once in the log). */
  warnedPresence: boolean;
  closed: boolean;
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

type Job =
  | { kind: 'remote'; conn: Connection; update: Uint8Array; decoded: DecodedUpdate | null }
  | { kind: 'local'; update: Uint8Array; stored: Deferred }
  /** `reads`: sends document content, so waits until no change made by server code is unstored. */
  | { kind: 'task'; reads: boolean; run: () => void; syncRequest?: { conn: Connection; stateVector: Uint8Array } }
  | { kind: 'compact' };

export interface RoomHooks {
  /** Runs before each append (tests slow storage down with it to watch the ordering). */
  beforeStore?: (room: string, update: Uint8Array) => Promise<void> | void;
  /** Runs once an append is stored (its updates already applied), before they are sent. */
  afterStore?: (room: string, update: Uint8Array) => void;
}

interface RoomContext {
  storage: Storage;
  log: Logger;
  limits: Limits;
  hooks: RoomHooks;
  /** The room failed or closed: forget it. */
  gone(room: Room): void;
  /** Nobody holds the room any more. */
  unused(room: Room): void;
}

function toBytes(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export class Room {
  readonly doc = new Y.Doc();
  /** Kept current while the room is loaded, so a read re-reads only what changed since the last one. */
  private live: LiveSnapshot | null = null;
  readonly awareness: Awareness;
  readonly conns = new Map<WebSocket, Connection>();
  /** Server calls (REST, MCP) currently using the room. */
  holds = 0;
  state: 'loading' | 'ready' | 'failed' | 'closed' = 'loading';
  /** Resolves once the stored document is loaded and migrated; rejects when it cannot be. */
  readonly ready: Promise<void>;
  logLength = 0;
  /** Bytes in the stored log (as far as this room knows). */
  private logBytes = 0;
  /** At least the document's encoded size: measured at load and compaction, plus every byte stored since. */
  private boardBytes = 0;
  /** The append of the batch being stored: the document holds it already, so reads wait for it. */
  private storing: Promise<void> | null = null;
  private appendsSinceCompact = 0;
  private readonly queue: Job[] = [];
  private queuedBytes = 0;
  private pumping = false;
  private localPending = 0;
  private lastLocal: Deferred | null = null;
  private idleWaiters: Array<() => void> = [];
  /** What an 'update' event of the document means: a stored update applied, the load, or a change to store. */
  private mode: 'stored' | 'loading' | 'live' = 'loading';
  private migrationUpdates: Uint8Array[] | null = null;
  /** Stored updates applied in the current batch, sent together at its end. */
  private outgoing: Array<{ update: Uint8Array; except: Connection | null }> = [];
  /** The connection whose update is being applied, when it alone could be its author (nothing else was pending). */
  private applyingFrom: Connection | null = null;
  /** Which connection speaks for an awareness client id. */
  private readonly speakers = new Map<number, Connection>();
  summaryDirty = false;
  /** The schema version stored in SCHEMA_META, as read at load. */
  private schemaVersion: number | undefined;
  /** Called when a sync request is queued, while a load waits for one. */
  private onSyncRequest: (() => void) | null = null;
  lingerTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    private readonly ctx: RoomContext,
  ) {
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.onDocumentUpdate(update));
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(added, updated, removed, origin),
    );
    this.ready = this.load();
    this.ready.catch(() => {});
    void this.pump();
  }

  // ---- loading ----

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const [stored, schema] = await Promise.all([this.ctx.storage.readDocument(this.id), this.ctx.storage.getMeta<number>(this.id, SCHEMA_META)]);
      // A document stored at the current schema needs no migration: fresh clients can have it as stored, now,
      // rather than after it is applied here (the slow half of a cold load).
      let early = 0;
      if (schema === SCHEMA_VERSION) {
        // The client whose connection made this load usually asks a moment after storage answers: wait for it
        // (briefly), or it would wait for the whole apply below.
        if (stored.updates.length > 0 && this.unaskedConnections() > 0) await this.nextSyncRequest(EARLY_REQUEST_WAIT_MS);
        const sent: Promise<void>[] = [];
        early = this.answerFromStorage(stored.updates, sent);
        // Let a big answer leave before applying the document blocks this thread (not long: a slow client
        // must not hold up the room).
        if (sent.length > 0) await Promise.race([Promise.all(sent), new Promise((resolve) => setTimeout(resolve, EARLY_FLUSH_MS))]);
      }
      // Each record is applied on its own: one that fails (written before updates were applied first) costs only
      // itself, and the log says how much that was.
      let skipped = 0;
      let skippedBytes = 0;
      stored.updates.forEach((update, index) => {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (error) {
          skipped++;
          skippedBytes += update.byteLength;
          this.ctx.log.error('room.load.skipped-update', { room: this.id, record: index, of: stored.updates.length, bytes: update.byteLength, error: errorText(error) });
        }
      });
      this.migrationUpdates = [];
      const ran = migrate(this.doc);
      const changes = this.migrationUpdates;
      this.migrationUpdates = null;
      if (changes.length > 0) await this.ctx.storage.append(this.id, Y.mergeUpdates(changes));
      this.logLength = stored.updates.length + (changes.length > 0 ? 1 : 0);
      this.logBytes = stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
      this.boardBytes = this.logBytes;
      this.schemaVersion = schema;
      this.mode = 'live';
      this.state = 'ready';
      if (this.logLength > COMPACT_ON_LOAD || this.longInBytes()) this.queue.push({ kind: 'compact' });
      this.ctx.log.info('room.load', {
        room: this.id,
        ms: Math.round(performance.now() - started),
        updates: stored.updates.length,
        skipped: skipped || undefined,
        skipped_bytes: skippedBytes || undefined,
        answered_early: early || undefined,
        migrations: ran.length ? ran.join(',') : undefined,
      });
    } catch (error) {
      this.ctx.log.error('room.load.failed', { room: this.id, error: errorText(error) });
      this.fail(error);
      throw error;
    }
  }

  /** Connections with no sync request in the queue. */
  private unaskedConnections(): number {
    const asked = new Set<Connection>();
    for (const job of this.queue) if (job.kind === 'task' && job.syncRequest) asked.add(job.syncRequest.conn);
    return this.conns.size - asked.size;
  }

  private nextSyncRequest(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.onSyncRequest = done;
    }).finally(() => {
      this.onSyncRequest = null;
    });
  }

  /**
   * Answer the sync requests already waiting from clients that hold nothing yet, straight from the stored log
   * (the document as it will be once applied): its updates as plain updates, the last as sync step 2, so the
   * client is `synced` once it holds all of them. Answers how many were answered.
   */
  private answerFromStorage(updates: Uint8Array[], sent: Promise<void>[]): number {
    if (updates.length === 0) return 0;
    let answered = 0;
    for (let i = 0; i < this.queue.length; i++) {
      const job = this.queue[i];
      if (job.kind !== 'task' || !job.syncRequest || !isEmptyStateVector(job.syncRequest.stateVector)) continue;
      const { conn } = job.syncRequest;
      updates.forEach((update, k) => {
        const message = k === updates.length - 1 ? encodeSyncStep2FromUpdate(update) : encodeUpdate(update);
        sent.push(new Promise((resolve) => this.send(conn, message, () => resolve())));
      });
      this.queue.splice(i--, 1);
      answered++;
    }
    return answered;
  }

  // ---- the document ----

  private onDocumentUpdate(update: Uint8Array): void {
    if (this.mode === 'stored') {
      this.outgoing.push({ update, except: this.applyingFrom });
    } else if (this.mode === 'loading') {
      this.migrationUpdates?.push(update);
    } else if (this.state === 'ready') {
      // A change made by server code, right in the document: store it, then send it.
      const stored = deferred();
      this.localPending++;
      this.lastLocal = stored;
      this.enqueue({ kind: 'local', update, stored }, update.byteLength);
    }
  }

  /**
   * Run `fn` on the document in one transaction; resolves with its result once the change is stored and
   * broadcast. Whatever `fn` throws is thrown after whatever it changed anyway is stored.
   */
  async edit<T>(fn: (doc: Y.Doc) => T, origin: unknown): Promise<T> {
    await this.ready;
    if (this.state !== 'ready') throw new Error(`Workshop ${this.id} is not available right now; try again.`);
    if (this.overBoardBytes(0)) {
      throw new EventStormError('invalid', `This board is full (${mib(this.ctx.limits.maxBoardBytes)} MiB); delete some stickies or notes, or start a new board.`);
    }
    const before = this.lastLocal;
    let result: T | undefined;
    let failure: { error: unknown } | null = null;
    try {
      result = this.doc.transact(() => fn(this.doc), origin);
    } catch (error) {
      failure = { error };
    }
    const last = this.lastLocal;
    if (last && last !== before) await last.promise;
    if (failure) throw failure.error;
    return result as T;
  }

  async read<T>(fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T> {
    await this.ready;
    // The document may hold a batch whose append is under way: a read shows only what is stored.
    while (this.storing) await this.storing.catch(() => {});
    if (this.state !== 'ready') throw new Error(`Workshop ${this.id} is not available right now; try again.`);
    this.live ??= liveSnapshot(this.doc, this.id);
    return fn(this.live.get(), this.doc);
  }

  // ---- the queue ----

  private enqueue(job: Job, bytes = 0): void {
    this.queue.push(job);
    if (job.kind === 'task' && job.syncRequest) this.onSyncRequest?.();
    this.queuedBytes += bytes;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      await this.ready;
      while (this.queue.length > 0 && this.state === 'ready') {
        const head = this.queue[0];
        if (head.kind === 'task') {
          this.queue.shift();
          // A task that sends document content waits for any unstored server change (it is further down the queue).
          if (head.reads && this.localPending > 0) this.queue.push(head);
          else head.run();
          continue;
        }
        if (head.kind === 'compact') {
          this.queue.shift();
          await this.compact();
          continue;
        }
        await this.storeBatch();
      }
    } catch (error) {
      if (this.state === 'ready') {
        this.ctx.log.error('room.store.failed', { room: this.id, error: errorText(error) });
        this.fail(error);
      }
    } finally {
      this.pumping = false;
      if (this.queue.length === 0 || this.state !== 'ready') {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  /**
   * Apply the run of updates at the head of the queue (server changes are in the document already), store what the
   * document took as one record per author, then send it. Storing per author keeps one record from ever holding
   * two people's edits, so a record that could not load would cost only its author's.
   */
  private async storeBatch(): Promise<void> {
    const batch: Array<Extract<Job, { kind: 'remote' | 'local' }>> = [];
    let bytes = 0;
    while (this.queue.length > 0 && bytes < MAX_STORE_BATCH_BYTES) {
      const job = this.queue[0];
      if (job.kind !== 'remote' && job.kind !== 'local') break;
      batch.push(job);
      bytes += job.update.byteLength;
      this.queue.shift();
    }
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
      for (const update of updates) await this.ctx.hooks.beforeStore?.(this.id, update);
      // Issued together, the records go into one LevelDB batch (storage group-commits what arrives at once).
      await Promise.all(updates.map((update) => this.ctx.storage.append(this.id, update)));
      for (const update of updates) {
        this.ctx.hooks.afterStore?.(this.id, update);
        stored += update.byteLength;
      }
    };
    try {
      this.storing = append();
      await this.storing;
    } catch (error) {
      for (const job of batch) if (job.kind === 'local') job.stored.reject(error);
      throw error;
    } finally {
      this.storing = null;
      this.queuedBytes -= bytes;
    }
    for (const job of batch) if (job.kind === 'local') this.localPending--;
    if (records.size > 0) {
      this.logLength += records.size;
      this.logBytes += stored;
      this.boardBytes += stored;
      this.appendsSinceCompact += records.size;
      this.summaryDirty = true;
    }
    this.sendOutgoing();
    for (const job of batch) if (job.kind === 'local') job.stored.resolve();
    if (this.appendsSinceCompact >= COMPACT_EVERY) this.queue.unshift({ kind: 'compact' });
  }

  /** Check and apply one client's update; answers what the document took (nothing when it was refused). */
  private applyRemote(job: Extract<Job, { kind: 'remote' }>): Uint8Array[] {
    const { conn, update, decoded } = job;
    if (conn.refused) return [];
    const refusal = decoded ? (refusalOf(this.doc, decoded) ?? this.sizeRefusal(update, decoded)) : null;
    if (refusal) {
      this.refuse(conn, refusal);
      return [];
    }
    const from = this.outgoing.length;
    this.mode = 'stored';
    // With nothing pending, what this update adds is all its author's: the author needs no copy back. (With
    // something pending, it may complete someone else's update, which everyone needs.)
    const pending = this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
    this.applyingFrom = pending ? null : conn;
    try {
      Y.applyUpdate(this.doc, update, conn);
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
  private overBoardBytes(extra: number): boolean {
    const max = this.ctx.limits.maxBoardBytes;
    if (this.boardBytes + extra <= max) return false;
    this.boardBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    return this.boardBytes + extra > max;
  }

  /** Drop `conn` for an update it may not make: 1003 for one that cannot apply, 1008 for one past a board limit. */
  private refuse(conn: Connection, refusal: Refusal, partialBytes = 0): void {
    conn.refused = true;
    const malformed = refusal.code === 'inapplicable' || refusal.code === 'unsupported';
    this.ctx.log.warn(malformed ? 'ws.malformed' : 'ws.over-limit', {
      room: this.id,
      client: conn.client,
      reason: `${refusal.code}: ${refusal.reason}`,
      partial_bytes: partialBytes || undefined,
    });
    const closeReason = (malformed ? 'malformed update' : `board limit: ${refusal.reason}`).slice(0, 120);
    this.closeConnection(conn, malformed ? CLOSE.unsupportedData : CLOSE.policyViolation, closeReason);
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
        this.ctx.log.warn('room.merge-failed', { room: this.id, error: errorText(error) });
      }
      if (merged) {
        this.broadcast(encodeUpdate(merged));
        return;
      }
    }
    for (const { update, except } of out) {
      const message = encodeUpdate(update);
      for (const conn of this.conns.values()) if (conn !== except) this.send(conn, message);
    }
  }

  /** Replace the stored log by the document's whole state (nothing of this room is in flight here). */
  private async compact(): Promise<void> {
    const before = this.logLength;
    const state = Y.encodeStateAsUpdate(this.doc);
    await this.ctx.storage.compact(this.id, state, Y.encodeStateVector(this.doc));
    this.logLength = 1;
    this.logBytes = state.byteLength;
    this.boardBytes = state.byteLength;
    this.appendsSinceCompact = 0;
    this.ctx.log.info('room.compact', { room: this.id, updates: before });
  }

  /** A log of several updates that holds a lot of bytes: probably the same content more than once. */
  private longInBytes(): boolean {
    return this.logLength > 1 && this.logBytes > COMPACT_BYTES;
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (!this.pumping && (this.queue.length === 0 || this.state !== 'ready')) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get isUnused(): boolean {
    return this.conns.size === 0 && this.holds === 0;
  }

  // ---- connections ----

  attach(conn: Connection): void {
    this.conns.set(conn.ws, conn);
    if (this.lingerTimer) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = null;
    }
    conn.ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(conn, data, isBinary));
    conn.ws.on('close', (code: number) => this.detach(conn, code));
    conn.ws.on('pong', () => {
      conn.alive = true;
    });
    // Presence now; the document's state vector once the stored document has loaded.
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.send(conn, encodeAwarenessMessage(this.awareness, present));
    this.enqueue({ kind: 'task', reads: false, run: () => this.send(conn, encodeSyncStep1(this.doc)) });
  }

  private detach(conn: Connection, code: number): void {
    if (conn.closed) return;
    conn.closed = true;
    if (conn.lateTimer) clearTimeout(conn.lateTimer);
    this.conns.delete(conn.ws);
    this.ctx.log.info('ws.close', {
      room: this.id,
      client: conn.client,
      code,
      s: Math.round((performance.now() - conn.openedAt) / 100) / 10,
      dropped_writes: conn.droppedWrites || undefined,
      dropped_awareness: conn.droppedAwareness || undefined,
    });
    if (this.state === 'ready' || this.state === 'loading') {
      const ids = [...conn.controlled].filter((id) => this.speakers.get(id) === conn);
      if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
    }
    for (const [id, speaker] of this.speakers) if (speaker === conn) this.speakers.delete(id);
    if (this.isUnused) this.ctx.unused(this);
  }

  closeConnection(conn: Connection, code: number, reason: string): void {
    conn.ending = true;
    if (conn.ws.readyState === WebSocket.OPEN || conn.ws.readyState === WebSocket.CONNECTING) conn.ws.close(code, reason);
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => {
      if (conn.ws.readyState !== WebSocket.CLOSED) conn.ws.terminate();
    }, 5_000).unref();
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.closed || conn.ending || this.state === 'failed' || this.state === 'closed') return;
    let message: ClientMessage;
    try {
      if (!isBinary) throw new MalformedMessage('text frame (the protocol is binary)');
      message = parseClientMessage(toBytes(data));
    } catch (error) {
      this.ctx.log.warn('ws.malformed', { room: this.id, client: conn.client, reason: errorText(error) });
      this.closeConnection(conn, CLOSE.unsupportedData, 'malformed message');
      return;
    }
    switch (message.kind) {
      case 'sync-step1': {
        if (!conn.syncBucket.take()) {
          if (conn.droppedSyncRequests++ === 0) this.ctx.log.warn('ws.sync-requests-throttled', { room: this.id, client: conn.client });
          break;
        }
        const stateVector = message.stateVector;
        this.enqueue({ kind: 'task', reads: true, run: () => this.send(conn, encodeSyncStep2(this.doc, stateVector)), syncRequest: { conn, stateVector } });
        break;
      }
      case 'update':
        if (isEmptyUpdate(message.update)) break;
        if (conn.access !== 'edit') {
          // A view connection's writes are dropped here, on the server, whatever its UI does.
          if (conn.droppedWrites++ === 0) this.ctx.log.info('ws.view-write-dropped', { room: this.id, client: conn.client });
          break;
        }
        // A client answers the server's sync step 1 with all it has beyond the server's state vector, and always
        // its whole delete set: when the room holds all of it already, there is nothing to store.
        if (message.step2 && this.state === 'ready' && Y.snapshotContainsUpdate(Y.snapshot(this.doc), message.update)) break;
        if (this.queuedBytes + message.update.byteLength > this.ctx.limits.maxQueuedBytes) {
          this.ctx.log.warn('ws.queue-full', { room: this.id, client: conn.client, queued: this.queuedBytes });
          this.closeConnection(conn, CLOSE.tryAgainLater, 'server busy, retry');
          break;
        }
        this.enqueue({ kind: 'remote', conn, update: message.update, decoded: message.decoded }, message.update.byteLength);
        break;
      case 'awareness':
        this.onClientAwareness(conn, message.entries, message.bytes);
        break;
      case 'query-awareness':
        this.send(conn, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        break;
    }
  }

  // ---- awareness ----

  private onClientAwareness(conn: Connection, entries: AwarenessEntry[], bytes: number): void {
    if (bytes > this.ctx.limits.maxAwarenessBytes) {
      conn.droppedAwareness++;
      this.ctx.log.warn('ws.awareness-too-big', { room: this.id, client: conn.client, bytes });
      return;
    }
    // A connection speaks only for its own clients: the first few ids it announces, never one another live
    // connection holds (an id belongs to the connection that first announced it, until that one closes), each
    // state bounded in size. Everything else it says is dropped.
    const claimed = new Set(conn.controlled);
    const own = entries.filter((e) => {
      const speaker = this.speakers.get(e.clientID);
      if (speaker !== undefined && speaker !== conn) return false;
      if (e.json.length > this.ctx.limits.maxPresenceStateBytes) return false;
      if (claimed.has(e.clientID)) return true;
      if (claimed.size >= this.ctx.limits.presenceIdsPerConnection) return false;
      claimed.add(e.clientID);
      return true;
    });
    if (own.length < entries.length) {
      conn.droppedAwareness += entries.length - own.length;
      if (!conn.warnedPresence) {
        conn.warnedPresence = true;
        this.ctx.log.warn('ws.presence-refused', { room: this.id, client: conn.client, refused: entries.length - own.length });
      }
    }
    if (own.length === 0) return;
    if (conn.awarenessBucket.take()) {
      this.applyAwareness(conn, own);
      return;
    }
    // Over the rate: this update is dropped, but the latest state is kept and delivered when the bucket refills,
    // so a drag's final position or a departure is never lost.
    conn.droppedAwareness++;
    if (conn.droppedAwareness === 1) this.ctx.log.info('ws.awareness-throttled', { room: this.id, client: conn.client });
    conn.lateAwareness ??= new Map();
    for (const e of own) conn.lateAwareness.set(e.clientID, e);
    if (!conn.lateTimer) {
      conn.lateTimer = setTimeout(() => this.deliverLateAwareness(conn), Math.max(1, conn.awarenessBucket.wait()));
    }
  }

  private deliverLateAwareness(conn: Connection): void {
    conn.lateTimer = null;
    if (conn.closed || !conn.lateAwareness || this.state !== 'ready') return;
    if (!conn.awarenessBucket.take()) {
      conn.lateTimer = setTimeout(() => this.deliverLateAwareness(conn), Math.max(1, conn.awarenessBucket.wait()));
      return;
    }
    const entries = [...conn.lateAwareness.values()];
    conn.lateAwareness = null;
    this.applyAwareness(conn, entries);
  }

  private applyAwareness(conn: Connection, entries: AwarenessEntry[]): void {
    try {
      applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn);
    } catch (error) {
      this.ctx.log.warn('ws.malformed', { room: this.id, client: conn.client, reason: `awareness: ${errorText(error)}` });
      this.closeConnection(conn, CLOSE.unsupportedData, 'malformed awareness');
    }
  }

  private onAwarenessUpdate(added: number[], updated: number[], removed: number[], origin: unknown): void {
    const conn = origin !== null && typeof origin === 'object' && this.conns.get((origin as Connection).ws) === origin ? (origin as Connection) : null;
    if (conn) {
      for (const id of [...added, ...updated]) {
        conn.controlled.add(id);
        this.speakers.set(id, conn);
      }
    }
    for (const id of removed) {
      const speaker = this.speakers.get(id);
      speaker?.controlled.delete(id);
      this.speakers.delete(id);
    }
    this.broadcast(encodeAwarenessMessage(this.awareness, [...added, ...updated, ...removed]));
  }

  // ---- sending ----

  /** Send `message` to `conn`; `sent` is called once it is handed to the OS (or cannot be). */
  private send(conn: Connection, message: Uint8Array, sent?: () => void): void {
    const ws = conn.ws;
    if (conn.closed || ws.readyState !== WebSocket.OPEN) {
      sent?.();
      return;
    }
    if (ws.bufferedAmount > this.ctx.limits.maxBufferedBytes) {
      this.ctx.log.warn('ws.too-slow', { room: this.id, client: conn.client, buffered: ws.bufferedAmount });
      this.closeConnection(conn, CLOSE.tryAgainLater, 'too slow to keep up');
      sent?.();
      return;
    }
    if (sent) ws.send(message, () => sent());
    else ws.send(message);
  }

  private broadcast(message: Uint8Array): void {
    for (const conn of this.conns.values()) this.send(conn, message);
  }

  // ---- ending ----

  /** Storage failed: drop everything in memory; clients reconnect to a room loaded afresh from what is stored. */
  private fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.state = 'failed';
    for (const job of this.queue) if (job.kind === 'local') job.stored.reject(error);
    this.queue.length = 0;
    for (const conn of this.conns.values()) this.closeConnection(conn, CLOSE.internalError, 'storage failure');
    this.destroy();
    this.ctx.gone(this);
  }

  /**
   * Leave memory: compact a long log, store the list summary, let go of the document. The writes are issued
   * before this returns (so a reload of the room reads after them); the promise tells when they are done.
   */
  unload(): Promise<void> {
    this.state = 'closed';
    const writes: Promise<unknown>[] = [];
    let compacted = false;
    if (this.logLength > COMPACT_ON_UNLOAD || this.longInBytes()) {
      compacted = true;
      writes.push(this.ctx.storage.compact(this.id, Y.encodeStateAsUpdate(this.doc), Y.encodeStateVector(this.doc)));
    }
    if (this.summaryDirty) writes.push(this.ctx.storage.setMeta(this.id, 'summary', summaryOf(this.id, this.doc)));
    const schema = schemaVersionOf(this.doc);
    if (schema !== this.schemaVersion) writes.push(this.ctx.storage.setMeta(this.id, SCHEMA_META, schema ?? null));
    this.ctx.log.info('room.unload', { room: this.id, updates: this.logLength, compacted });
    this.destroy();
    this.ctx.storage.forget(this.id);
    return Promise.all(writes).then(() => undefined);
  }

  private destroy(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    for (const conn of this.conns.values()) if (conn.lateTimer) clearTimeout(conn.lateTimer);
    this.awareness.destroy();
    this.live?.dispose();
    this.live = null;
    this.doc.destroy();
  }
}

export interface RoomsOptions {
  storage: Storage;
  log: Logger;
  limits: Limits;
  /** How long an unused room stays loaded. */
  lingerMs: number;
  hooks?: RoomHooks;
}

/** Every live room, by workshop id. */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly pendingWrites = new Set<Promise<void>>();
  private readonly ctx: RoomContext;
  private readonly pinger: NodeJS.Timeout;
  private clientCounter = 0;
  private closing = false;

  constructor(private readonly options: RoomsOptions) {
    this.ctx = {
      storage: options.storage,
      log: options.log,
      limits: options.limits,
      hooks: options.hooks ?? {},
      gone: (room) => {
        if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
      },
      unused: (room) => this.scheduleUnload(room),
    };
    this.pinger = setInterval(() => this.heartbeat(), PING_INTERVAL_MS);
    this.pinger.unref();
  }

  /** The live room of `id`, created (and its load started) when there is none. The caller checked it exists. */
  private obtain(id: string): Room {
    if (this.closing) throw new Error('The server is shutting down.');
    let room = this.rooms.get(id);
    if (!room) {
      room = new Room(id, this.ctx);
      this.rooms.set(id, room);
    }
    return room;
  }

  /** Hold the room of `id` (loading it if needed) for the duration of `fn`. */
  async use<T>(id: string, fn: (room: Room) => Promise<T>): Promise<T> {
    const room = this.obtain(id);
    room.holds++;
    if (room.lingerTimer) {
      clearTimeout(room.lingerTimer);
      room.lingerTimer = null;
    }
    try {
      return await fn(room);
    } finally {
      room.holds--;
      if (room.isUnused) this.scheduleUnload(room);
    }
  }

  edit<T>(id: string, fn: (doc: Y.Doc) => T, origin: unknown): Promise<T> {
    return this.use(id, (room) => room.edit(fn, origin));
  }

  read<T>(id: string, fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T> {
    return this.use(id, (room) => room.read(fn));
  }

  /** Put an accepted websocket into the room of `id` (its access already checked). */
  attach(id: string, ws: WebSocket, access: Access, address: string): Connection {
    const room = this.obtain(id);
    const conn: Connection = {
      ws,
      client: `c${++this.clientCounter}`,
      access,
      address,
      openedAt: performance.now(),
      controlled: new Set(),
      awarenessBucket: new TokenBucket(this.options.limits.awarenessPerSecond, this.options.limits.awarenessPerSecond),
      syncBucket: new TokenBucket(SYNC_REQUEST_BURST, SYNC_REQUESTS_PER_SECOND),
      lateAwareness: null,
      lateTimer: null,
      alive: true,
      droppedWrites: 0,
      droppedAwareness: 0,
      droppedSyncRequests: 0,
      ending: false,
      refused: false,
      warnedPresence: false,
      closed: false,
    };
    this.options.log.info('ws.open', { room: id, client: conn.client, access, addr: address });
    room.attach(conn);
    return conn;
  }

  private scheduleUnload(room: Room): void {
    if (room.lingerTimer || this.closing || room.state === 'failed' || room.state === 'closed') return;
    room.lingerTimer = setTimeout(() => {
      room.lingerTimer = null;
      void this.unload(room);
    }, this.options.lingerMs);
  }

  private async unload(room: Room): Promise<void> {
    if (!room.isUnused) return;
    await room.ready.catch(() => {});
    await room.whenIdle();
    if (!room.isUnused || this.rooms.get(room.id) !== room || room.state !== 'ready') return;
    this.rooms.delete(room.id);
    this.track(room.unload());
  }

  private track(write: Promise<void>): void {
    const tracked = write.catch((error) => this.options.log.error('room.unload.write-failed', { error: errorText(error) }));
    this.pendingWrites.add(tracked);
    void tracked.finally(() => this.pendingWrites.delete(tracked));
  }

  private heartbeat(): void {
    for (const room of this.rooms.values()) {
      for (const conn of room.conns.values()) {
        if (!conn.alive) {
          this.options.log.info('ws.timeout', { room: room.id, client: conn.client });
          conn.ws.terminate();
          continue;
        }
        conn.alive = false;
        try {
          conn.ws.ping();
        } catch {
          conn.ws.terminate();
        }
      }
      if (room.summaryDirty && room.state === 'ready') {
        room.summaryDirty = false;
        this.track(this.options.storage.setMeta(room.id, 'summary', summaryOf(room.id, room.doc)));
      }
    }
  }

  get(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  /** Ids of the rooms in memory. */
  loadedIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** The live summary of every loaded room. */
  liveSummaries(): Map<string, WorkshopSummary> {
    const out = new Map<string, WorkshopSummary>();
    for (const room of this.rooms.values()) if (room.state === 'ready') out.set(room.id, summaryOf(room.id, room.doc));
    return out;
  }

  get connectionCount(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.conns.size;
    return n;
  }

  /** Shutdown: close every connection, store everything queued, unload every room. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.pinger);
    const rooms = [...this.rooms.values()];
    for (const room of rooms) {
      if (room.lingerTimer) clearTimeout(room.lingerTimer);
      for (const conn of room.conns.values()) room.closeConnection(conn, CLOSE.goingAway, 'server shutting down');
    }
    await Promise.all(
      rooms.map(async (room) => {
        await room.ready.catch(() => {});
        await room.whenIdle();
        if (room.state === 'ready') {
          this.rooms.delete(room.id);
          this.track(room.unload());
        }
      }),
    );
    await Promise.all([...this.pendingWrites]);
  }
}
