// Loading a room: reading its stored document, answering cold clients straight from storage, applying the records
// one by one, running the migrations and storing what they changed. It runs once, when the room is made; the
// queue waits for it (`room.ready`), so no sync request is answered before the stored document is in and current.
// It owns nothing that outlives the load: what it found goes to the store (store.ts), and the room becomes ready.
import * as Y from 'yjs';
import { SCHEMA_VERSION, migrate } from '../../src/board';
import { errorText } from '../log';
import { encodeSyncStep2FromUpdate, encodeUpdate, isEmptyStateVector } from '../sync-protocol';
import type { Room } from './room';
import { SCHEMA_META } from './summary';
import { COMPACT_ON_LOAD, EARLY_FLUSH_MS, EARLY_REQUEST_WAIT_MS, type RoomContext } from './types';

export async function loadRoom(room: Room, ctx: RoomContext): Promise<void> {
  const started = performance.now();
  try {
    const [stored, schema] = await Promise.all([ctx.storage.readDocument(room.id), ctx.storage.getMeta<number>(room.id, SCHEMA_META)]);
    // A document stored at the current schema needs no migration: fresh clients can have it as stored, now,
    // rather than after it is applied here (the slow half of a cold load).
    let early = 0;
    if (schema === SCHEMA_VERSION) {
      // The client whose connection made this load usually asks a moment after storage answers: wait for it
      // (briefly), or it would wait for the whole apply below.
      if (stored.updates.length > 0 && unaskedConnections(room) > 0) await room.queue.nextSyncRequest(EARLY_REQUEST_WAIT_MS);
      const sent: Promise<void>[] = [];
      early = answerFromStorage(room, stored.updates, sent);
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
        Y.applyUpdate(room.doc, update);
      } catch (error) {
        skipped++;
        skippedBytes += update.byteLength;
        ctx.log.error('room.load.skipped-update', { room: room.id, record: index, of: stored.updates.length, bytes: update.byteLength, error: errorText(error) });
      }
    });
    const { ran, changes } = room.store.captureMigration(() => migrate(room.doc));
    if (changes.length > 0) await ctx.storage.append(room.id, Y.mergeUpdates(changes));
    room.store.loaded(
      stored.updates.length + (changes.length > 0 ? 1 : 0),
      stored.updates.reduce((sum, u) => sum + u.byteLength, 0),
      schema,
    );
    room.state = 'ready';
    if (room.store.logLength > COMPACT_ON_LOAD || room.store.longInBytes()) room.queue.compactAfterQueued();
    ctx.log.info('room.load', {
      room: room.id,
      ms: Math.round(performance.now() - started),
      updates: stored.updates.length,
      skipped: skipped || undefined,
      skipped_bytes: skippedBytes || undefined,
      answered_early: early || undefined,
      migrations: ran.length ? ran.join(',') : undefined,
    });
  } catch (error) {
    ctx.log.error('room.load.failed', { room: room.id, error: errorText(error) });
    room.fail(error);
    throw error;
  }
}

/** Connections with no sync request in the queue. */
function unaskedConnections(room: Room): number {
  return room.conns.size - room.queue.askers().size;
}

/**
 * Answer the sync requests already waiting from clients that hold nothing yet, straight from the stored log
 * (the document as it will be once applied): its updates as plain updates, the last as sync step 2, so the
 * client is `synced` once it holds all of them. Answers how many were answered.
 */
function answerFromStorage(room: Room, updates: Uint8Array[], sent: Promise<void>[]): number {
  if (updates.length === 0) return 0;
  const cold = room.queue.takeSyncRequests(isEmptyStateVector);
  for (const conn of cold) {
    updates.forEach((update, k) => {
      const message = k === updates.length - 1 ? encodeSyncStep2FromUpdate(update) : encodeUpdate(update);
      sent.push(new Promise((resolve) => room.sender.send(conn, message, () => resolve())));
    });
  }
  return cold.length;
}
