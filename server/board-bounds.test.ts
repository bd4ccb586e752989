// Issue 20, point 4: the websocket enforces what the operations enforce. A message that would take a board past
// 10,000 elements, a string past the schemas' longest field, or the document past MAX_BOARD_BYTES closes its
// sender with 1008 and a reason, stores nothing, and leaves everyone else's board as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, boardMaps, deleteElements } from '../src/board';
import { LIMITS } from '../src/domain';
import { syncUpdateMessage } from '../test-support/crafted-updates';
import { connectClient, rawSocket, startTestServer, waitFor, wsBase, type TestClient, type TestServer } from '../test-support/test-clients';
import type WebSocket from 'ws';

const MAX_BOARD_BYTES = 400_000;

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('board bounds on the websocket', () => {
  let server: TestServer;
  let id: string;
  let key: string;
  let watcher: TestClient;

  beforeAll(async () => {
    server = await startTestServer({ limits: { maxBoardBytes: MAX_BOARD_BYTES } });
    const created = await server.workshops.create({ name: 'Bounded' });
    id = created.meta.id;
    key = created.editKey;
    watcher = connectClient(server.url, id, { key });
    await watcher.synced();
  });
  afterAll(async () => {
    watcher.destroy();
    await server.stop();
  });

  /** Send `update` from a hand-made connection; answers how the server closed it. */
  async function send(update: Uint8Array): Promise<{ code: number; reason: string }> {
    const result = await rawSocket(`${wsBase(server.url)}/${id}?key=${encodeURIComponent(key)}`);
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`);
    const closed = closeOf(result.ws);
    result.ws.send(syncUpdateMessage(update));
    return closed;
  }

  const stored = () => server.workshops.read(id, (snap) => snap.elements.length);

  it('refuses one message that would take the board past 10,000 elements, storing none of it', async () => {
    const offline = new Y.Doc();
    const elements = boardMaps(offline).elements;
    offline.transact(() => {
      for (let i = 0; i < LIMITS.elementsPerBoard + 1; i++) elements.set(`e${i}`, { type: 'event', name: `E${i}`, at: [i, 0], created: ['x', '2025-01-01T00:00:00Z'] });
    });
    const before = await stored();
    const { code, reason } = await send(Y.encodeStateAsUpdate(offline));
    expect(code).toBe(1008);
    expect(reason).toMatch(/10001 elements \(at most 10000\)/);
    expect(await stored()).toBe(before);
    expect(boardMaps(watcher.doc).elements.size).toBe(before);
  });

  it('refuses a name of a million characters', async () => {
    const doc = new Y.Doc();
    boardMaps(doc).elements.set('huge', { type: 'event', name: 'x'.repeat(1_000_000), at: [0, 0] });
    const { code, reason } = await send(Y.encodeStateAsUpdate(doc));
    expect(code).toBe(1008);
    expect(reason).toMatch(/1000000 characters \(at most 5000\)/);
    expect(await server.workshops.read(id, (snap) => snap.elements.some((e) => e.id === 'huge'))).toBe(false);
  });

  it('fills a board up to MAX_BOARD_BYTES, then refuses what would pass it but still lets its editors delete', async () => {
    const writer = connectClient(server.url, id, { key });
    await writer.synced();
    const closed = new Promise<number>((resolve) => writer.provider.on('connection-close', (event) => resolve(event?.code ?? -1)));
    const added: string[] = [];
    // Each sticky carries ~4 KB of notes; the board fills after about a hundred.
    for (let i = 0; i < 200; i++) {
      try {
        added.push(addElement(writer.doc, { type: 'event', name: `Full ${i}`, notes: 'n'.repeat(4_000) }).id);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
      if (!writer.provider.wsconnected) break;
    }
    expect(await closed).toBe(1008);
    writer.destroy();
    const count = await stored();
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThan(200);
    const bytes = await server.workshops.read(id, (_snap, doc) => Y.encodeStateAsUpdate(doc).byteLength);
    expect(bytes).toBeLessThanOrEqual(MAX_BOARD_BYTES);

    // The server's own doors (MCP, REST) say the board is full, in words, once it has reached its limit (an operation
    // is bounded, so the last one may pass it by a few KB).
    const serverAdd = () => server.workshops.edit(id, (doc) => addElement(doc, { type: 'event', name: 'One more', notes: 'n'.repeat(4_000) }), 'test');
    let refusal: unknown = null;
    for (let i = 0; i < 3 && !refusal; i++) await serverAdd().catch((error: unknown) => (refusal = error));
    expect(String(refusal)).toMatch(/board is full/);
    const full = await stored();

    // Deleting is always let through.
    const cleaner = connectClient(server.url, id, { key });
    await cleaner.synced();
    deleteElements(cleaner.doc, { element_ids: added.slice(0, 20).filter((e) => boardMaps(cleaner.doc).elements.has(e)) });
    await waitFor(async () => (await stored()) === full - 20, 'the deletions to be stored');
    expect(cleaner.provider.wsconnected).toBe(true);
    cleaner.destroy();
  });
});

describe('a board filled to its limit', () => {
  it('exports to a file that imports, however big', async () => {
    const server = await startTestServer({ limits: { maxBoardBytes: 7 * 1024 * 1024 } });
    try {
      const { meta, editKey } = await server.workshops.create({ name: 'Full to the brim' });
      const writer = connectClient(server.url, meta.id, { key: editKey });
      await writer.synced();
      // 1,400 stickies of 5,000-character notes: a document of about 7 MB, an export above the 5 MiB body limit.
      for (let i = 0; i < 1_400; i++) {
        addElement(writer.doc, { type: 'event', name: `Sticky ${i}`, notes: `${i} `.padEnd(LIMITS.textLength, 'n') });
        if (i % 100 === 99) await waitFor(() => writer.provider.synced, 'the writer to keep up');
      }
      await waitFor(async () => (await server.workshops.read(meta.id, (snap) => snap.elements.length)) === 1_400, 'every sticky to be stored');
      expect(writer.provider.wsconnected, 'the board stayed within its limit').toBe(true);
      writer.destroy();

      const exported = await fetch(`${server.url}/api/workshops/${meta.id}/export?metadata=true`, { headers: { authorization: `Bearer ${editKey}` } });
      const file = await exported.text();
      expect(file.length).toBeGreaterThan(5 * 1024 * 1024);
      const imported = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file });
      expect(imported.status, await imported.clone().text()).toBe(201);
      const { workshop_id } = (await imported.json()) as { workshop_id: string };
      expect(await server.workshops.read(workshop_id, (snap) => snap.elements.length)).toBe(1_400);
    } finally {
      await server.stop();
    }
  });
});
