// DNS rebinding and cross-site requests (issue 20): the secret-less doors (/mcp, listing, creating, importing)
// answer only requests sent to one of the server's own names from no page or the app's own; the websocket
// refuses other sites' pages; the app is served with a Content-Security-Policy. Real servers, real requests.
import { request } from 'node:http';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostGuard, isLoopbackName, parseAllowedHosts } from './host-guard';
import { fakeAppDir, startTestServer, type TestServer } from '../test-support/test-clients';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): { error: { message: string } } & Record<string, unknown>;
}

/** A real HTTP request to 127.0.0.1:`port` with whatever Host and Origin it is given (fetch may not set Host). */
function send(port: number, method: string, path: string, headers: Record<string, string | undefined>, body?: unknown): Promise<Answer> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) sent[name] = value;
  if (text !== undefined) {
    sent['content-type'] ??= 'application/json';
    sent['content-length'] = String(Buffer.byteLength(text));
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: answer, json: () => JSON.parse(answer) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

const TOOLS_LIST = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
const CREATE_BY_MCP = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'eventstorming_create_workshop', arguments: { name: 'Planted' } } };
const MCP_HEADERS = { accept: 'application/json, text/event-stream' };
const EXPORTED = {
  format: 'eventstorm.workshop',
  version: 1,
  workshop: { id: 'w1', name: 'Imported', description: '', domain: '', facilitators: [] },
  elements: [],
  bounded_contexts: [],
};

/** Every secret-less door, each with a request that would list, create or change something. */
function doors(port: number, headers: Record<string, string | undefined>) {
  return {
    'POST /mcp tools/list': () => send(port, 'POST', '/mcp', { ...MCP_HEADERS, ...headers }, TOOLS_LIST),
    'POST /mcp create_workshop': () => send(port, 'POST', '/mcp', { ...MCP_HEADERS, ...headers }, CREATE_BY_MCP),
    'GET /api/workshops': () => send(port, 'GET', '/api/workshops', headers),
    'POST /api/workshops': () => send(port, 'POST', '/api/workshops', headers, { name: 'Planted' }),
    'POST /api/workshops/import': () => send(port, 'POST', '/api/workshops/import', headers, EXPORTED),
    // A form post needs no preflight: the same door, as another site's page can reach it.
    'POST /api/workshops (text/plain)': () => send(port, 'POST', '/api/workshops', { ...headers, 'content-type': 'text/plain' }, { name: 'Planted' }),
  };
}

/** How a websocket upgrade with this Origin (or none) was taken: 101, or the refusal's status. */
function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

describe('a loopback server without MCP_TOKEN or ADMIN_TOKEN', () => {
  let server: TestServer;
  let port: number;
  let distDir: string;
  beforeAll(async () => {
    distDir = await fakeAppDir();
    server = await startTestServer({ distDir });
    port = server.port;
    await server.workshops.create({ name: 'Private board' });
  });
  afterAll(async () => {
    await server.stop();
    await rm(distDir, { recursive: true, force: true });
  });

  const count = async () => (await server.workshops.list()).length;

  it('refuses every secret-less door a rebound name reaches (foreign Host and Origin), and creates nothing', async () => {
    const before = await count();
    const rebound = { host: `evil.example:${port}`, origin: `http://evil.example:${port}` };
    for (const [door, call] of Object.entries(doors(port, rebound))) {
      const res = await call();
      expect(res.status, door).toBe(403);
      expect(res.text, door).not.toContain('Private board');
      if (door.includes('/mcp')) {
        expect(res.json(), door).toMatchObject({ jsonrpc: '2.0', error: { message: expect.stringContaining('evil.example') }, id: null });
      } else {
        expect(res.json(), door).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('evil.example'), issues: [] } });
      }
    }
    // A foreign name alone (no Origin: a script, curl through the rebound name) is refused just the same.
    for (const [door, call] of Object.entries(doors(port, { host: 'evil.example' }))) expect((await call()).status, door).toBe(403);
    expect(await count()).toBe(before);
  });

  it('says what to do about a refused name or page', async () => {
    const host = await send(port, 'GET', '/api/workshops', { host: `evil.example:${port}` });
    expect(host.json().error.message).toMatch(/Host evil\.example:\d+ is not this server's name.*ALLOWED_HOSTS/);
    const origin = await send(port, 'GET', '/api/workshops', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' });
    expect(origin.json().error.message).toMatch(/Origin http:\/\/evil\.example is not this app's.*ALLOWED_HOSTS/);
  });

  it("refuses another site's page on the server's own name (cross-site requests), and creates nothing", async () => {
    const before = await count();
    for (const origin of ['http://evil.example', 'https://127.0.0.1.evil.example', 'null']) {
      for (const [door, call] of Object.entries(doors(port, { host: `127.0.0.1:${port}`, origin }))) {
        expect((await call()).status, `${door} from ${origin}`).toBe(403);
      }
    }
    expect(await count()).toBe(before);
  });

  it('answers the same requests sent to a loopback name, from no page or a page of its own', async () => {
    const asked = [
      { host: `127.0.0.1:${port}` },
      { host: `localhost:${port}`, origin: `http://localhost:${port}` },
      { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` },
      { host: `[::1]:${port}`, origin: `http://[::1]:${port}` },
      { host: `board.localhost:${port}` },
      // The Vite dev server proxies the app's calls from its own port.
      { host: 'localhost:5173', origin: 'http://localhost:5173' },
    ];
    for (const headers of asked) {
      const label = JSON.stringify(headers);
      const calls = doors(port, headers);
      const tools = await calls['POST /mcp tools/list']();
      expect(tools.status, label).toBe(200);
      expect(tools.text, label).toContain('eventstorming_list_workshops');
      const listed = await calls['GET /api/workshops']();
      expect(listed.status, label).toBe(200);
      expect(listed.text, label).toContain('Private board');
      expect((await calls['POST /api/workshops']()).status, label).toBe(201);
      expect((await calls['POST /api/workshops/import']()).status, label).toBe(201);
    }
  });

  it('leaves /healthz and the app open, and the doors that check a secret to their secret', async () => {
    const { editKey, meta } = await server.workshops.create({ name: 'Shared' });
    const foreign = { host: `evil.example:${port}` };
    expect((await send(port, 'GET', '/healthz', foreign)).status).toBe(200);
    expect((await send(port, 'GET', '/', foreign)).status).toBe(200);
    const read = await send(port, 'GET', `/api/workshops/${meta.id}`, { ...foreign, authorization: `Bearer ${editKey}` });
    expect(read.status).toBe(200);
    expect((await send(port, 'GET', `/api/workshops/${meta.id}`, foreign)).status).toBe(401);
    const exported = await send(port, 'GET', `/api/workshops/${meta.id}/export?key=${editKey}`, foreign);
    expect(exported.status).toBe(200);
    // Another site's page holding a leaked secret still cannot use it from there.
    const crossSite = await send(port, 'GET', `/api/workshops/${meta.id}`, { host: `127.0.0.1:${port}`, origin: 'http://evil.example', authorization: `Bearer ${editKey}` });
    expect(crossSite.status).toBe(403);
  });

  it("refuses a websocket upgrade from another site's page; accepts the app's own and clients that send no Origin", async () => {
    const { editKey, meta } = await server.workshops.create({ name: 'Live' });
    const url = `ws://127.0.0.1:${port}/ws/${meta.id}?key=${editKey}`;
    expect(await upgrade(url, 'http://evil.example')).toBe(403);
    expect(await upgrade(url, `http://evil.example:${port}`)).toBe(403);
    expect(await upgrade(url, 'null')).toBe(403);
    expect(await upgrade(url)).toBe(101);
    expect(await upgrade(url, `http://127.0.0.1:${port}`)).toBe(101);
    expect(await upgrade(url, `http://localhost:${port}`)).toBe(101);
  });

  it('sends the app with a Content-Security-Policy, no framing and no sniffing', async () => {
    for (const path of ['/', `/w/abc`, '/assets/app-abc123.js']) {
      const res = await send(port, 'GET', path, { host: `127.0.0.1:${port}` });
      expect(res.status, path).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['referrer-policy'], path).toBe('no-referrer');
    }
  });
});

describe('a server with PUBLIC_URL and ALLOWED_HOSTS', () => {
  let server: TestServer;
  let port: number;
  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://storm.example.com', allowedHosts: ['storm.lan', 'board.lan:8080'] });
    port = server.port;
  });
  afterAll(() => server.stop());

  it('answers its public name and the allowed names (with the port an entry names), and refuses the rest', async () => {
    const allowed = [
      { host: 'storm.example.com', origin: 'https://storm.example.com' },
      { host: 'STORM.example.com:443' },
      { host: `storm.lan:${port}`, origin: `http://storm.lan:${port}` },
      { host: 'board.lan:8080', origin: 'http://board.lan:8080' },
      { host: `127.0.0.1:${port}`, origin: 'https://storm.example.com' },
    ];
    for (const headers of allowed) {
      const label = JSON.stringify(headers);
      const calls = doors(port, headers);
      expect((await calls['POST /mcp tools/list']()).status, label).toBe(200);
      expect((await calls['POST /api/workshops']()).status, label).toBe(201);
    }
    const refused = [
      { host: 'board.lan:9090' },
      { host: 'evil.example' },
      { host: 'storm.example.com.evil.example' },
      { host: 'storm.example.com', origin: 'https://evil.example' },
      { host: 'board.lan:8080', origin: 'http://board.lan:9090' },
    ];
    for (const headers of refused) {
      const label = JSON.stringify(headers);
      const calls = doors(port, headers);
      expect((await calls['POST /mcp tools/list']()).status, label).toBe(403);
      expect((await calls['POST /api/workshops']()).status, label).toBe(403);
    }
  });
});

describe('MCP with MCP_TOKEN', () => {
  it('needs the token whatever the name, and still refuses other sites\' pages', async () => {
    const server = await startTestServer({ mcpToken: 'right-token' });
    try {
      const bearer = { authorization: 'Bearer right-token' };
      const foreign = await send(server.port, 'POST', '/mcp', { ...MCP_HEADERS, ...bearer, host: 'storm.example.net' }, TOOLS_LIST);
      expect(foreign.status).toBe(200);
      expect((await send(server.port, 'POST', '/mcp', { ...MCP_HEADERS, host: 'storm.example.net' }, TOOLS_LIST)).status).toBe(401);
      const crossSite = await send(server.port, 'POST', '/mcp', { ...MCP_HEADERS, ...bearer, host: `127.0.0.1:${server.port}`, origin: 'http://evil.example' }, TOOLS_LIST);
      expect(crossSite.status).toBe(403);
      expect(crossSite.json()).toMatchObject({ jsonrpc: '2.0', error: { message: expect.stringContaining('Origin http://evil.example') } });
    } finally {
      await server.stop();
    }
  });
});

describe("the server's own names", () => {
  it('counts localhost, *.localhost, 127.0.0.0/8 and [::1] as loopback, and nothing that merely starts like them', () => {
    for (const name of ['localhost', 'board.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '[::ffff:7f00:1]']) expect(isLoopbackName(name), name).toBe(true);
    for (const name of ['localhost.evil.example', '127.0.0.1.evil.example', 'evillocalhost', '10.0.0.1', '[::2]', '0.0.0.0']) expect(isLoopbackName(name), name).toBe(false);
  });

  it('answers to loopback names on any port, whatever HOST is', () => {
    const guard = createHostGuard({ host: '0.0.0.0' });
    for (const host of ['localhost:3000', '127.0.0.1', '127.1:80', '127.9.9.9:1', '[::1]:3000', 'LOCALHOST.:3000', 'a.localhost:3000']) expect(guard.isOwnHost(host), host).toBe(true);
    for (const host of ['evil.example', '127.0.0.1.evil.example:3000', '0.0.0.0:3000', '', 'localhost@evil.example', 'localhost/x', 'localhost:3000#x', 'local host']) {
      expect(guard.isOwnHost(host), host).toBe(false);
    }
    expect(guard.names).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it('adds a specific HOST, the PUBLIC_URL host and ALLOWED_HOSTS (a port only where an entry names one)', () => {
    const guard = createHostGuard({ host: '192.168.1.5', publicUrl: 'https://Storm.Example.com/board', allowedHosts: ['storm.lan', '10.0.0.5:8080', '[fd00::1]'] });
    for (const host of ['192.168.1.5:3000', 'storm.example.com', 'storm.example.com:8443', 'storm.lan:1', '10.0.0.5:8080', '[fd00::1]:3000']) expect(guard.isOwnHost(host), host).toBe(true);
    for (const host of ['10.0.0.5', '10.0.0.5:9090', 'lan', 'example.com', '192.168.1.6']) expect(guard.isOwnHost(host), host).toBe(false);
    expect(createHostGuard({ host: 'fe80::1' }).isOwnHost('[fe80::1]:3000')).toBe(true);
    expect(createHostGuard({ host: '::' }).names).toEqual(['localhost', '127.0.0.1', '[::1]']);
    // An entry with the default port matches a Host that names none.
    expect(createHostGuard({ host: '127.0.0.1', allowedHosts: ['board.lan:443'] }).isOwnHost('board.lan')).toBe(true);
  });

  it("takes an Origin as the app's own only when it is http(s) on one of those names", () => {
    const guard = createHostGuard({ host: '127.0.0.1', publicUrl: 'https://storm.example.com', allowedHosts: ['board.lan:8080'] });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:3000', 'https://storm.example.com', 'http://board.lan:8080']) {
      expect(guard.isOwnOrigin(origin), origin).toBe(true);
    }
    for (const origin of ['null', '', 'http://evil.example', 'file://', 'chrome-extension://abcdef', 'http://board.lan', 'http://board.lan:9090', 'http://localhost:3000/path', 'ws://localhost:3000']) {
      expect(guard.isOwnOrigin(origin), origin).toBe(false);
    }
  });

  it('refuses a request without Host, or with a foreign Host or Origin, saying what to do; the origin scope looks at Origin only', () => {
    const guard = createHostGuard({ host: '127.0.0.1' });
    expect(guard.refusal({ headers: { host: 'localhost:3000' } })).toBeNull();
    expect(guard.refusal({ headers: { host: 'localhost:3000', origin: 'http://localhost:3000' } })).toBeNull();
    expect(guard.refusal({ headers: {} })).toMatch(/no Host header/);
    expect(guard.refusal({ headers: { host: 'evil.example' } })).toMatch(/^Host evil\.example is not this server's name \(localhost, 127\.0\.0\.1, \[::1\]\).*add it to ALLOWED_HOSTS/);
    expect(guard.refusal({ headers: { host: 'localhost', origin: 'http://evil.example' } })).toMatch(/^Origin http:\/\/evil\.example is not this app's own/);
    expect(guard.refusal({ headers: { host: 'evil.example' } }, 'origin')).toBeNull();
    expect(guard.refusal({ headers: { host: 'evil.example', origin: 'null' } }, 'origin')).toMatch(/Origin null/);
    expect(guard.refusal({ headers: { host: `${'x'.repeat(300)}.example` } })!.length).toBeLessThan(400);
  });

  it('reads ALLOWED_HOSTS, and names a bad entry', () => {
    expect(parseAllowedHosts(' storm.lan, 10.0.0.5:8080 ,[fd00::1]:3000,')).toEqual(['storm.lan', '10.0.0.5:8080', '[fd00::1]:3000']);
    expect(parseAllowedHosts('')).toEqual([]);
    expect(() => parseAllowedHosts('https://storm.example.com/')).toThrow('ALLOWED_HOSTS takes host names, not URLs: write "storm.example.com"');
    for (const bad of ['storm.lan/board', '*.lan', 'storm lan', 'storm.lan:99999', 'user@storm.lan', 'fd00::1']) {
      expect(() => parseAllowedHosts(`ok.lan,${bad}`), bad).toThrow(`(got "${bad}")`);
    }
  });
});
