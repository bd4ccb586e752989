// Bad input closes only the connection (or refuses only the request) that sent it; the room keeps working for
// everyone else and nothing bad is stored.
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { addElement } from '../src/board';
import { closeCode, connectClient, rawSocket, startTestServer, waitFor, wsBase, type TestClient, type TestServer } from '../test-support/test-clients';

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

async function openRaw(url: string): Promise<WebSocket> {
  const result = await rawSocket(url);
  if (!('ws' in result)) throw new Error(`refused with ${result.status}`);
  return result.ws;
}

describe('hostile websocket messages', () => {
  let server: TestServer;
  let id: string;
  let editKey: string;
  let a: TestClient;
  let b: TestClient;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer();
    ({ editKey, meta: { id } } = await server.workshops.create({ name: 'Under attack' }));
    a = connectClient(server.url, id, { key: editKey });
    b = connectClient(server.url, id, { key: editKey });
    await Promise.all([a.synced(), b.synced()]);
  });
  afterAll(async () => {
    a.destroy();
    b.destroy();
    await server.stop();
  });

  /** The room still works for its clients: an edit by one reaches the other. */
  async function roomStillWorks(): Promise<void> {
    const name = `still working ${n++}`;
    addElement(a.doc, { type: 'event', name });
    await waitFor(() => b.snap().elements.some((e) => e.name === name), `"${name}" to reach the other client`);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  }

  const attacker = () => openRaw(`${wsBase(server.url)}/${id}?key=${editKey}`);

  it('closes a connection sending a message over 4 MiB with 1009', async () => {
    const ws = await attacker();
    const closed = closeCode(ws);
    ws.send(new Uint8Array(4 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    await roomStillWorks();
  });

  it('closes a connection sending random bytes with 1003', async () => {
    const gen = prng.create(7);
    for (let i = 0; i < 20; i++) {
      const ws = await attacker();
      const closed = closeCode(ws);
      ws.send(prng.uint8Array(gen, prng.int32(gen, 1, 200)));
      expect(await closed, `random message ${i}`).toBe(1003);
    }
    await roomStillWorks();
  });

  it('closes a connection sending a truncated sync message, a bad state vector or a text frame with 1003', async () => {
    const doc = new Y.Doc();
    addElement(doc, { type: 'event', name: 'Never arrives' });
    const valid = syncUpdateMessage(Y.encodeStateAsUpdate(doc));
    const badStep1 = encoding.encode((e) => {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, new Uint8Array([5, 0xff, 0xff]));
    });
    for (const [what, message] of [
      ['truncated update', valid.slice(0, valid.length - 7)],
      ['update with its length cut', valid.slice(0, 3)],
      ['bad state vector', badStep1],
      ['text frame', 'hello'],
      ['trailing bytes', new Uint8Array([...valid, 1, 2, 3])],
    ] as const) {
      const ws = await attacker();
      const closed = closeCode(ws);
      ws.send(message);
      expect(await closed, what).toBe(1003);
    }
    await roomStillWorks();
    expect(b.snap().elements.map((e) => e.name)).not.toContain('Never arrives');
  });

  it('refuses a valid frame for an unknown room or with a bad secret at the upgrade', async () => {
    const doc = new Y.Doc();
    addElement(doc, { type: 'event', name: 'Intruder' });
    for (const url of [`${wsBase(server.url)}/unknown-room?key=bad`, `${wsBase(server.url)}/${id}?key=bad`]) {
      const result = await rawSocket(url);
      expect('status' in result && [403, 404].includes(result.status), url).toBe(true);
    }
    await roomStillWorks();
    expect(b.snap().elements.map((e) => e.name)).not.toContain('Intruder');
  });

  it('stored nothing of it: the board reloads from storage exactly as its clients hold it', async () => {
    const expected = JSON.stringify(a.snap());
    a.provider.disconnect();
    b.provider.disconnect();
    await waitFor(() => server.rooms.loadedIds().length === 0, 'the room to unload');
    expect(JSON.stringify(await server.workshops.read(id, (snap) => snap))).toBe(expected);
    a.provider.connect();
    b.provider.connect();
    await Promise.all([a.synced(), b.synced()]);
  });
});

describe('hostile imports are refused cleanly, creating nothing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const post = (body: BodyInit, path = '/api/workshops/import') =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const count = async () => (await server.workshops.list()).length;

  it('names every bad path of a document with wrong types and dangling trigger ids', async () => {
    const before = await count();
    const res = await post(
      JSON.stringify({
        format: 'eventstorm.workshop',
        version: 1,
        workshop: { id: 'w', name: 42, description: '', domain: '', facilitators: 'nobody' },
        elements: [
          { id: 'e1', type: 'banana', name: 'Order Placed', description: '', notes: '', position: 'first', triggers: ['ghost'], triggered_by: [] },
          { id: 'e2', type: 'event', name: '', description: '', notes: '', position: 1, triggers: [], triggered_by: [] },
        ],
        bounded_contexts: [{ id: 'c1', name: 'Sales', description: '', color: '#3498db', element_ids: ['nobody-here'] }],
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; issues: Array<{ path: string; message: string }> } };
    expect(body.error.code).toBe('invalid');
    const paths = body.error.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['workshop.name', 'workshop.facilitators', 'elements.0.type', 'elements.0.position', 'elements.1.name']));
    expect(paths.some((p) => p.startsWith('elements.0.triggers'))).toBe(true);
    expect(paths.some((p) => p.startsWith('bounded_contexts.0.element_ids'))).toBe(true);
    expect(await count()).toBe(before);
  });

  it('refuses invalid JSON, a non-object, an empty body and the MCP envelope with bad content', async () => {
    const before = await count();
    for (const body of ['{"format": "eventstorm.workshop", ', '[1,2,3]', '"just a string"', '', JSON.stringify({ workshop_data: '{oops' }), JSON.stringify({ workshop_data: 12 })]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid');
    }
    expect(await count()).toBe(before);
  });

  it('refuses 50 MB of text with 413 (and the service refuses it as invalid)', async () => {
    const before = await count();
    // Past the import's limit (twice MAX_BOARD_BYTES and some: whatever a board holds must import).
    const huge = JSON.stringify({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'x'.repeat(50_000_000) }, elements: [], bounded_contexts: [] });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'too_large' } });
    const streamed = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(1024 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    await expect(server.workshops.importDocument(huge)).rejects.toMatchObject({ code: 'invalid' });
    expect(await count()).toBe(before);
  });

  it('refuses a file with more stickies than a board holds', async () => {
    const before = await count();
    const elements = Array.from({ length: 10_001 }, (_, i) => ({ id: `e${i}`, type: 'event', name: `E${i}`, position: i }));
    const res = await post(JSON.stringify({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'Too big' }, elements, bounded_contexts: [] }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('10,000');
    expect(await count()).toBe(before);
  });

  it('refuses a bad create body with every bad field named', async () => {
    const before = await count();
    const res = await post(JSON.stringify({ name: '', facilitators: [1], domain: 'x'.repeat(500) }), '/api/workshops');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['name', 'facilitators.0', 'domain']));
    expect(await count()).toBe(before);
  });
});
