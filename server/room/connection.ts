// A websocket's life in a room: attaching it (presence now, the document's state vector once loaded), reading its
// messages and turning each into a job of the queue or a presence update, and detaching it when it closes. It owns
// no state beyond each Connection's own flags: what a message may do is decided here, at the door (a view's
// writes dropped, a full queue refused, sync requests rate-limited), and everything that follows is the queue's
// (queue.ts, store.ts) or presence's (presence.ts).
import * as Y from 'yjs';
import type { RawData } from 'ws';
import { errorText } from '../log';
import {
  MalformedMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  isEmptyUpdate,
  parseClientMessage,
  type ClientMessage,
} from '../sync-protocol';
import type { Room } from './room';
import { closeConnection } from './send';
import { CLOSE, type Connection, type RoomContext } from './types';

function toBytes(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export class Connections {
  constructor(
    private readonly room: Room,
    private readonly ctx: RoomContext,
  ) {}

  attach(conn: Connection): void {
    const room = this.room;
    room.conns.set(conn.ws, conn);
    if (room.lingerTimer) {
      clearTimeout(room.lingerTimer);
      room.lingerTimer = null;
    }
    conn.ws.on('message', (data: RawData, isBinary: boolean) => this.onMessage(conn, data, isBinary));
    conn.ws.on('close', (code: number) => this.detach(conn, code));
    conn.ws.on('pong', () => {
      conn.alive = true;
    });
    // Presence now; the document's state vector once the stored document has loaded.
    room.presence.greet(conn);
    room.queue.enqueue({ kind: 'task', reads: false, run: () => room.sender.send(conn, encodeSyncStep1(room.doc)) });
  }

  private detach(conn: Connection, code: number): void {
    if (conn.closed) return;
    conn.closed = true;
    if (conn.lateTimer) clearTimeout(conn.lateTimer);
    this.room.conns.delete(conn.ws);
    this.ctx.log.info('ws.close', {
      room: this.room.id,
      client: conn.client,
      code,
      s: Math.round((performance.now() - conn.openedAt) / 100) / 10,
      dropped_writes: conn.droppedWrites || undefined,
      dropped_awareness: conn.droppedAwareness || undefined,
    });
    this.room.presence.release(conn);
    if (this.room.isUnused) this.ctx.unused(this.room);
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    const room = this.room;
    if (conn.closed || conn.ending || room.state === 'failed' || room.state === 'closed') return;
    let message: ClientMessage;
    try {
      if (!isBinary) throw new MalformedMessage('text frame (the protocol is binary)');
      message = parseClientMessage(toBytes(data));
    } catch (error) {
      this.ctx.log.warn('ws.malformed', { room: room.id, client: conn.client, reason: errorText(error) });
      closeConnection(conn, CLOSE.unsupportedData, 'malformed message');
      return;
    }
    switch (message.kind) {
      case 'sync-step1': {
        if (!conn.syncBucket.take()) {
          if (conn.droppedSyncRequests++ === 0) this.ctx.log.warn('ws.sync-requests-throttled', { room: room.id, client: conn.client });
          break;
        }
        const stateVector = message.stateVector;
        room.queue.enqueue({ kind: 'task', reads: true, run: () => room.sender.send(conn, encodeSyncStep2(room.doc, stateVector)), syncRequest: { conn, stateVector } });
        break;
      }
      case 'update':
        if (isEmptyUpdate(message.update)) break;
        if (conn.access !== 'edit') {
          // A view connection's writes are dropped here, on the server, whatever its UI does.
          if (conn.droppedWrites++ === 0) this.ctx.log.info('ws.view-write-dropped', { room: room.id, client: conn.client });
          break;
        }
        // A client answers the server's sync step 1 with all it has beyond the server's state vector, and always
        // its whole delete set: when the room holds all of it already, there is nothing to store.
        if (message.step2 && room.state === 'ready' && Y.snapshotContainsUpdate(Y.snapshot(room.doc), message.update)) break;
        if (room.queue.queuedBytes + message.update.byteLength > this.ctx.limits.maxQueuedBytes) {
          this.ctx.log.warn('ws.queue-full', { room: room.id, client: conn.client, queued: room.queue.queuedBytes });
          closeConnection(conn, CLOSE.tryAgainLater, 'server busy, retry');
          break;
        }
        room.queue.enqueue({ kind: 'remote', conn, update: message.update, decoded: message.decoded }, message.update.byteLength);
        break;
      case 'awareness':
        room.presence.onClientAwareness(conn, message.entries, message.bytes);
        break;
      case 'query-awareness':
        room.presence.answerQuery(conn);
        break;
    }
  }
}
