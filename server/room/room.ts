// A room: a workshop's Y.Doc in memory with its awareness, its websocket connections and an ordered queue of work.
// Websocket clients and server code (REST, MCP) reach a document only through a room (by way of the registry,
// rooms.ts), so every change is stored and broadcast the same way.
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
//
// This file owns the room's life (`state`: loading, ready, failed, closed), its connections and holders, and the
// doors server code uses (`edit`, `read`); it composes the parts, each in its own file:
// - load.ts: reading the stored document, answering cold clients from storage, migrating;
// - queue.ts: the order of work, and when each job runs;
// - store.ts: what a batch does (guard, apply, store one record per author, forward), the log, compaction;
// - connection.ts: a websocket's messages, at the door; presence.ts: awareness; send.ts: what leaves for clients.
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import { liveSnapshot, type LiveSnapshot } from '../../src/board';
import { EventStormError, type WorkshopSnapshot } from '../../src/domain';
import { Connections } from './connection';
import { loadRoom } from './load';
import { Presence } from './presence';
import { Queue } from './queue';
import { Sender, closeConnection } from './send';
import { Store } from './store';
import { CLOSE, mib, type Connection, type RoomContext, type RoomState } from './types';

export class Room {
  readonly doc = new Y.Doc();
  /** Kept current while the room is loaded, so a read re-reads only what changed since the last one. */
  private live: LiveSnapshot | null = null;
  readonly awareness: Awareness;
  readonly conns = new Map<WebSocket, Connection>();
  /** Server calls (REST, MCP) currently using the room. */
  holds = 0;
  state: RoomState = 'loading';
  /** Resolves once the stored document is loaded and migrated; rejects when it cannot be. */
  readonly ready: Promise<void>;
  lingerTimer: NodeJS.Timeout | null = null;

  readonly sender: Sender;
  readonly queue: Queue;
  readonly store: Store;
  readonly presence: Presence;
  private readonly connections: Connections;

  constructor(
    readonly id: string,
    private readonly ctx: RoomContext,
  ) {
    this.sender = new Sender(id, ctx, this.conns);
    this.queue = new Queue(this, ctx);
    this.store = new Store(this, ctx, this.sender);
    this.presence = new Presence(this.doc, id, ctx, this.conns, this.sender, () => this.state);
    this.awareness = this.presence.awareness;
    this.connections = new Connections(this, ctx);
    this.doc.on('update', (update: Uint8Array) => this.store.onDocumentUpdate(update));
    this.ready = loadRoom(this, ctx);
    this.ready.catch(() => {});
    void this.queue.pump();
  }

  /** Records in the stored log (as far as this room knows). */
  get logLength(): number {
    return this.store.logLength;
  }

  /** Something was stored since the list summary was last written. */
  get summaryDirty(): boolean {
    return this.store.summaryDirty;
  }

  set summaryDirty(dirty: boolean) {
    this.store.summaryDirty = dirty;
  }

  // ---- the document, for server code ----

  /**
   * Run `fn` on the document in one transaction; resolves with its result once the change is stored and
   * broadcast. Whatever `fn` throws is thrown after whatever it changed anyway is stored.
   */
  async edit<T>(fn: (doc: Y.Doc) => T, origin: unknown): Promise<T> {
    await this.ready;
    if (this.state !== 'ready') throw new Error(`Workshop ${this.id} is not available right now; try again.`);
    if (this.store.overBoardBytes(0)) {
      throw new EventStormError('invalid', `This board is full (${mib(this.ctx.limits.maxBoardBytes)} MiB); delete some stickies or notes, or start a new board.`);
    }
    const before = this.queue.lastLocal;
    let result: T | undefined;
    let failure: { error: unknown } | null = null;
    try {
      result = this.doc.transact(() => fn(this.doc), origin);
    } catch (error) {
      failure = { error };
    }
    const last = this.queue.lastLocal;
    if (last && last !== before) await last.promise;
    if (failure) throw failure.error;
    return result as T;
  }

  async read<T>(fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T> {
    await this.ready;
    // The document may hold a batch whose append is under way: a read shows only what is stored.
    while (this.store.storing) await this.store.storing.catch(() => {});
    if (this.state !== 'ready') throw new Error(`Workshop ${this.id} is not available right now; try again.`);
    this.live ??= liveSnapshot(this.doc, this.id);
    return fn(this.live.get(), this.doc);
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  get isUnused(): boolean {
    return this.conns.size === 0 && this.holds === 0;
  }

  // ---- connections ----

  attach(conn: Connection): void {
    this.connections.attach(conn);
  }

  closeConnection(conn: Connection, code: number, reason: string): void {
    closeConnection(conn, code, reason);
  }

  // ---- ending ----

  /** Storage failed: drop everything in memory; clients reconnect to a room loaded afresh from what is stored. */
  fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.state = 'failed';
    this.queue.drop(error);
    for (const conn of this.conns.values()) closeConnection(conn, CLOSE.internalError, 'storage failure');
    this.destroy();
    this.ctx.gone(this);
  }

  /**
   * Leave memory: compact a long log, store the list summary, let go of the document. The writes are issued
   * before this returns (so a reload of the room reads after them); the promise tells when they are done.
   */
  unload(): Promise<void> {
    this.state = 'closed';
    const { writes, compacted } = this.store.unloadWrites();
    this.ctx.log.info('room.unload', { room: this.id, updates: this.store.logLength, compacted });
    this.destroy();
    this.ctx.storage.forget(this.id);
    return Promise.all(writes).then(() => undefined);
  }

  private destroy(): void {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.presence.destroy();
    this.live?.dispose();
    this.live = null;
    this.doc.destroy();
  }
}
