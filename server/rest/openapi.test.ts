// The OpenAPI document the server publishes: valid OpenAPI 3.1 by a real validator, made from the very routes the
// server answers (each one in it, nothing in it that the server does not answer), every catalogue entry in it.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/board';
import { startTestServer, type TestServer } from '../../test-support/test-clients';
import { routerPath } from './catalogue-routes';
import { methodsOf } from './openapi';

let server: TestServer;
let document: { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string; in: string; schema: unknown }> }>> };

beforeAll(async () => {
  server = await startTestServer();
  const res = await fetch(`${server.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  document = (await res.json()) as typeof document;
});

afterAll(async () => {
  await server?.stop();
});

const pairsOfDocument = () =>
  Object.entries(document.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${routerPath(path)}`))
    .sort();

describe('GET /api/openapi.json', () => {
  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator is no rubber stamp: the same document with one operation lacking its responses fails.
    const broken = structuredClone(document) as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
    delete broken.paths['/api/workshops/{workshop_id}/elements'].post.responses;
    broken.paths['/api/workshops/{workshop_id}/elements'].post.parameters = [{ name: 'x', in: 'nowhere' }];
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it('documents every route the server has, and only those', () => {
    const undocumented = server.routes.filter((r) => !r.doc).map((r) => `${String(r.method)} ${String(r.path)}`);
    expect(undocumented).toEqual([]);
    for (const route of server.routes) expect(routerPath(route.doc!.path), route.doc!.operationId).toBe(route.path);
    const pairsOfRoutes = server.routes.flatMap((r) => methodsOf(r).map((m) => `${m} ${String(r.path)}`)).sort();
    expect(pairsOfDocument()).toEqual(pairsOfRoutes);
  });

  it('names every catalogue entry, with its parameters', () => {
    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops));
    const ids = new Set(operations.map((o) => o.operationId));
    for (const entry of ENTRIES) expect(ids.has(entry.name), entry.name).toBe(true);
    const timeline = operations.find((o) => o.operationId === 'get_timeline')!;
    expect(timeline.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:workshop_id', 'query:element_type', 'query:bounded_context_id', 'query:page', 'query:page_size', 'query:response_format']),
    );
    const patch = document.paths['/api/workshops/{workshop_id}/elements/{element_id}'].patch as unknown as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } };
    expect(Object.keys(patch.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['name', 'triggers', 'bounded_context_id']));
    expect(patch.requestBody.content['application/json'].schema.properties).not.toHaveProperty('element_id');
  });

  it('documents nothing the server does not answer: every operation reaches its handler', async () => {
    for (const pair of pairsOfDocument()) {
      const [method, path] = pair.split(' ');
      const url = `${server.url}${path.replace(/:[^/]+/g, 'x')}`;
      const res = await fetch(url, { method, headers: { host: new URL(server.url).host } });
      const text = await res.text();
      // The router's own refusals: no such path, or not this method. A handler's 4xx means it was reached.
      expect(text, pair).not.toContain('is not allowed here');
      expect(text, pair).not.toContain('Nothing at');
    }
  });
});
