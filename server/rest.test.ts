// The REST API as the React app and scripts call it, and the built app's pages.
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, snapshot } from '../src/board';
import { replayOnDoc } from '../src/board/tutorial-replay';
import { exportFileName, exportWorkshop } from '../src/domain';
import { isJsonContentType } from './rest';
import { connectClient, fakeAppDir, startTestServer, waitFor, type TestServer } from '../test-support/test-clients';

const fixture = (name: string) => readFile(fileURLToPath(new URL(`../fixtures/seed/${name}`, import.meta.url)), 'utf8');

interface Created {
  workshop_id: string;
  name: string;
  edit_key: string;
  view_key: string;
  board_url: string;
  view_url: string;
  message: string;
}

describe('the REST API', () => {
  let server: TestServer;
  let distDir: string;
  beforeAll(async () => {
    distDir = await fakeAppDir({ 'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
    server = await startTestServer({ distDir, publicUrl: 'https://storm.example.com/' });
  });
  afterAll(async () => {
    await server.stop();
    await rm(distDir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = (path: string, secret?: string) => fetch(`${server.url}${path}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });

  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('creates a workshop: 201 with its id, secrets and capability links on PUBLIC_URL', async () => {
    const res = await post('/api/workshops', { name: 'Order Management', description: 'Checkout', domain: 'E-commerce', facilitators: ['Ana'] });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(Object.keys(body).sort()).toEqual(['board_url', 'edit_key', 'message', 'name', 'view_key', 'view_url', 'workshop_id']);
    expect(body.name).toBe('Order Management');
    expect(body.board_url).toBe(`https://storm.example.com/w/${body.workshop_id}#key=${body.edit_key}`);
    expect(body.view_url).toBe(`https://storm.example.com/w/${body.workshop_id}#view=${body.view_key}`);
    expect(body.edit_key).not.toBe(body.view_key);
    expect(body.edit_key.length).toBeGreaterThanOrEqual(20);
    expect(res.headers.get('location')).toBe(`/api/workshops/${body.workshop_id}`);

    const read = await get(`/api/workshops/${body.workshop_id}`, body.edit_key);
    expect(read.status).toBe(200);
    const got = (await read.json()) as { workshop: Record<string, unknown>; statistics: Record<string, unknown>; access: string };
    expect(got.access).toBe('edit');
    expect(got.workshop).toMatchObject({ id: body.workshop_id, name: 'Order Management', description: 'Checkout', domain: 'E-commerce', facilitators: ['Ana'] });
    expect(got.statistics).toHaveProperty('totals');
    expect(got.statistics).toHaveProperty('by_type');
    expect(got.statistics).toHaveProperty('by_context');
    expect(got.statistics).toHaveProperty('relationships');
    expect(got.statistics).toHaveProperty('coverage');
    // The secrets live beside the document, never in it (every client can read the document).
    const client = connectClient(server.url, body.workshop_id, { view: body.view_key });
    await client.synced();
    expect(JSON.stringify(client.doc.toJSON())).not.toContain(body.edit_key);
    expect(JSON.stringify(client.doc.toJSON())).not.toContain(body.view_key);
    client.destroy();
  });

  it('exports the exchange document as a download: with timestamps by default (as MCP), without on ?include_metadata=false', async () => {
    const created = (await (await post('/api/workshops', { name: 'Café — Orders & Payments!' })).json()) as Created;
    await server.workshops.edit(created.workshop_id, (doc) => addElement(doc, { type: 'event', name: 'Order Paid', created_by: 'Ana' }));
    const plain = await get(`/api/workshops/${created.workshop_id}/export?include_metadata=false`, created.view_key);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-disposition')).toBe(
      `attachment; filename="cafe-orders-payments.eventstorm.json"; filename*=UTF-8''caf%C3%A9-orders-payments.eventstorm.json`,
    );
    const doc = (await plain.json()) as { format: string; version: number; workshop: Record<string, unknown>; elements: Array<Record<string, unknown>> };
    expect(doc).toMatchObject({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'Café — Orders & Payments!' } });
    expect(doc.elements[0]).not.toHaveProperty('created_at');
    const withMeta = (await (await get(`/api/workshops/${created.workshop_id}/export?key=${created.edit_key}`)).json()) as typeof doc;
    expect(withMeta.elements[0]).toHaveProperty('created_at');
    expect(withMeta.elements[0]).toMatchObject({ created_by: 'Ana' });
    // The board's download link still says ?metadata=, as it always has.
    const legacy = (await (await get(`/api/workshops/${created.workshop_id}/export?metadata=false&key=${created.edit_key}`)).json()) as typeof doc;
    expect(legacy.elements[0]).not.toHaveProperty('created_at');
  });

  it('names a Korean workshop’s download as the board does: filename*= in UTF-8, an ASCII filename= beside it', async () => {
    const name = '주문 관리 — "봄" 워크숍';
    const created = (await (await post('/api/workshops', { name })).json()) as Created;
    const res = await get(`/api/workshops/${created.workshop_id}/export?view=${created.view_key}`);
    expect(res.status).toBe(200);
    const header = res.headers.get('content-disposition') ?? '';
    expect(header).toBe(
      `attachment; filename="workshop.eventstorm.json"; ` +
        `filename*=UTF-8''%EC%A3%BC%EB%AC%B8-%EA%B4%80%EB%A6%AC-%EB%B4%84-%EC%9B%8C%ED%81%AC%EC%88%8D.eventstorm.json`,
    );
    // What a browser saves (RFC 6266: filename* wins over filename) is the name the board's Export menu gives.
    const extended = /filename\*=UTF-8''([^;\s]+)/.exec(header);
    expect(decodeURIComponent(extended![1])).toBe(exportFileName(name, 'json'));
    expect(decodeURIComponent(extended![1])).toBe('주문-관리-봄-워크숍.eventstorm.json');
  });

  it('imports its own export (in either shape) and the original server’s, as new workshops', async () => {
    const tutorial = new Y.Doc();
    await replayOnDoc(tutorial);
    const file = exportWorkshop(snapshot(tutorial), { includeMetadata: true });

    const direct = await post('/api/workshops/import?new_name=Tutorial%20copy', file);
    expect(direct.status).toBe(201);
    const imported = (await direct.json()) as Created;
    expect(imported.name).toBe('Tutorial copy');
    const stats = (await (await get(`/api/workshops/${imported.workshop_id}`, imported.view_key)).json()) as {
      statistics: { totals: { elements: number; bounded_contexts: number }; relationships: { total_trigger_links: number } };
    };
    expect(stats.statistics.totals).toEqual({ elements: 44, bounded_contexts: 4 });
    expect(stats.statistics.relationships.total_trigger_links).toBe(18);

    const enveloped = await post('/api/workshops/import', { workshop_data: JSON.stringify(file), new_name: 'From a string' });
    expect(enveloped.status).toBe(201);
    expect(((await enveloped.json()) as Created).name).toBe('From a string');

    for (const name of ['origin-export-sample.json', 'origin-export-sample-v1.json']) {
      const res = await post('/api/workshops/import', await fixture(name));
      expect(res.status, name).toBe(201);
      const body = (await res.json()) as Created;
      expect(body.name).toBe('Coffee Shop Orders');
      const exported = (await (await get(`/api/workshops/${body.workshop_id}/export`, body.edit_key)).json()) as { elements: unknown[] };
      expect(exported.elements).toHaveLength(7);
    }
  });

  it('lists workshops (on a loopback-only listener without ADMIN_TOKEN) without loading them', async () => {
    await waitFor(() => server.rooms.loadedIds().length === 0, 'rooms to unload');
    const res = await get('/api/workshops');
    expect(res.status).toBe(200);
    const { workshops } = (await res.json()) as { workshops: Array<Record<string, unknown>> };
    expect(workshops.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(workshops[0]).sort()).toEqual(['context_count', 'created_at', 'domain', 'element_count', 'id', 'name', 'updated_at']);
    expect(workshops.find((w) => w.name === 'Tutorial copy')).toMatchObject({ element_count: 44, context_count: 4 });
    expect(server.rooms.loadedIds()).toEqual([]);
  });

  it('answers unknown API paths and methods in the error shape', async () => {
    const missing = await get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: expect.any(String), issues: [] } });
    const wrongMethod = await fetch(`${server.url}/api/workshops/abc/export`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toContain('GET');
    const badJson = await post('/api/workshops', '{"name": ');
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: { code: 'invalid' } });
  });

  it('serves the app: index.html for / and /w/<id>, files from dist/, nothing outside it', async () => {
    for (const path of ['/', '/w/abc123', '/w/abc123/']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
    const asset = await get('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/w/abc/def')).status).toBe(404);
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('takes a body as JSON only when it says so: application/json or application/*+json, any charset', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', ' APPLICATION/JSON ;charset=UTF-8', 'application/vnd.eventstorm+json', 'application/merge-patch+json']) {
      expect(isJsonContentType(type), type).toBe(true);
    }
    for (const type of [undefined, '', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonp', 'application/+json', 'application/a/b+json']) {
      expect(isJsonContentType(type), String(type)).toBe(false);
    }
  });

});
