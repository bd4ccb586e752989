// Everyone else on the canvas: their cursors with name labels and their selections outlined in their colour,
// drawn in React Flow's viewport layer (so a pan moves them with the board at no cost) by plain DOM writes once a
// frame — a moving cursor re-renders no React component, let alone a sticky. It also tells the others where this
// page's pointer and view are, follows a person who asked to be followed, and hosts the follow bar.
import { Panel, ViewportPortal, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { BoardNode } from '../../state/canvasNodes';
import { viewportShowing, type Presence } from '../../state/presence';
import type { FlowRect, PresenceState } from '../../sync/awareness';
import type { BoardStore } from '../../state/boardStore';
import { useSession } from '../board/sessionContext';
import { usePresence } from './usePresence';
import './presence.css';

/** Outlines drawn per person at most (a select-all of a huge board shows as its first stickies). */
const MAX_OUTLINES = 300;
const MIN_ZOOM = 0.04;
const MAX_ZOOM = 2;

const domNodeOf = (s: ReactFlowState) => s.domNode;

interface Drawn {
  cursor: HTMLDivElement | null;
  /** What was last written, so an unchanged cursor or outline costs no style work. */
  cursorKey: string;
  outlines: HTMLDivElement[];
  outlineKeys: string[];
}

function cursorElement(): HTMLDivElement {
  const el = document.createElement('div');
  el.className = 'es-cursor';
  el.dataset.testid = 'remote-cursor';
  el.innerHTML =
    '<svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true"><path d="M1 1 L1 16 L5 12 L8.5 19 L11 18 L7.6 11 L13 11 Z" stroke="white" stroke-width="1.5" stroke-linejoin="round"/></svg><span class="es-cursor-label"></span>';
  return el;
}

/** Draws every remote cursor and selection outline now (called at most once a frame). */
function draw(container: HTMLDivElement, presence: Presence, board: BoardStore, drawn: Map<number, Drawn>, nodeIndex: () => Map<string, BoardNode>) {
  const seen = new Set<number>();
  for (const [client, state] of presence.live) {
    seen.add(client);
    let d = drawn.get(client);
    if (!d) {
      d = { cursor: null, cursorKey: '', outlines: [], outlineKeys: [] };
      drawn.set(client, d);
    }
    drawCursor(container, d, client, state);
    drawOutlines(container, d, client, state, nodeIndex, board);
  }
  for (const [client, d] of drawn) {
    if (seen.has(client)) continue;
    d.cursor?.remove();
    for (const o of d.outlines) o.remove();
    drawn.delete(client);
  }
}

function drawCursor(container: HTMLDivElement, d: Drawn, client: number, state: PresenceState) {
  if (!state.cursor) {
    d.cursor?.remove();
    d.cursor = null;
    d.cursorKey = '';
    return;
  }
  const key = `${state.cursor.x},${state.cursor.y},${state.user.color},${state.user.name}`;
  if (d.cursor && key === d.cursorKey) return;
  d.cursorKey = key;
  if (!d.cursor) {
    d.cursor = cursorElement();
    container.appendChild(d.cursor);
  }
  const el = d.cursor;
  el.dataset.clientId = String(client);
  el.dataset.name = state.user.name;
  el.style.setProperty('--es-peer', state.user.color);
  el.style.transform = `translate(${state.cursor.x}px, ${state.cursor.y}px) scale(var(--es-inv-zoom, 1))`;
  const label = el.lastElementChild as HTMLElement;
  // Text, never HTML: a name is whatever someone typed.
  if (label.textContent !== state.user.name) label.textContent = state.user.name;
}

function drawOutlines(container: HTMLDivElement, d: Drawn, client: number, state: PresenceState, nodeIndex: () => Map<string, BoardNode>, board: BoardStore) {
  const boxes: FlowRect[] = [];
  const ids: string[] = [];
  if (state.selection.length > 0) {
    const index = nodeIndex();
    const overrides = board.getState().remoteDrags;
    for (const id of state.selection) {
      if (boxes.length >= MAX_OUTLINES) break;
      const node = index.get(id);
      if (!node || node.type !== 'sticky') continue;
      const at = overrides.get(id) ?? node.position;
      boxes.push({ x: at.x, y: at.y, width: node.width ?? 0, height: node.height ?? 0 });
      ids.push(id);
    }
  }
  while (d.outlines.length > boxes.length) {
    d.outlines.pop()!.remove();
    d.outlineKeys.pop();
  }
  boxes.forEach((box, i) => {
    const key = `${ids[i]},${box.x},${box.y},${box.width},${box.height},${state.user.color},${i === 0 ? state.user.name : ''}`;
    if (d.outlineKeys[i] === key) return;
    d.outlineKeys[i] = key;
    let el = d.outlines[i];
    if (!el) {
      el = document.createElement('div');
      el.className = 'es-remote-selection';
      el.dataset.testid = 'remote-selection';
      const tag = document.createElement('span');
      tag.className = 'es-remote-selection-tag';
      el.appendChild(tag);
      container.insertBefore(el, container.firstChild);
      d.outlines.push(el);
    }
    el.dataset.clientId = String(client);
    el.dataset.elementId = ids[i];
    el.dataset.name = state.user.name;
    el.style.setProperty('--es-peer', state.user.color);
    el.style.transform = `translate(${box.x}px, ${box.y}px)`;
    el.style.width = `${box.width}px`;
    el.style.height = `${box.height}px`;
    const tag = el.firstElementChild as HTMLElement;
    const text = i === 0 ? state.user.name : '';
    if (tag.textContent !== text) tag.textContent = text;
  });
}

export function PresenceLayer() {
  const session = useSession();
  const { presence, store: board } = session;
  const flow = useReactFlow();
  const rf = useStoreApi();
  const domNode = useStore(domNodeOf);
  // A state, not a ref: the viewport layer is portalled in only once React Flow knows its DOM node.
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  // Remote cursors and selections: redrawn once a frame after a remote change or a change of the board's nodes.
  useEffect(() => {
    const el = container;
    if (!presence || !el) return;
    const drawn = new Map<number, Drawn>();
    let index: Map<string, BoardNode> | null = null;
    let indexed: BoardNode[] | null = null;
    const nodeIndex = () => {
      const nodes = board.getState().nodes;
      if (!index || indexed !== nodes) {
        index = new Map(nodes.map((n) => [n.id, n]));
        indexed = nodes;
      }
      return index;
    };
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw(el, presence, board, drawn, nodeIndex);
      });
    };
    const stopLive = presence.subscribeLive(schedule);
    const anySelection = () => [...presence.live.values()].some((s) => s.selection.length > 0);
    const stopBoard = board.subscribe((s, prev) => {
      if (s.nodes !== prev.nodes && anySelection()) schedule();
    });
    schedule();
    return () => {
      stopLive();
      stopBoard();
      cancelAnimationFrame(frame);
      el.replaceChildren();
    };
  }, [presence, board, container]);

  // Labels keep their size at any zoom (the variable is set on the layer alone: on an ancestor of the stickies it
  // would restyle every one of them at each zoom step); this page's view goes to the others.
  useEffect(() => {
    if (!presence) return;
    let lastZoom = NaN;
    const publish = (s: ReactFlowState) => {
      const [tx, ty, zoom] = s.transform;
      if (zoom !== lastZoom && container) {
        lastZoom = zoom;
        container.style.setProperty('--es-inv-zoom', String(1 / zoom));
      }
      if (s.width > 0 && s.height > 0) presence.setView({ x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom });
    };
    publish(rf.getState());
    return rf.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) publish(s);
    });
  }, [presence, rf, container]);

  // This page's pointer, in flow coordinates (also when the board moves under a still pointer).
  useEffect(() => {
    if (!presence || !domNode) return;
    let client: { x: number; y: number } | null = null;
    const send = () => presence.setCursor(client ? flow.screenToFlowPosition(client, { snapToGrid: false }) : null);
    const onMove = (e: PointerEvent) => {
      client = { x: e.clientX, y: e.clientY };
      send();
    };
    const onLeave = () => {
      client = null;
      send();
    };
    domNode.addEventListener('pointermove', onMove);
    domNode.addEventListener('pointerleave', onLeave);
    const stop = rf.subscribe((s, prev) => {
      if (client && s.transform !== prev.transform) send();
    });
    return () => {
      domNode.removeEventListener('pointermove', onMove);
      domNode.removeEventListener('pointerleave', onLeave);
      stop();
    };
  }, [presence, domNode, flow, rf]);

  return (
    <>
      <ViewportPortal>
        <div ref={setContainer} className="es-presence" data-testid="presence-layer" />
      </ViewportPortal>
      <Following />
      <FollowBar />
    </>
  );
}

/** While this page follows someone, its view is theirs; panning or zooming by hand stops following. */
function Following() {
  const { presence } = useSession();
  const following = usePresence((s) => s.following);
  const flow = useReactFlow();
  const rf = useStoreApi();
  const domNode = useStore(domNodeOf);

  useEffect(() => {
    if (!presence || following === null) return;
    let last: FlowRect | null = null;
    let frame = 0;
    const apply = () => {
      frame = 0;
      const view = presence.live.get(following)?.view;
      const { width, height } = rf.getState();
      if (!view || width <= 0 || height <= 0) return;
      if (last && last.x === view.x && last.y === view.y && last.width === view.width && last.height === view.height) return;
      last = view;
      const target = viewportShowing(view, { width, height }, MIN_ZOOM, MAX_ZOOM);
      void flow.setViewport({ x: width / 2 - target.x * target.zoom, y: height / 2 - target.y * target.zoom, zoom: target.zoom });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(apply);
    };
    apply();
    const stopLive = presence.subscribeLive(schedule);
    // A pan or zoom of one's own ends following: the wheel, or a drag with the middle or right button. Heard in
    // the capture phase: the canvas's own zoom handling stops these events from bubbling.
    const onWheel = (e: WheelEvent) => {
      if (!(e.target as Element | null)?.closest?.('.nowheel')) presence.stopFollowing();
    };
    const onPointerDown = (e: PointerEvent) => {
      if (e.button === 1 || e.button === 2) presence.stopFollowing();
    };
    domNode?.addEventListener('wheel', onWheel, { passive: true, capture: true });
    domNode?.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => {
      stopLive();
      cancelAnimationFrame(frame);
      domNode?.removeEventListener('wheel', onWheel, { capture: true });
      domNode?.removeEventListener('pointerdown', onPointerDown, { capture: true });
    };
  }, [presence, following, flow, rf, domNode]);

  return null;
}

const barStyle = { marginTop: 34 };

function FollowBar() {
  const { presence } = useSession();
  const following = usePresence((s) => (s.following === null ? null : (s.peers.find((p) => p.clientId === s.following) ?? null)));
  const leading = usePresence((s) => s.leading);
  const watchers = usePresence((s) => s.peers.length);
  if (!presence) return null;
  if (following) {
    return (
      <Panel position="top-center" style={barStyle}>
        <div
          className="flex items-center gap-3 rounded-full border-2 bg-white px-4 py-1.5 text-sm font-medium text-slate-800 shadow-md"
          style={{ borderColor: following.user.color }}
          data-testid="follow-bar"
          data-following={following.clientId}
          role="status"
        >
          <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: following.user.color }} />
          <span>
            Following <strong data-testid="follow-bar-name">{following.user.name}</strong>
          </span>
          <button type="button" className="rounded-full bg-slate-100 px-3 py-0.5 text-xs font-semibold hover:bg-slate-200" onClick={() => presence.stopFollowing()} data-testid="follow-stop">
            Stop
          </button>
        </div>
      </Panel>
    );
  }
  if (leading) {
    return (
      <Panel position="top-center" style={barStyle}>
        <div className="flex items-center gap-3 rounded-full border-2 border-blue-600 bg-white px-4 py-1.5 text-sm font-medium text-slate-800 shadow-md" data-testid="leading-bar" role="status">
          <span className="inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-blue-600" />
          {watchers === 0 ? 'Everyone who joins will follow your view' : 'Everyone is following your view'}
          <button type="button" className="rounded-full bg-slate-100 px-3 py-0.5 text-xs font-semibold hover:bg-slate-200" onClick={() => presence.stopLeading()} data-testid="leading-stop">
            Stop
          </button>
        </div>
      </Panel>
    );
  }
  return null;
}
