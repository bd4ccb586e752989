// What the top bar says about the link to the server, from what the connection knows.

/**
 * `connecting`: the first connection of this page, nothing to report yet; `syncing`: connected, catching up
 * (after a reconnect, or changes the server has not confirmed for a while); `online`: in step, nothing pending;
 * `offline`: not connected (changes are kept in this browser and sent on reconnect); `denied`: the server refused
 * the link's secret (or the workshop does not exist); `refused`: the server closed the connection over a change of
 * this page's it will not take (past a board limit, or one it cannot apply); the page keeps retrying.
 */
export type ConnectionState = 'connecting' | 'syncing' | 'online' | 'offline' | 'denied' | 'refused';

export interface ConnectionFacts {
  denied: boolean;
  socket: 'connecting' | 'open' | 'closed';
  /** The current connection has had its first full sync. */
  synced: boolean;
  /** Some connection of this page has been in sync before (so a lost connection is "offline", not "connecting"). */
  wasOnline: boolean;
  /** The browser says there is no network. */
  browserOffline: boolean;
  /** A connection attempt of this page has failed (the server or the network is out of reach). */
  failed: boolean;
  /** Changes not yet confirmed by the server that the person should hear about. */
  backlog: number;
  /** The server's last close said it refused one of this page's changes, and no sync has happened since. */
  refused: boolean;
}

export function connectionStateOf(f: ConnectionFacts): ConnectionState {
  if (f.denied) return 'denied';
  if (f.refused) return 'refused';
  if (f.socket !== 'open') return f.wasOnline || f.browserOffline || f.failed || f.backlog > 0 ? 'offline' : 'connecting';
  if (!f.synced) return f.wasOnline || f.backlog > 0 ? 'syncing' : 'connecting';
  return f.backlog > 0 ? 'syncing' : 'online';
}
