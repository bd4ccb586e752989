// The registry of live rooms: the one way to reach a workshop's document. It makes a room on first use (its load
// starting at once), holds it while a server call (REST, MCP) uses it, puts accepted websockets into it, unloads
// it `lingerMs` after the last connection and the last call have left, pings every connection and drops those that
// stopped answering, and at shutdown closes every connection and stores everything queued. It owns which rooms
// are in memory and the writes of unloaded rooms still under way; what happens inside a room is room.ts's.
import type * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { WorkshopSnapshot } from '../../src/domain';
import { TokenBucket, type Limits } from '../limits';
import { errorText, type Logger } from '../log';
import type { Storage } from '../storage';
import { Room } from './room';
import { summaryOf, type WorkshopSummary } from './summary';
import { CLOSE, PING_INTERVAL_MS, SYNC_REQUESTS_PER_SECOND, SYNC_REQUEST_BURST, type Access, type Connection, type RoomContext, type RoomHooks } from './types';

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
