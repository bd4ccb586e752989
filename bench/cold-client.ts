// One participant opening a board, in a process of its own (as a new browser tab has a heap of its own): prints the
// ms from connecting to the first `synced`, and how many elements that first sync showed. Used by server.bench.ts.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const [url, room, key] = process.argv.slice(2);
const doc = new Y.Doc();
const started = performance.now();
const provider = new WebsocketProvider(url, room, doc, {
  params: { key },
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  disableBc: true,
});
provider.on('sync', (synced: boolean) => {
  if (!synced) return;
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, elements: doc.getMap('elements').size })}\n`);
  provider.destroy();
  process.exit(0);
});
