// Issue 20 point 5: anonymous create and import can no longer flood the server. Per address, a burst then a rate
// (429 with Retry-After), and a cap on the bytes stored per hour; non-JSON bodies are refused (415) so a cross-site
// form post creates nothing; imports are parsed and built in a worker thread, a bounded queue of them, and answer
// exactly what they answered before. Real servers, real requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, snapshot } from '../src/board';
import { importWorkshop } from '../src/board/import';
import { statistics } from '../src/domain';
import { bigExport } from '../test-support/big-export';
import { connectClient, sleep, startTestServer, waitFor, type TestServer } from '../test-support/test-clients';
import { callError, callOk, connectMcp } from '../test-support/mcp-test-client';

interface Created {
  workshop_id: string;
  edit_key: string;
  view_key: string;
}

interface ErrorBody {
  error: { code: string; message: string; issues: Array<{ path: string; message: string }> };
}

function post(server: TestServer, path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

async function count(server: TestServer): Promise<number> {
  const res = await fetch(`${server.url}/api/workshops`);
  return ((await res.json()) as { workshops: unknown[] }).workshops.length;
}

/** What the file holds once imported, computed here without any server. */
function expectedStatistics(file: unknown) {
  const doc = new Y.Doc();
  importWorkshop(doc, 'expected', file);
  // Everything but the workshop's id and name, which the server chooses and the import may rename.
  const { workshop: _workshop, ...stats } = statistics(snapshot(doc));
  const bytes = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { stats, bytes };
}

describe('the create and import rate limit, per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ trustProxy: true, limits: { createBurst: 3, createPerMinute: 12 } });
    // A worker already started, so the burst is spent faster than the rate gives it back.
    await server.workshops.importDocument(bigExport(1));
  });
  afterAll(() => server.stop());

  const from = (address: string) => ({ 'content-type': 'application/json', 'x-forwarded-for': address });

  it('answers 429 with Retry-After past the burst, for creates and imports together, and serves everything else', async () => {
    const a = from('203.0.113.7');
    const first = (await (await post(server, '/api/workshops', { name: 'One' }, a)).json()) as Created;
    expect((await post(server, '/api/workshops', { name: 'Two' }, a)).status).toBe(201);
    expect((await post(server, '/api/workshops/import', bigExport(3, 'Three'), a)).status).toBe(201);
    const before = await count(server);

    for (const [path, body] of [
      ['/api/workshops', { name: 'Four' }],
      ['/api/workshops/import', bigExport(3, 'Four')],
    ] as const) {
      const refused = await post(server, path, body, a);
      expect(refused.status, path).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter, path).toBeGreaterThanOrEqual(1);
      expect(retryAfter, path).toBeLessThanOrEqual(5);
      const answer = (await refused.json()) as ErrorBody;
      expect(answer).toEqual({ error: { code: 'too_many_requests', message: expect.stringMatching(/wait \d+ s/), issues: [] } });
    }
    expect(await count(server)).toBe(before);

    // Another address has its own allowance; what was created still opens, syncs and exports.
    expect((await post(server, '/api/workshops', { name: 'Elsewhere' }, from('198.51.100.2'))).status).toBe(201);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const read = await fetch(`${server.url}/api/workshops/${first.workshop_id}`, { headers: { authorization: `Bearer ${first.edit_key}`, 'x-forwarded-for': '203.0.113.7' } });
    expect(read.status).toBe(200);
    const exported = await fetch(`${server.url}/api/workshops/${first.workshop_id}/export?key=${first.edit_key}`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(exported.status).toBe(200);
    const client = connectClient(server.url, first.workshop_id, { key: first.edit_key });
    await client.synced();
    addElement(client.doc, { type: 'event', name: 'Still editable' });
    await waitFor(async () => (await server.workshops.read(first.workshop_id, (snap) => snap.elements.length)) === 1, 'the edit to reach the server');
    client.destroy();

    // One every five seconds comes back.
    await sleep(5_100);
    expect((await post(server, '/api/workshops', { name: 'Later' }, a)).status).toBe(201);
    expect((await post(server, '/api/workshops', { name: 'Too soon' }, a)).status).toBe(429);
  });

  it('leaves server code (MCP, tests) unthrottled: only a caller that names an address is counted', async () => {
    for (let i = 0; i < 6; i++) await server.workshops.create({ name: `Server side ${i}` });
  });
});

describe('non-JSON bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('refuses text/plain, a form and no content type on create and import with 415, creating nothing', async () => {
    const before = await count(server);
    const file = JSON.stringify(bigExport(3, 'Planted'));
    for (const path of ['/api/workshops', '/api/workshops/import']) {
      const body = path === '/api/workshops' ? JSON.stringify({ name: 'Planted' }) : file;
      for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'text/plain;charset=UTF-8' }, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }, {} as Record<string, string>]) {
        const label = `${path} ${headers['content-type'] ?? '(none)'}`;
        const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: new TextEncoder().encode(body) });
        expect(res.status, label).toBe(415);
        const answer = (await res.json()) as ErrorBody;
        expect(answer.error.code, label).toBe('unsupported_media_type');
        expect(answer.error.message, label).toContain('Content-Type: application/json');
      }
    }
    expect(await count(server)).toBe(before);
  });

  it('takes application/json with any charset and application/*+json', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"', 'application/vnd.eventstorm+json']) {
      expect((await post(server, '/api/workshops', { name: 'Typed' }, { 'content-type': type })).status, type).toBe(201);
      expect((await post(server, '/api/workshops/import', bigExport(2), { 'content-type': type })).status, type).toBe(201);
    }
  });
});

describe('the bytes stored per address per hour', () => {
  it('refuses an import that would pass the cap with 429, storing nothing, while small creates still fit', async () => {
    const file = bigExport(400);
    const { bytes } = expectedStatistics(file);
    const server = await startTestServer({ limits: { createBytesPerHour: Math.round(bytes * 1.5) } });
    try {
      expect((await post(server, '/api/workshops/import', file)).status).toBe(201);
      const before = await count(server);
      const refused = await post(server, '/api/workshops/import', file);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
      const answer = (await refused.json()) as ErrorBody;
      expect(answer.error.code).toBe('too_many_requests');
      expect(answer.error.message).toMatch(/MiB an hour/);
      expect(answer.error.message).toMatch(/wait \d+ s/);
      expect(await count(server)).toBe(before);
      expect((await post(server, '/api/workshops', { name: 'Small enough' })).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});

describe('imports in a worker thread', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('imports a 5,000-element export with the same statistics as building it here, off the main thread', async () => {
    const file = bigExport(5_000);
    const expected = expectedStatistics(file);
    const res = await post(server, '/api/workshops/import?new_name=Five%20thousand', file);
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created & { name: string };
    expect(created.name).toBe('Five thousand');
    const read = (await (await fetch(`${server.url}/api/workshops/${created.workshop_id}`, { headers: { authorization: `Bearer ${created.view_key}` } })).json()) as {
      statistics: ReturnType<typeof statistics>;
    };
    expect(read.statistics).toEqual({ ...expected.stats, workshop: { id: created.workshop_id, name: 'Five thousand', domain: 'Testing' } });
    expect(read.statistics.totals.elements).toBe(5_000);
    // The import ran in a worker, not on the thread that serves the rooms.
    expect(server.workshops.importStats()).toMatchObject({ inWorker: 1, queued: 0, running: 0 });

    // The service itself (what MCP calls) takes the file as text or as a value, through the same worker.
    const viaText = await server.workshops.importDocument(JSON.stringify(file), 'As text');
    expect(viaText.meta.name).toBe('As text');
    const viaValue = await server.workshops.importDocument(file);
    expect(await server.workshops.read(viaValue.meta.id, (snap) => statistics(snap))).toEqual({ ...expected.stats, workshop: { id: viaValue.meta.id, name: 'Big board', domain: 'Testing' } });
    expect(server.workshops.importStats().inWorker).toBe(3);
  });

  it('still answers a malformed file with 400 naming each bad path, and bad JSON or a bad envelope as before', async () => {
    const before = await count(server);
    const bad = {
      format: 'eventstorm.workshop',
      version: 1,
      workshop: { name: '', facilitators: 'Ana' },
      elements: [{ id: 'e1', type: 'sticky', name: 'A', position: 'first' }, { id: 'e2', type: 'event' }],
      bounded_contexts: [],
    };
    const res = await post(server, '/api/workshops/import', bad);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as ErrorBody;
    expect(answer.error.code).toBe('invalid');
    expect(answer.error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['workshop.name', 'workshop.facilitators', 'elements.0.type', 'elements.0.position', 'elements.1.name']));

    const badJson = await post(server, '/api/workshops/import', '{"format": ');
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as ErrorBody).error).toMatchObject({ code: 'invalid', message: expect.stringContaining('not valid JSON'), issues: [{ path: '', message: 'must be valid JSON' }] });
    const empty = await post(server, '/api/workshops/import', '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.message).toContain('Send the workshop file as the request body');
    const envelope = await post(server, '/api/workshops/import', { workshop_data: 12 });
    expect(envelope.status).toBe(400);
    expect(((await envelope.json()) as ErrorBody).error.issues.map((i) => i.path)).toContain('workshop_data');
    await expect(server.workshops.importDocument(bad)).rejects.toMatchObject({ name: 'EventStormError', code: 'invalid' });
    expect(await count(server)).toBe(before);
  });
});

describe('the import queue', () => {
  it('queues a flood of imports behind one worker and refuses the excess with 503 and Retry-After, storing only what it answered 201 for', async () => {
    const server = await startTestServer({ limits: { createBurst: 1000, importWorkers: 1, importQueue: 2 } });
    try {
      const file = JSON.stringify(bigExport(2_000));
      const answers = await Promise.all(Array.from({ length: 8 }, () => post(server, '/api/workshops/import', file)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(3);
      const busy = answers.filter((r) => r.status === 503);
      expect(busy.length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      expect(Number(busy[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await busy[0].json()) as ErrorBody).error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/busy importing/) });
      expect(await count(server)).toBe(statuses.filter((s) => s === 201).length);
      // Once the queue drains, imports are taken again.
      await waitFor(() => server.workshops.importStats().queued === 0 && server.workshops.importStats().running === 0, 'the queue to drain');
      expect((await post(server, '/api/workshops/import', file)).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});

describe('the MCP door counts against the same quota', () => {
  it('refuses an assistant creating or importing past the burst, with a message that says how long to wait', async () => {
    const server = await startTestServer({ limits: { createBurst: 2, createPerMinute: 1 } });
    const client = await connectMcp(server.url);
    try {
      await callOk(client, 'eventstorming_create_workshop', { name: 'One' });
      await callOk(client, 'eventstorming_create_workshop', { name: 'Two' });
      const refused = await callError(client, 'eventstorming_create_workshop', { name: 'Three' });
      expect(refused).toMatch(/wait \d+ s/);
      const file = JSON.stringify({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'Imported' }, elements: [] });
      expect(await callError(client, 'eventstorming_import_workshop', { workshop_data: file })).toMatch(/wait \d+ s/);
      expect((await server.workshops.list()).map((w) => w.name).sort()).toEqual(['One', 'Two']);
      // Server code (a test, a migration) is not counted.
      await server.workshops.create({ name: 'By the server' });
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
