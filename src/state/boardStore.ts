// The board's zustand store: the latest snapshot of the shared document (fed by Yjs observers) plus the
// local UI state that never enters the document — selection, the sticky being edited, the focused context,
// toasts. The Y.Doc stays the single source of truth; this store is a read model of it.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { sameScale, timelineScale, timelineScaleOf, type BoardElement, type BoundedContext, type TimelineMode, type TimelineScale, type TriggerLink, type WorkshopMeta, type WorkshopSnapshot } from '../domain';
import type { ConnectionState } from '../sync/connection';
import type { Access } from './boardLink';
import { contextRegions, type ContextRegion } from './contextRegions';
import type { BoardHighlight } from './highlight';
import { withRemoteDrags, type DragOverrides } from './remoteDrags';
import {
  buildBoardNodes,
  buildTriggerEdges,
  indexById,
  isStickyNode,
  reconcileElements,
  type BoardNode,
  type TriggerEdge,
} from './canvasNodes';

export type BoardStatus = 'loading' | 'ready' | 'missing' | 'denied';

export interface Toast {
  id: number;
  message: string;
  tone: 'error' | 'info';
}

export interface BoardState {
  status: BoardStatus;
  connection: ConnectionState;
  access: Access;
  meta: WorkshopMeta;
  elements: readonly BoardElement[];
  elementsById: ReadonlyMap<string, BoardElement>;
  links: readonly TriggerLink[];
  contexts: readonly BoundedContext[];
  contextsById: ReadonlyMap<string, BoundedContext>;
  regions: readonly ContextRegion[];
  /** How this person lays the timeline out (their choice, kept in their browser; never in the document). */
  timelineMode: TimelineMode;
  /** Where each position is drawn: the same object while the board's distinct positions and the mode stay. */
  scale: TimelineScale;
  /** React Flow's nodes: context regions, then stickies. */
  nodes: BoardNode[];
  edges: TriggerEdge[];
  /** Selected sticky ids, sorted; changes only when the selection does (not on every drag frame). */
  selectedIds: readonly string[];
  /** Selected arrows, by link key. */
  selectedEdgeIds: readonly string[];
  /** The sticky whose name is being edited inline. */
  editingId: string | null;
  /** When set, everything outside this bounded context is dimmed. */
  focusContextId: string | null;
  canUndo: boolean;
  canRedo: boolean;
  toasts: readonly Toast[];
  /** What an insight panel points at on the board (search matches, a hovered flow); the rest is dimmed. */
  highlight: BoardHighlight | null;
  /** Stickies others are dragging right now, where they have them (presence, never the document). */
  remoteDrags: DragOverrides;
  /** This page's changes the server has not confirmed yet. */
  unsynced: number;
  /** While the connection is `refused`: the server's reason. */
  refusal: string | null;
}

export type BoardStore = StoreApi<BoardState>;

const EMPTY_META: WorkshopMeta = { id: '', name: '', description: '', domain: '', facilitators: [], createdAt: '', updatedAt: '' };

export function createBoardStore(access: Access = 'edit', timelineMode: TimelineMode = 'compact'): BoardStore {
  return createStore<BoardState>(() => ({
    status: 'loading',
    connection: 'connecting',
    access,
    meta: EMPTY_META,
    elements: [],
    elementsById: new Map(),
    links: [],
    contexts: [],
    contextsById: new Map(),
    regions: [],
    timelineMode,
    scale: timelineScale([], timelineMode),
    nodes: [],
    edges: [],
    selectedIds: [],
    selectedEdgeIds: [],
    editingId: null,
    focusContextId: null,
    canUndo: false,
    canRedo: false,
    toasts: [],
    highlight: null,
    remoteDrags: new Map(),
    unsynced: 0,
    refusal: null,
  }));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function selectedStickyIds(nodes: readonly BoardNode[]): string[] {
  const ids: string[] = [];
  for (const node of nodes) if (node.selected && isStickyNode(node)) ids.push(node.id);
  return ids.sort();
}

function selectedEdgeIdsOf(edges: readonly TriggerEdge[]): string[] {
  return edges.filter((e) => e.selected).map((e) => e.id).sort();
}

function sameMeta(a: WorkshopMeta, b: WorkshopMeta): boolean {
  return (
    a.id === b.id && a.name === b.name && a.description === b.description && a.domain === b.domain &&
    a.createdAt === b.createdAt && a.updatedAt === b.updatedAt && sameIds(a.facilitators, b.facilitators)
  );
}

function sameContexts(a: readonly BoundedContext[], b: readonly BoundedContext[]): boolean {
  return a.length === b.length && a.every((c, i) => {
    const d = b[i];
    return c.id === d.id && c.name === d.name && c.color === d.color && c.description === d.description && c.updatedAt === d.updatedAt;
  });
}

/** Rebuild nodes and edges from what the store holds (after a snapshot, a focus change or a selection). */
function rebuild(state: BoardState, selectIds: ReadonlySet<string> | null): Pick<BoardState, 'nodes' | 'edges' | 'selectedIds' | 'selectedEdgeIds'> {
  const nodes = withRemoteDrags(buildBoardNodes({
    elements: state.elements,
    contextsById: state.contextsById,
    regions: state.regions,
    scale: state.scale,
    previous: indexById(state.nodes),
    focusContextId: state.focusContextId,
    selectIds,
    readOnly: state.access === 'view',
  }), state.remoteDrags);
  const edges = buildTriggerEdges({
    links: state.links,
    elementsById: state.elementsById,
    previous: indexById(state.edges),
    focusContextId: state.focusContextId,
  });
  const selectedIds = selectedStickyIds(nodes);
  const selectedEdgeIds = selectedEdgeIdsOf(edges);
  return {
    nodes,
    edges,
    selectedIds: sameIds(selectedIds, state.selectedIds) ? state.selectedIds : selectedIds,
    selectedEdgeIds: sameIds(selectedEdgeIds, state.selectedEdgeIds) ? state.selectedEdgeIds : selectedEdgeIds,
  };
}

/** Take in a new snapshot of the document, keeping every object whose content did not change. */
export function applySnapshot(store: BoardStore, snap: WorkshopSnapshot): void {
  const state = store.getState();
  const { elements, byId } = reconcileElements(state.elementsById, snap.elements);
  const contexts = sameContexts(state.contexts, snap.contexts) ? state.contexts : snap.contexts;
  const contextsById = contexts === state.contexts ? state.contextsById : indexById(contexts);
  const next: BoardState = {
    ...state,
    meta: sameMeta(state.meta, snap.meta) ? state.meta : snap.meta,
    elements,
    elementsById: byId,
    links: snap.links,
    contexts,
    contextsById,
  };
  next.scale = scaleFor(elements, state.timelineMode, state.scale);
  next.regions = contextRegions(elements, contexts, next.scale.xOf);
  if (next.focusContextId && !contextsById.has(next.focusContextId)) next.focusContextId = null;
  if (next.editingId && !byId.has(next.editingId)) next.editingId = null;
  store.setState({ ...next, ...rebuild(next, null) });
}

/** The layout of these elements, keeping `previous` when it lays them out alike. */
function scaleFor(elements: readonly BoardElement[], mode: TimelineMode, previous: TimelineScale): TimelineScale {
  const scale = timelineScaleOf(elements, mode);
  return sameScale(scale, previous) ? previous : scale;
}

/** Lay the timeline out compact or to scale: every sticky, region and arrow moves to match. */
export function setTimelineMode(store: BoardStore, mode: TimelineMode): void {
  const state = store.getState();
  if (state.timelineMode === mode) return;
  const scale = scaleFor(state.elements, mode, state.scale);
  const next = { ...state, timelineMode: mode, scale, regions: contextRegions(state.elements, state.contexts, scale.xOf) };
  store.setState({ timelineMode: mode, scale, regions: next.regions, ...rebuild(next, null) });
}

/** React Flow's own changes (selection, drag positions) on the store's nodes. Removal goes through the document. */
export function applyCanvasNodeChanges(store: BoardStore, changes: NodeChange<BoardNode>[]): void {
  const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
  if (kept.length === 0) return;
  const state = store.getState();
  const nodes = applyNodeChanges(kept, state.nodes);
  const patch: Partial<BoardState> = { nodes };
  if (kept.some((c) => c.type === 'select')) {
    const selectedIds = selectedStickyIds(nodes);
    if (!sameIds(selectedIds, state.selectedIds)) patch.selectedIds = selectedIds;
  }
  store.setState(patch);
}

export function applyCanvasEdgeChanges(store: BoardStore, changes: EdgeChange<TriggerEdge>[]): void {
  const kept = changes.filter((c) => c.type === 'select');
  if (kept.length === 0) return;
  const state = store.getState();
  const edges = applyEdgeChanges(kept, state.edges);
  const selectedEdgeIds = selectedEdgeIdsOf(edges);
  store.setState({ edges, selectedEdgeIds: sameIds(selectedEdgeIds, state.selectedEdgeIds) ? state.selectedEdgeIds : selectedEdgeIds });
}

/** Select exactly these stickies (and no arrow). */
export function selectStickies(store: BoardStore, ids: Iterable<string>): void {
  const state = store.getState();
  const edges = state.edges.some((e) => e.selected) ? state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) : state.edges;
  store.setState({ ...rebuild({ ...state, edges }, new Set(ids)) });
}

export function setFocusContext(store: BoardStore, contextId: string | null): void {
  const state = store.getState();
  if (state.focusContextId === contextId) return;
  const next = { ...state, focusContextId: contextId };
  store.setState({ focusContextId: contextId, ...rebuild(next, null) });
}

export function setEditing(store: BoardStore, elementId: string | null): void {
  if (store.getState().editingId !== elementId) store.setState({ editingId: elementId });
}

let toastCounter = 0;

export function showToast(store: BoardStore, message: string, tone: Toast['tone'] = 'error'): number {
  const id = ++toastCounter;
  store.setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, message, tone }] }));
  return id;
}

export function dismissToast(store: BoardStore, id: number): void {
  store.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}
