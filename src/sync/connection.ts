// The page's link to its workshop's room: y-websocket on `/ws/<workshop id>?key=…` (or `?view=…`), with its
// awareness (presence, see awareness.ts), the count of this page's changes the server has not confirmed yet
// (unsynced.ts), and the browser's own word on the network: when it says offline, the page stops trying and
// says so at once; when it says online, the page reconnects at once.
import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as random from 'lib0/random';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider, messageAwareness, messageSync } from 'y-websocket';
import type * as Y from 'yjs';
import { connectionStateOf, type ConnectionState } from './connectionState';
import { UnsyncedChanges } from './unsynced';

export type { ConnectionState } from './connectionState';

export interface RoomConnection {
  readonly provider: WebsocketProvider;
  /** Called with every change of state, and once at once with the current one. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Called with the number of this page's changes not yet confirmed by the server, when it changes, and at once. */
  onUnsynced(listener: (count: number) => void): () => void;
  /** Resolves when the first full sync with the server has happened. */
  readonly synced: Promise<void>;
  /** Why the server last refused this page's changes (its close reason), while it does; null otherwise. */
  readonly refusal: string | null;
  destroy(): void;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface RoomOptions {
  workshopId: string;
  secret: string;
  access: 'edit' | 'view';
  doc: Y.Doc;
  /** Defaults to this page's origin, with ws: or wss:. */
  serverUrl?: string;
  /** Where the count of unconfirmed changes survives a reload (default: localStorage; null: nowhere). */
  storage?: KeyValueStore | null;
}

export function websocketBase(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function unsyncedKey(workshopId: string): string {
  return `eventstorm.unsynced.${workshopId}`;
}

function defaultStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readCarried(storage: KeyValueStore | null, key: string): number {
  const n = Number(storage?.getItem(key) ?? 0);
  return Number.isInteger(n) && n > 0 && n < 1e6 ? n : 0;
}

const browserSaysOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
const now = () => performance.now();
/** While changes are pending, how often the state is re-read (a change turns "stale" with time alone). */
const TICK_MS = 1000;
/** How long a connection must stay up after syncing before a refusal counts as over. */
const REFUSAL_CLEARS_MS = 3000;
/** How long a refused page waits before trying again (unless the person changes something first). */
const REFUSAL_RETRY_MS = 5000;

/** What an awareness says changed, with its 'update' event: the client ids whose state came, changed or went. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Make `send` the provider's awareness sender, in place of y-websocket's own, which sends every change of every
 * client's state. y-websocket has no option for this: its sender is the private `_awarenessUpdateHandler`, which
 * its constructor registers on the awareness and `destroy` unregisters (so `send` is put in that field, and
 * `destroy` unregisters it instead). y-websocket is pinned for this; awareness-seam.test.ts checks the seam on
 * the real library.
 */
export function replaceAwarenessSender(provider: WebsocketProvider, send: (changes: AwarenessChanges, origin: unknown) => void): void {
  provider.awareness.off('update', provider._awarenessUpdateHandler);
  provider._awarenessUpdateHandler = send;
  provider.awareness.on('update', send);
}

export function connectRoom(options: RoomOptions): RoomConnection {
  const serverUrl = options.serverUrl ?? websocketBase(window.location);
  const params: Record<string, string> = options.access === 'edit' ? { key: options.secret } : { view: options.secret };
  const { doc } = options;
  // No BroadcastChannel for a view link: a view tab's document must never leave through an edit tab of the same browser.
  const provider = new WebsocketProvider(serverUrl, options.workshopId, doc, { params, maxBackoffTime: 5000, connect: !browserSaysOffline(), disableBc: options.access === 'view' });
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = unsyncedKey(options.workshopId);
  // A view link changes nothing, so it has nothing to count (and must not show an editor's count from this browser).
  const tracking = options.access === 'edit';
  const unsynced = new UnsyncedChanges(tracking ? readCarried(storage, key) : 0, now());

  const stateListeners = new Set<(state: ConnectionState) => void>();
  const countListeners = new Set<(count: number) => void>();
  let state: ConnectionState = 'connecting';
  let count = unsynced.count;
  let denied = false;
  let wasOnline = false;
  let failed = false;
  let destroyed = false;
  let refusal: string | null = null;
  let refusalClear: ReturnType<typeof setTimeout> | null = null;
  let refusalRetry: ReturnType<typeof setTimeout> | null = null;
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  let probeTimerAt = 0;
  let tick: ReturnType<typeof setInterval> | null = null;

  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));

  const socket = () => (provider.wsconnected ? 'open' : provider.wsconnecting ? 'connecting' : 'closed');

  function sendProbe() {
    const ws = provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || !provider.wsconnected) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
    unsynced.probed(now());
  }

  function scheduleProbe() {
    if (destroyed) return;
    const at = unsynced.nextProbeAt(now());
    if (probeTimer !== null) {
      // Already due no later than needed.
      if (at !== null && probeTimerAt <= at) return;
      clearTimeout(probeTimer);
      probeTimer = null;
    }
    if (at === null) return;
    probeTimerAt = at;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      if (unsynced.shouldProbe(now())) sendProbe();
      refresh();
    }, Math.max(0, at - now()));
  }

  function refresh() {
    if (destroyed) return;
    const next = connectionStateOf({
      denied,
      refused: refusal !== null,
      socket: socket(),
      synced: provider.synced,
      wasOnline,
      failed,
      browserOffline: browserSaysOffline(),
      backlog: unsynced.backlog(now()),
    });
    if (next !== state) {
      state = next;
      for (const listener of stateListeners) listener(state);
    }
    if (unsynced.count !== count) {
      count = unsynced.count;
      try {
        if (count > 0) storage?.setItem(key, String(count));
        else storage?.removeItem(key);
      } catch {
        // storage full or refused: the count is a courtesy, the changes themselves are in the document
      }
      for (const listener of countListeners) listener(count);
    }
    scheduleProbe();
    if (count > 0 && tick === null) tick = setInterval(refresh, TICK_MS);
    else if (count === 0 && tick !== null) {
      clearInterval(tick);
      tick = null;
    }
  }

  // y-websocket sends on every awareness change, everyone's: each page would echo every cursor move of every other
  // page back to the server (which drops what a connection says for others). With ten people that is ten times
  // the traffic and the encoding work on every page. Send this page's own presence only.
  const awareness = provider.awareness;
  replaceAwarenessSender(provider, ({ added, updated, removed }) => {
    const self = doc.clientID;
    if (!added.includes(self) && !updated.includes(self) && !removed.includes(self)) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [self]));
    const message = encoding.toUint8Array(encoder);
    const ws = provider.ws;
    if (provider.wsconnected && ws && ws.readyState === WebSocket.OPEN) ws.send(message);
    if (provider.bcconnected) bc.publish(provider.bcChannel, message, provider);
  });

  // See which sync messages arrive from the server: its sync step 1 (answered with everything it lacks) and
  // each sync step 2 (the answer to one of this page's sync requests). Messages from other tabs are not the server's.
  const handleSync = provider.messageHandlers[messageSync];
  provider.messageHandlers[messageSync] = (encoder, decoder, p, fromServer, messageType) => {
    const kind = fromServer ? decoding.peekVarUint(decoder) : -1;
    handleSync(encoder, decoder, p, fromServer, messageType);
    if (kind === syncProtocol.messageYjsSyncStep1) unsynced.greeting();
    else if (kind === syncProtocol.messageYjsSyncStep2) unsynced.answer();
    // After this message's own answer has been sent.
    if (kind === syncProtocol.messageYjsSyncStep1 || kind === syncProtocol.messageYjsSyncStep2) queueMicrotask(refresh);
  };

  const onTransaction = (tr: Y.Transaction) => {
    // Local transactions only: the provider and the offline cache apply updates as non-local ones.
    if (!tracking || !tr.local || tr.changed.size === 0) return;
    unsynced.record(now());
    // The person changed something (an undo, a deletion): the board may be acceptable again.
    if (refusalRetry !== null) queueMicrotask(retryRefused);
    refresh();
  };
  doc.on('afterTransaction', onTransaction);

  // A presence id belongs to the connection that first announced it, until that connection closes (the server's
  // rule): a page coming back under its old id could find someone else wearing it by then. So every connection
  // announces a fresh id (the document's client id with it, as y-websocket announces that one).
  function freshPresenceId() {
    const state = awareness.getLocalState();
    const old = awareness.clientID;
    awareness.states.delete(old);
    awareness.meta.delete(old);
    const next = random.uint32();
    doc.clientID = next;
    awareness.clientID = next;
    // A new id's first state has clock 0, which y-protocols ignores from a client it does not know: start at 1,
    // as a new Awareness does.
    awareness.setLocalState({});
    awareness.setLocalState(state);
  }

  provider.on('status', ({ status }) => {
    if (status === 'connected') unsynced.opened();
    else if (status === 'disconnected') {
      unsynced.closed();
      freshPresenceId();
    }
    refresh();
  });
  provider.on('connection-close', (event) => {
    // Closed by the other end or the network (this page closing its own socket passes null).
    if (event) failed = true;
    // 1008 (a board limit) and 1003 (an update it cannot apply): the server will not take one of this page's
    // changes. The page keeps retrying (an undo or a deletion may make the board acceptable again); the top bar says why.
    if (event && (event.code === 1008 || event.code === 1003)) {
      refusal = event.reason || 'The server refused a change made on this page.';
      if (refusalClear !== null) clearTimeout(refusalClear);
      refusalClear = null;
      // Not straight back with the same change: wait, or retry at once after the person changes something.
      provider.disconnect();
      if (refusalRetry !== null) clearTimeout(refusalRetry);
      refusalRetry = setTimeout(retryRefused, REFUSAL_RETRY_MS);
    }
    refresh();
  });

  function retryRefused() {
    if (refusalRetry !== null) clearTimeout(refusalRetry);
    refusalRetry = null;
    if (!destroyed && !denied && !browserSaysOffline()) provider.connect();
  }
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) {
      wasOnline = true;
      resolveSynced();
      // A refused change is sent again right after each sync: only a connection that stays up has been accepted.
      if (refusal !== null && refusalClear === null) {
        refusalClear = setTimeout(() => {
          refusalClear = null;
          if (provider.wsconnected) refusal = null;
          refresh();
        }, REFUSAL_CLEARS_MS);
      }
    }
    refresh();
  });
  // A close code in 4400–4499 is the server's final word (a bad secret): y-websocket stops retrying.
  provider.on('closed', () => {
    denied = true;
    refresh();
  });

  const onBrowserOffline = () => {
    // The socket may linger for a while on a dead network; what is sent into it now would be lost from view.
    provider.disconnect();
    unsynced.closed();
    refresh();
  };
  const onBrowserOnline = () => {
    if (!denied) provider.connect();
    refresh();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onBrowserOffline);
    window.addEventListener('online', onBrowserOnline);
  }
  refresh();

  return {
    provider,
    synced,
    get refusal() {
      return refusal;
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    onUnsynced(listener) {
      countListeners.add(listener);
      listener(count);
      return () => countListeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      stateListeners.clear();
      countListeners.clear();
      if (probeTimer !== null) clearTimeout(probeTimer);
      if (refusalClear !== null) clearTimeout(refusalClear);
      if (refusalRetry !== null) clearTimeout(refusalRetry);
      if (tick !== null) clearInterval(tick);
      doc.off('afterTransaction', onTransaction);
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onBrowserOffline);
        window.removeEventListener('online', onBrowserOnline);
      }
      provider.destroy();
      // The provider made this awareness; it has a timer of its own.
      awareness.destroy();
    },
  };
}
