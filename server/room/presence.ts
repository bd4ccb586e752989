// Presence: the room's awareness (cursors, views, selections, live drags) and what each connection may speak for.
// It owns the awareness instance, which connection speaks for which awareness client id, and the rate limit's
// held-back states. It never touches the document or the queue: presence is not stored, only relayed, so it
// needs nothing of the queue's ordering.
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Limits } from '../limits';
import { errorText, type Logger } from '../log';
import { encodeAwarenessEntries, encodeAwarenessMessage, type AwarenessEntry } from '../sync-protocol';
import { closeConnection, type Sender } from './send';
import { CLOSE, type Connection, type RoomState } from './types';

export class Presence {
  readonly awareness: Awareness;
  /** Which connection speaks for an awareness client id. */
  private readonly speakers = new Map<number, Connection>();

  constructor(
    doc: Y.Doc,
    /** The room's id, for the logs. */
    private readonly room: string,
    private readonly ctx: { readonly log: Logger; readonly limits: Limits },
    private readonly conns: ReadonlyMap<WebSocket, Connection>,
    private readonly sender: Sender,
    /** The room's life: held-back presence is delivered only while it is ready. */
    private readonly state: () => RoomState,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(added, updated, removed, origin),
    );
  }

  /** Tell a connection that just arrived who is here. */
  greet(conn: Connection): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.sender.send(conn, encodeAwarenessMessage(this.awareness, present));
  }

  /** Answer a client's query for everyone's presence. */
  answerQuery(conn: Connection): void {
    this.sender.send(conn, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** A connection closed: its entries go (while the room still has an awareness), and so do its claims. */
  release(conn: Connection): void {
    const state = this.state();
    if (state === 'ready' || state === 'loading') {
      const ids = [...conn.controlled].filter((id) => this.speakers.get(id) === conn);
      if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
    }
    for (const [id, speaker] of this.speakers) if (speaker === conn) this.speakers.delete(id);
  }

  onClientAwareness(conn: Connection, entries: AwarenessEntry[], bytes: number): void {
    if (bytes > this.ctx.limits.maxAwarenessBytes) {
      conn.droppedAwareness++;
      this.ctx.log.warn('ws.awareness-too-big', { room: this.room, client: conn.client, bytes });
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
        this.ctx.log.warn('ws.presence-refused', { room: this.room, client: conn.client, refused: entries.length - own.length });
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
    if (conn.droppedAwareness === 1) this.ctx.log.info('ws.awareness-throttled', { room: this.room, client: conn.client });
    conn.lateAwareness ??= new Map();
    for (const e of own) conn.lateAwareness.set(e.clientID, e);
    if (!conn.lateTimer) {
      conn.lateTimer = setTimeout(() => this.deliverLateAwareness(conn), Math.max(1, conn.awarenessBucket.wait()));
    }
  }

  private deliverLateAwareness(conn: Connection): void {
    conn.lateTimer = null;
    if (conn.closed || !conn.lateAwareness || this.state() !== 'ready') return;
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
      this.ctx.log.warn('ws.malformed', { room: this.room, client: conn.client, reason: `awareness: ${errorText(error)}` });
      closeConnection(conn, CLOSE.unsupportedData, 'malformed awareness');
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
    this.sender.broadcast(encodeAwarenessMessage(this.awareness, [...added, ...updated, ...removed]));
  }

  /** The room leaves memory: no held-back presence is delivered, and the awareness stops. */
  destroy(): void {
    for (const conn of this.conns.values()) if (conn.lateTimer) clearTimeout(conn.lateTimer);
    this.awareness.destroy();
  }
}
