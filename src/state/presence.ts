// Presence on an open board: this page's own awareness state (kept current from the board store and the canvas,
// throttled on the way out) and everyone else's, read back into two channels — a small zustand store for what the
// React tree shows (who is here, who leads, whom we follow; it changes when people come, go or rename) and a
// live map for what moves many times a second (cursors, views, selections, drags), which the canvas overlay
// reads imperatively so that a moving cursor never re-renders a sticky.
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  PRESENCE_VERSION,
  ThrottledPresence,
  parsePresence,
  realTimers,
  type FlowPoint,
  type FlowRect,
  type PresenceDrag,
  type PresenceState,
  type PresenceUser,
  type Timers,
} from '../sync/awareness';
import type { Access } from './boardLink';
import type { BoardStore } from './boardStore';
import { isStickyNode } from './canvasNodes';
import { assignColor, loadParticipant, preferredColor, rename, saveParticipant, type Participant } from './participant';
import { dragToUnits, pointToUnits, presenceInLayout, rectToUnits } from './presenceLayout';
import { RemoteDrags, setRemoteDrags } from './remoteDrags';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** People a page shows at most: past it, newcomers are ignored (a flood of fake participants must not freeze it). */
export const MAX_PEERS = 200;

export interface Peer {
  /** The awareness client id (one per open page). */
  clientId: number;
  user: PresenceUser;
  access: Access;
  /** Set while this person asks everyone to follow their view. */
  lead: string | null;
  since: number;
}

export interface PresenceView {
  self: PresenceUser;
  /** The person has chosen their name (or accepted the default): the prompt stays away. */
  named: boolean;
  /** Everyone else on the board, by name. */
  peers: readonly Peer[];
  /** The client whose view this page follows, or null. */
  following: number | null;
  /** This page asks everyone to follow its view. */
  leading: boolean;
}

export interface Presence {
  readonly store: StoreApi<PresenceView>;
  /** The current remote states by client id (cursors, views, selections, drags). */
  readonly live: ReadonlyMap<number, PresenceState>;
  /** Called after every change of a remote state (many times a second: batch the work to frames). */
  subscribeLive(listener: () => void): () => void;
  setCursor(point: FlowPoint | null): void;
  setView(rect: FlowRect | null): void;
  rename(name: string): void;
  /** Keep the default name and stop asking. */
  acceptName(): void;
  /** Ask everyone to follow this page's view (editors only). */
  lead(): void;
  stopLeading(): void;
  stopFollowing(): void;
  destroy(): void;
}

export interface PresenceOptions {
  awareness: Awareness;
  board: BoardStore;
  access: Access;
  storage?: KeyValueStore | null;
  timers?: Timers;
  /** Schedules a batch of drag work before the next frame (tests pass a synchronous one). */
  schedule?: (fn: () => void) => void;
}

/** Whom to follow: the latest request to be followed that this page has not declined, or null. */
export function followTarget(peers: readonly Peer[], declined: ReadonlySet<string>, leading: boolean): number | null {
  if (leading) return null;
  let best: Peer | null = null;
  for (const p of peers) {
    // Only an editor can ask (a view link's page never does).
    if (!p.lead || p.access !== 'edit' || declined.has(`${p.clientId}:${p.lead}`)) continue;
    if (!best || p.lead > best.lead!) best = p;
  }
  return best ? best.clientId : null;
}

/** The viewport (centre and zoom) that shows `rect` whole on a canvas of the given size. */
export function viewportShowing(rect: FlowRect, canvas: { width: number; height: number }, minZoom: number, maxZoom: number): { x: number; y: number; zoom: number } {
  const fit = Math.min(canvas.width / rect.width, canvas.height / rect.height);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Number.isFinite(fit) && fit > 0 ? fit : 1));
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, zoom };
}

function samePeer(a: Peer, b: Peer): boolean {
  return a.clientId === b.clientId && a.access === b.access && a.lead === b.lead && a.since === b.since && a.user.id === b.user.id && a.user.name === b.user.name && a.user.color === b.user.color;
}

function defaultStorage(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const defaultSchedule = (fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : setTimeout(fn, 16));

export function createPresence(options: PresenceOptions): Presence {
  const { awareness, board, access } = options;
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const timers = options.timers ?? realTimers;
  const schedule = options.schedule ?? defaultSchedule;
  let participant: Participant = loadParticipant(storage);
  const since = Date.now();

  const store = createStore<PresenceView>(() => ({
    self: { id: participant.id, name: participant.name, color: preferredColor(participant.id) },
    named: participant.named,
    peers: [],
    following: null,
    leading: false,
  }));

  const out = new ThrottledPresence(
    {
      v: PRESENCE_VERSION,
      user: store.getState().self,
      access,
      cursor: null,
      selection: [...board.getState().selectedIds],
      drag: null,
      view: null,
      lead: null,
      since,
    },
    (state) => awareness.setLocalState(state),
    undefined,
    timers,
  );

  const live = new Map<number, PresenceState>();
  const liveListeners = new Set<() => void>();
  const declined = new Set<string>();
  const drags = new RemoteDrags();
  let dragsScheduled = false;
  let settleTimer: unknown = null;
  let destroyed = false;

  function setView(patch: Partial<PresenceView>) {
    store.setState(patch);
  }

  function refollow() {
    const s = store.getState();
    const target = followTarget(s.peers, declined, s.leading);
    if (target !== s.following) setView({ following: target });
  }

  function applyDrags() {
    dragsScheduled = false;
    if (destroyed) return;
    const state = board.getState();
    const remote = new Map<number, PresenceDrag | null>();
    for (const [client, p] of live) remote.set(client, p.drag);
    const mine = new Set(out.state.drag?.ids ?? []);
    setRemoteDrags(board, drags.update(remote, state.elementsById, timers.now(), mine, state.scale.xOf));
    if (settleTimer !== null) timers.clearTimeout(settleTimer);
    settleTimer = null;
    const next = drags.nextExpiry();
    if (next !== null) settleTimer = timers.setTimeout(scheduleDrags, Math.max(0, next - timers.now()) + 1);
  }

  function scheduleDrags() {
    if (dragsScheduled || destroyed) return;
    dragsScheduled = true;
    schedule(applyDrags);
  }

  /** Of two people wearing one colour, the one who joined later changes, to a colour fewer people wear. */
  function pickColour(peers: readonly Peer[]) {
    const self = store.getState().self;
    const others = peers.filter((p) => p.user.id !== self.id);
    const earlier = (p: Peer) => p.since < since || (p.since === since && p.user.id < self.id);
    if (!others.some((p) => p.user.color === self.color && earlier(p))) return;
    const worn = (color: string) => others.filter((p) => p.user.color === color).length;
    const color = assignColor(self.id, others.map((p) => p.user.color));
    if (color === self.color || worn(color) >= worn(self.color)) return;
    const user = { ...self, color };
    setView({ self: user });
    out.update({ user });
  }

  /** The peer list, rebuilt when someone comes, goes, renames, recolours or (stops) asking to be followed. */
  function rebuildPeers() {
    const previous = new Map(store.getState().peers.map((p) => [p.clientId, p]));
    const peers: Peer[] = [];
    for (const [client, state] of live) {
      const peer: Peer = { clientId: client, user: state.user, access: state.access, lead: state.lead, since: state.since };
      const old = previous.get(client);
      peers.push(old && samePeer(old, peer) ? old : peer);
    }
    peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
    const current = store.getState().peers;
    if (peers.length !== current.length || peers.some((p, i) => p !== current[i])) setView({ peers });
    pickColour(peers);
    refollow();
  }

  // Only the clients an update changed are read again (a cursor move changes one state of many).
  const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    if (destroyed) return;
    let listChanged = false;
    let dragChanged = false;
    const states = awareness.getStates();
    for (const client of removed) {
      const old = live.get(client);
      if (!old) continue;
      live.delete(client);
      listChanged = true;
      if (old.drag) dragChanged = true;
    }
    for (const client of [...added, ...updated]) {
      // This page's own id changes with each connection (connection.ts): read it now.
      if (client === awareness.clientID) continue;
      // However many the server let through, a page shows a sane number of people.
      if (!live.has(client) && live.size >= MAX_PEERS) continue;
      const old = live.get(client);
      const state = parsePresence(states.get(client));
      if (!state) {
        if (old) {
          live.delete(client);
          listChanged = true;
          if (old.drag) dragChanged = true;
        }
        continue;
      }
      // Drawn through this page's timeline layout (presence travels in timeline units, presenceLayout.ts).
      live.set(client, presenceInLayout(state, board.getState().scale));
      if (!old || old.access !== state.access || old.lead !== state.lead || old.since !== state.since || old.user.name !== state.user.name || old.user.color !== state.user.color || old.user.id !== state.user.id) listChanged = true;
      if (old?.drag || state.drag) dragChanged = true;
    }
    if (listChanged) rebuildPeers();
    if (dragChanged) scheduleDrags();
    for (const listener of liveListeners) listener();
  };
  awareness.on('change', onChange);

  // This page's selection and drag come from the board store.
  const unsubscribeBoard = board.subscribe((state, prev) => {
    if (state.selectedIds !== prev.selectedIds) out.update({ selection: [...state.selectedIds] });
    if (state.nodes !== prev.nodes) {
      const ids: string[] = [];
      const points: number[] = [];
      for (const node of state.nodes) {
        if (!node.dragging || !isStickyNode(node)) continue;
        ids.push(node.id);
        points.push(node.position.x, node.position.y);
      }
      const drag = ids.length > 0 ? dragToUnits({ ids, points }, state.scale) : null;
      if (drag || out.state.drag) out.update({ drag });
    }
    // A sticky let go by someone may be waiting for the document's drop.
    if (state.elementsById !== prev.elementsById && (state.remoteDrags.size > 0 || drags.nextExpiry() !== null)) scheduleDrags();
  });

  const persist = (next: Participant) => {
    participant = next;
    saveParticipant(storage, next);
  };

  return {
    store,
    live,
    subscribeLive(listener) {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    setCursor(point) {
      out.update({ cursor: pointToUnits(point, board.getState().scale) });
    },
    setView(rect) {
      out.update({ view: rectToUnits(rect, board.getState().scale) });
    },
    rename(name) {
      persist(rename(participant, name));
      const user = { ...store.getState().self, name: participant.name };
      setView({ self: user, named: true });
      out.update({ user });
    },
    acceptName() {
      persist({ ...participant, named: true });
      setView({ named: true });
    },
    lead() {
      if (access !== 'edit') return;
      const lead = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      setView({ leading: true, following: null });
      out.update({ lead });
      out.flush();
    },
    stopLeading() {
      setView({ leading: false });
      out.update({ lead: null });
      out.flush();
    },
    stopFollowing() {
      const s = store.getState();
      const peer = s.peers.find((p) => p.clientId === s.following);
      if (peer?.lead) declined.add(`${peer.clientId}:${peer.lead}`);
      setView({ following: null });
    },
    destroy() {
      destroyed = true;
      awareness.off('change', onChange);
      unsubscribeBoard();
      if (settleTimer !== null) timers.clearTimeout(settleTimer);
      out.dispose();
      liveListeners.clear();
      // Leave at once rather than after the awareness timeout.
      awareness.setLocalState(null);
    },
  };
}
