// The seam between connection.ts and y-websocket (3.1.0), on the real library over real sockets: y-websocket has no
// option to send only this page's presence, so replaceAwarenessSender swaps its private `_awarenessUpdateHandler`.
// These fail if a version renames or drops that field, stops registering it on the awareness in its constructor,
// stops unregistering it (as the field then holds) in `destroy`, or stops echoing every client's changes (then the
// swap is no longer needed).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider, messageAwareness } from 'y-websocket';
import * as Y from 'yjs';
import { connectRoom, replaceAwarenessSender } from './connection';

// Every WebsocketProvider adds a process 'exit' listener in Node.
process.setMaxListeners(0);

/** A bare websocket server that keeps, per connection, the client ids of each awareness message it is sent. */
interface Recorder {
  url: string;
  /** One entry per awareness message received, on any connection: the client ids it speaks for. */
  awareness: number[][];
  connections: number;
  close(): Promise<void>;
}

function clientsOf(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const ids: number[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder); // clock
    decoding.readVarString(decoder); // state
  }
  return ids;
}

async function startRecorder(): Promise<Recorder> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const recorder: Recorder = {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
    awareness: [],
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket) => {
    recorder.connections++;
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === messageAwareness) recorder.awareness.push(clientsOf(decoding.readVarUint8Array(decoder)));
    });
  });
  return recorder;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 10) {
    if (waited > 5000) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** An awareness update from another page: its client id and a state. */
function remoteUpdate(clock = 0): { id: number; update: Uint8Array } {
  const other = new Awareness(new Y.Doc());
  for (let i = 0; i < clock; i++) other.setLocalStateField('n', i);
  other.setLocalStateField('user', { name: 'Other' });
  const update = encodeAwarenessUpdate(other, [other.clientID]);
  other.destroy();
  return { id: other.clientID, update };
}

let recorder: Recorder;
beforeEach(async () => {
  recorder = await startRecorder();
});
afterEach(async () => {
  await recorder.close();
});

describe('y-websocket awareness sender', () => {
  it('is `_awarenessUpdateHandler`: registered by the constructor, it sends every client\'s changes, and is the only sender', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(recorder.url, 'room', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      expect(typeof provider._awarenessUpdateHandler).toBe('function');
      await until(() => provider.wsconnected && recorder.awareness.length > 0, 'the provider to connect and announce itself');
      expect(recorder.awareness).toEqual([[doc.clientID]]);

      // What the swap is for: y-websocket echoes another page's presence back to the server.
      const other = remoteUpdate();
      applyAwarenessUpdate(provider.awareness, other.update, 'remote');
      await until(() => recorder.awareness.length > 1, 'the echo');
      expect(recorder.awareness[1]).toEqual([other.id]);

      // Unregister the field's function, and nothing is sent any more: it was the one sender.
      provider.awareness.off('update', provider._awarenessUpdateHandler);
      provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
      applyAwarenessUpdate(provider.awareness, remoteUpdate().update, 'remote');
      await sleep(150);
      expect(recorder.awareness).toHaveLength(2);

      // `destroy` unregisters whatever the field holds then.
      let calls = 0;
      const counting = () => void calls++;
      provider._awarenessUpdateHandler = counting;
      provider.awareness.on('update', counting);
      provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
      expect(calls).toBe(1);
      // (Disconnecting, on the way, removes the other pages' states: a change the sender still hears.)
      provider.destroy();
      const heard = calls;
      provider.awareness.setLocalStateField('cursor', { x: 3, y: 2 });
      expect(calls).toBe(heard);
    } finally {
      provider.destroy();
      provider.awareness.destroy();
    }
  });

  it('replaceAwarenessSender: the provider sends through the replacement only, which destroy unregisters', async () => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(recorder.url, 'room', doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const seen: Array<{ added: number[]; updated: number[]; removed: number[] }> = [];
    replaceAwarenessSender(provider, (changes) => void seen.push(changes));
    try {
      await until(() => provider.wsconnected && recorder.awareness.length > 0, 'the provider to connect and announce itself');
      const other = remoteUpdate();
      applyAwarenessUpdate(provider.awareness, other.update, 'remote');
      provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
      await sleep(150);
      // Only the announcement on connecting (not the sender's doing): neither change went out by itself.
      expect(recorder.awareness).toEqual([[doc.clientID]]);
      expect(seen).toEqual([
        { added: [other.id], updated: [], removed: [] },
        { added: [], updated: [doc.clientID], removed: [] },
      ]);
      provider.destroy();
      // Disconnecting removed the other page's state on the way; after that, nothing reaches the sender.
      expect(seen.slice(2)).toEqual([{ added: [], updated: [], removed: [other.id] }]);
      provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
      expect(seen).toHaveLength(3);
    } finally {
      provider.destroy();
      provider.awareness.destroy();
    }
  });

  it('connectRoom sends this page\'s own presence, once per change of it, and never another page\'s', async () => {
    const globals = globalThis as { WebSocket?: unknown };
    const hadWebSocket = 'WebSocket' in globals;
    const previous = globals.WebSocket;
    globals.WebSocket = WebSocket;
    const doc = new Y.Doc();
    const room = connectRoom({ workshopId: 'room', secret: 'k', access: 'edit', doc, serverUrl: recorder.url, storage: null });
    const awareness = room.provider.awareness;
    try {
      await until(() => room.provider.wsconnected && recorder.awareness.length > 0, 'the page to connect and announce itself');
      recorder.awareness.length = 0;
      applyAwarenessUpdate(awareness, remoteUpdate().update, 'remote');
      applyAwarenessUpdate(awareness, remoteUpdate(2).update, 'remote');
      await sleep(150);
      expect(recorder.awareness).toEqual([]);
      awareness.setLocalStateField('cursor', { x: 1, y: 2 });
      awareness.setLocalStateField('cursor', { x: 2, y: 2 });
      await until(() => recorder.awareness.length >= 2, 'the page\'s own presence');
      await sleep(50);
      expect(recorder.awareness).toEqual([[doc.clientID], [doc.clientID]]);
    } finally {
      room.destroy();
      if (hadWebSocket) globals.WebSocket = previous;
      else delete globals.WebSocket;
    }
  });
});

// Keep lib0's encoding in use the way connection.ts frames a message, so a change of framing shows here too.
it('frames an awareness message as y-websocket reads it', () => {
  const awareness = new Awareness(new Y.Doc());
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageAwareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
  expect(decoding.readVarUint(decoder)).toBe(messageAwareness);
  expect(clientsOf(decoding.readVarUint8Array(decoder))).toEqual([awareness.clientID]);
  awareness.destroy();
});
