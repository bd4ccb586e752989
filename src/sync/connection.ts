// The page's link to its workshop's room: y-websocket on `/ws/<workshop id>?key=…` (or `?view=…`).
// Presence (awareness) and the offline cache (y-indexeddb) arrive with issue 5 and hang off this same object.
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What the top bar shows. `denied`: the server refused the link's secret (or the workshop does not exist). */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'denied';

export interface RoomConnection {
  readonly provider: WebsocketProvider;
  /** Called with every change of state, and once at once with the current one. */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Resolves when the first full sync with the server has happened. */
  readonly synced: Promise<void>;
  destroy(): void;
}

export interface RoomOptions {
  workshopId: string;
  secret: string;
  access: 'edit' | 'view';
  doc: Y.Doc;
  /** Defaults to this page's origin, with ws: or wss:. */
  serverUrl?: string;
}

export function websocketBase(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function connectRoom(options: RoomOptions): RoomConnection {
  const serverUrl = options.serverUrl ?? websocketBase(window.location);
  const params: Record<string, string> = options.access === 'edit' ? { key: options.secret } : { view: options.secret };
  const provider = new WebsocketProvider(serverUrl, options.workshopId, options.doc, { params, maxBackoffTime: 5000 });
  const listeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
  };

  let resolveSynced!: () => void;
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));

  provider.on('status', ({ status }) => {
    if (status === 'connected') set(provider.synced ? 'online' : 'connecting');
    else if (status === 'disconnected') set('offline');
    else if (state !== 'offline') set('connecting');
  });
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) {
      set('online');
      resolveSynced();
    }
  });
  // A close code in 4400–4499 is the server's final word (a bad secret): y-websocket stops retrying.
  provider.on('closed', () => set('denied'));

  return {
    provider,
    synced,
    onState(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    destroy() {
      listeners.clear();
      provider.destroy();
    },
  };
}
