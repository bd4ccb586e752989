// Sending: the one way anything leaves a room for a client, and the one way a room closes a connection. A client
// that lets too much pile up unread is closed here rather than held in the server's memory. It owns no state of
// its own: it reads the room's connections and the limits.
import { WebSocket } from 'ws';
import type { Limits } from '../limits';
import type { Logger } from '../log';
import { CLOSE, type Connection } from './types';

export class Sender {
  constructor(
    /** The room's id, for the logs. */
    private readonly room: string,
    private readonly ctx: { readonly log: Logger; readonly limits: Limits },
    private readonly conns: ReadonlyMap<WebSocket, Connection>,
  ) {}

  /** Send `message` to `conn`; `sent` is called once it is handed to the OS (or cannot be). */
  send(conn: Connection, message: Uint8Array, sent?: () => void): void {
    const ws = conn.ws;
    if (conn.closed || ws.readyState !== WebSocket.OPEN) {
      sent?.();
      return;
    }
    if (ws.bufferedAmount > this.ctx.limits.maxBufferedBytes) {
      this.ctx.log.warn('ws.too-slow', { room: this.room, client: conn.client, buffered: ws.bufferedAmount });
      closeConnection(conn, CLOSE.tryAgainLater, 'too slow to keep up');
      sent?.();
      return;
    }
    if (sent) ws.send(message, () => sent());
    else ws.send(message);
  }

  broadcast(message: Uint8Array): void {
    for (const conn of this.conns.values()) this.send(conn, message);
  }
}

/** Close `conn` from the server's side: whatever else it sends is ignored from now on. */
export function closeConnection(conn: Connection, code: number, reason: string): void {
  conn.ending = true;
  if (conn.ws.readyState === WebSocket.OPEN || conn.ws.readyState === WebSocket.CONNECTING) conn.ws.close(code, reason);
  // A peer that never answers the close handshake is cut off.
  setTimeout(() => {
    if (conn.ws.readyState !== WebSocket.CLOSED) conn.ws.terminate();
  }, 5_000).unref();
}
