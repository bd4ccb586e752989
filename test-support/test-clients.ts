// Test helpers: a real server on port 0 with a temporary DATA_DIR, and real y-websocket clients in Node.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { snapshot } from '../src/board';
import type { WorkshopSnapshot } from '../src/domain';
import { startServer, type RunningServer, type StartServerOptions } from '../server/main';

// Every WebsocketProvider adds a process 'exit' listener; tests run dozens at once.
process.setMaxListeners(0);

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Close the server and delete its data. */
  stop(): Promise<void>;
}

export async function tempDir(prefix = 'eventstorm-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A stand-in for the built app (index.html and one hashed asset), for tests of what the server sends with it. */
export async function fakeAppDir(extra: Record<string, string> = {}): Promise<string> {
  const dir = await tempDir('eventstorm-dist-');
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>EventStorm</title><div id="root"></div>');
  await writeFile(join(dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return dir;
}

export async function startTestServer(options: StartServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    logLevel: (process.env.TEST_LOG_LEVEL as never) ?? 'silent',
    roomLingerMs: 50,
    ...options,
    dataDir,
    // Tests make workshops and connections far faster than people do; the tests of the limits set their own.
    limits: { connectBurst: 100_000, connectPerSecond: 100_000, createBurst: 100_000, createPerMinute: 1_000_000, ...options.limits },
  });
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the next `synced` (or now, when synced already). */
  synced(): Promise<void>;
  snap(): WorkshopSnapshot;
  destroy(): void;
}

export type Secret = { key: string } | { view: string };

export function wsBase(url: string): string {
  return `${url.replace(/^http/, 'ws')}/ws`;
}

/** A real `WebsocketProvider` client in Node (BroadcastChannel off, so everything goes through the server). */
export function connectClient(url: string, id: string, secret: Secret, options: { doc?: Y.Doc; connect?: boolean } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsBase(url), id, doc, {
    params: secret as Record<string, string>,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    connect: options.connect ?? true,
  });
  return {
    doc,
    provider,
    synced: () => whenSynced(provider),
    snap: () => snapshot(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 20_000): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
    const onSync = (state: boolean) => {
      if (!state) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Poll `check` until it holds; the error names `what`. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Open a raw websocket (no y-websocket) and answer how the server took it: open, or refused with a status. */
export function rawSocket(url: string): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/** Resolves with the close code of `ws`. */
export function closeCode(ws: WebSocket, timeoutMs = 10_000): Promise<number> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket not closed in time')), timeoutMs);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
