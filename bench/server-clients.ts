// Lightweight benchmark clients that speak the y-websocket protocol with no Y.Doc to keep in step: a thousand of
// them fit in one process beside the server on a small machine. Writers make real Yjs updates (each in its own
// small Y.Doc, under its own client id); receivers read which update arrived from its header alone.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A protocol client: syncs (as an empty document), then hands every incoming update to `onUpdate`. */
export class ProtocolClient {
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  private markSynced!: () => void;

  constructor(url: string, onUpdate?: (update: Uint8Array) => void) {
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
    this.ws = new WebSocket(url);
    this.ws.on('open', () => this.ws.send(syncMessage(syncProtocol.messageYjsSyncStep1, EMPTY_STATE_VECTOR)));
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 0) return; // awareness
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        this.ws.send(syncMessage(syncProtocol.messageYjsSyncStep2, EMPTY_UPDATE));
      } else if (step === syncProtocol.messageYjsSyncStep2) {
        this.markSynced();
      } else if (onUpdate) {
        onUpdate(decoding.readVarUint8Array(decoder));
      }
    });
    this.ws.on('error', () => {});
  }

  send(update: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(syncMessage(syncProtocol.messageYjsUpdate, update));
  }

  close(): void {
    this.ws.close();
  }
}

/** Send times of writer updates, by `client:clock` of the update's first struct. */
export type SendTimes = Map<string, number>;

/** A writer: its own Y.Doc under a fixed client id, setting one key of a root map on every `write()`. */
export class Writer {
  readonly doc = new Y.Doc();
  private seq = 0;

  constructor(
    readonly client: ProtocolClient,
    clientID: number,
    private readonly sent: SendTimes,
  ) {
    this.doc.clientID = clientID;
    this.doc.on('update', (update: Uint8Array) => client.send(update));
  }

  write(): void {
    this.sent.set(`${this.doc.clientID}:${Y.getState(this.doc.store, this.doc.clientID)}`, performance.now());
    this.doc.getMap('bench').set('w', ++this.seq);
  }
}

/**
 * The latencies of the writer updates in an arriving update (one, or several the server merged into one message):
 * each writer update is one item, so the clocks an update spans name them.
 */
export function latenciesOf(update: Uint8Array, sent: SendTimes, now: number, out: number[]): void {
  const { from, to } = Y.parseUpdateMeta(update);
  for (const [client, end] of to) {
    for (let clock = from.get(client) ?? end; clock < end; clock++) {
      const at = sent.get(`${client}:${clock}`);
      if (at !== undefined) out.push(now - at);
    }
  }
}
