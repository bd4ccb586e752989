// The React Flow canvas: stickies on the timeline, trigger arrows, context regions, the ruler and row labels.
// Everything it shows comes from the board store; every change it makes goes through the session's operations.
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  type ReactFlowState,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeTypes,
  type EdgeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { CATALOGUE, COLUMN_WIDTH, ELEMENT_TYPES, ROW_HEIGHT, linkKeyEnds, type ElementType } from '../../domain';
import { boardBounds } from '../../state/boardBounds';
import {
  applyCanvasEdgeChanges,
  applyCanvasNodeChanges,
  selectStickies,
  setEditing,
  showToast,
} from '../../state/boardStore';
import type { BoardNode, TriggerEdge } from '../../state/canvasNodes';
import { REGION_LABEL_SPACE, REGION_PADDING } from '../../state/contextRegions';
import { browserStorage } from '../../state/recentWorkshops';
import { spotAt, spotInView } from '../../state/stickyPlacement';
import { loadView, saveView } from '../../state/viewPreferences';
import { useBoard, useSession } from '../board/sessionContext';
import { exposeFlow } from '../board/probe';
import { BoardMinimap } from './BoardMinimap';
import { CANVAS_CLASS, canvasElement } from './canvasElement';
import { Chapters } from './Chapters';
import { ContextRegionComponent } from './ContextRegionNode';
import { DetailLevel, detailOf } from './DetailLevel';
import { PresenceLayer } from '../presence/PresenceLayer';
import { EmptyBoard } from './EmptyBoard';
import { Legend } from './Legend';
import { FIT_OPTIONS, initialViewport } from './initialViewport';
import { readableZoomOf } from './nameFit';
import { OverviewArrows } from './OverviewArrows';
import { RowLabels } from './RowLabels';
import { StickyNodeComponent } from './StickyNode';
import { RULER_HEIGHT, TimelineRuler } from './TimelineRuler';
import { TriggerEdgeComponent } from './TriggerEdge';

export const PALETTE_MIME = 'application/x-eventstorm-type';

const nodeTypes: NodeTypes = { sticky: StickyNodeComponent, contextRegion: ContextRegionComponent };
const edgeTypes: EdgeTypes = { trigger: TriggerEdgeComponent };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, color: '#1f2937', width: 18, height: 18 } };
const snapGrid: [number, number] = [COLUMN_WIDTH / 10, 1];
const panOnDrag = [1, 2];
const NO_EDGES: TriggerEdge[] = [];
const selectTiny = (s: ReactFlowState) => detailOf(s.transform[2]) === 'tiny';
const rowGap: [number, number] = [COLUMN_WIDTH, ROW_HEIGHT];
const controlsStyle = { marginTop: 36 };
const multiSelectKeys = ['Shift', 'Meta', 'Control'];
/** Where a person points is where a sticky goes; the timeline's own rounding happens in the placement. */
const NO_SNAP = { snapToGrid: false };
const keyToType = new Map(ELEMENT_TYPES.map((t) => [CATALOGUE[t].key, t]));

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** The part of the board on screen now, in flow coordinates (below the ruler). */
export function useVisibleArea() {
  const flow = useReactFlow();
  return useCallback(() => {
    const rect = canvasElement()?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0, width: 0, height: 0 };
    const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top + RULER_HEIGHT }, NO_SNAP);
    const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom }, NO_SNAP);
    return { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
  }, [flow]);
}

/** Adds a sticky centred at a canvas point (flow coordinates), kept in view: a drop and a key come here. */
export function useAddStickyAt() {
  const session = useSession();
  const visibleArea = useVisibleArea();
  return useCallback(
    (type: ElementType, center: { x: number; y: number }) => {
      const { elements, scale } = session.store.getState();
      return session.ops.addSticky(type, spotAt(type, center, elements, visibleArea(), scale));
    },
    [session, visibleArea],
  );
}

/** The palette's click: a sticky at the centre of the view, on its row when the row is in view. */
export function useAddStickyInView() {
  const session = useSession();
  const visibleArea = useVisibleArea();
  return useCallback(
    (type: ElementType) => {
      const { elements, scale } = session.store.getState();
      return session.ops.addSticky(type, spotInView(type, visibleArea(), elements, scale));
    },
    [session, visibleArea],
  );
}

export function BoardCanvas() {
  const session = useSession();
  const { store, ops } = session;
  const nodes = useBoard((s) => s.nodes);
  // Zoomed out past legibility, the arrows are one overview path instead of a thousand React Flow edges.
  const tiny = useStore(selectTiny);
  const storeEdges = useBoard((s) => s.edges);
  const edges = tiny ? NO_EDGES : storeEdges;
  const status = useBoard((s) => s.status);
  const empty = useBoard((s) => s.status === 'ready' && s.elements.length === 0);
  const readOnly = useBoard((s) => s.access === 'view');
  const flow = useReactFlow<BoardNode, TriggerEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const addStickyAt = useAddStickyAt();
  const visibleArea = useVisibleArea();

  useEffect(() => {
    exposeFlow(session, flow);
  }, [flow, session]);

  // Open where this person last looked at the board; the first time, where it can be read: all of it if it fits
  // at a readable zoom, else the start of the timeline.
  const placed = useRef(false);
  useEffect(() => {
    if (status !== 'ready' || placed.current || !wrapper.current) return;
    placed.current = true;
    const { elements, scale } = store.getState();
    const saved = loadView(browserStorage(), session.link.workshopId);
    if (saved && saved.mode === scale.mode && elements.length > 0) {
      void flow.setViewport({ x: saved.x, y: saved.y, zoom: saved.zoom });
    } else {
      const covered = boardBounds(elements, scale.xOf);
      // Room above the first row for the context regions' names.
      const lift = REGION_PADDING + REGION_LABEL_SPACE;
      const bounds = covered && { ...covered, y: covered.y - lift, height: covered.height + lift };
      const screen = { width: wrapper.current.clientWidth, height: wrapper.current.clientHeight };
      void flow.setViewport(initialViewport(bounds, screen, readableZoomOf(elements)));
    }
    // Marks the moment the board is on screen and can be used (the benchmark's "open to interactive").
    requestAnimationFrame(() => {
      performance.mark('eventstorm:interactive');
      document.body.dataset.boardReady = 'true';
    });
  }, [status, flow, store, session]);

  // Remember where this person looks, once a pan or zoom comes to rest (not on every frame).
  const onMoveEnd = useCallback(
    (_: unknown, viewport: { x: number; y: number; zoom: number }) => {
      if (!placed.current) return;
      saveView(browserStorage(), session.link.workshopId, { ...viewport, mode: store.getState().timelineMode });
    },
    [session, store],
  );

  // The same elements every render, so a drag frame (which re-renders this component) never re-renders them.
  const overlays = useMemo(
    () => (
      <>
        <Background id="rows" variant={BackgroundVariant.Lines} gap={rowGap} color="#e8ebf0" />
        <Chapters />
        <TimelineRuler />
        <RowLabels />
        <Controls showInteractive={false} position="top-right" style={controlsStyle} />
        <BoardMinimap />
        <DetailLevel target={wrapper} />
        <PresenceLayer />
      </>
    ),
    [],
  );

  const onNodesChange = useCallback((changes: NodeChange<BoardNode>[]) => applyCanvasNodeChanges(store, changes), [store]);
  const onEdgesChange = useCallback((changes: EdgeChange<TriggerEdge>[]) => applyCanvasEdgeChanges(store, changes), [store]);

  // A drag is written to the document once, on drop, for every sticky that moved.
  const onDragStop = useCallback(
    (_: unknown, _node: unknown, dragged?: Node[]) => {
      const moved = (dragged ?? []).filter((n) => n.type === 'sticky');
      // The columns as the person saw them while dragging: on a column, its position; between two, one between.
      const { scale } = store.getState();
      ops.move(moved.map((n) => ({ id: n.id, position: scale.positionAt(n.position.x), y: Math.round(n.position.y) })));
    },
    [ops, store],
  );
  const onSelectionDragStop = useCallback((_: unknown, dragged: Node[]) => onDragStop(null, null, dragged), [onDragStop]);

  const onConnect = useCallback((c: Connection) => {
    if (c.source && c.target && c.source !== c.target) ops.link(c.source, c.target);
  }, [ops]);
  const onConnectStart = useCallback(() => wrapper.current?.classList.add('es-connecting'), []);
  const onConnectEnd = useCallback(() => wrapper.current?.classList.remove('es-connecting'), []);

  const onNodeDoubleClick = useCallback(
    (_: unknown, node: Node) => {
      if (node.type === 'sticky' && !readOnly) setEditing(store, node.id);
    },
    [store, readOnly],
  );

  const pointOfKey = () => {
    const rect = wrapper.current?.getBoundingClientRect();
    const p = pointer.current;
    if (rect && p && p.x >= rect.left && p.x <= rect.right && p.y >= rect.top && p.y <= rect.bottom) return flow.screenToFlowPosition(p, NO_SNAP);
    const view = visibleArea();
    return { x: view.x + view.width / 2, y: view.y + view.height / 2 };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isTextEntry(e.target) || e.nativeEvent.isComposing) return;
    const state = store.getState();
    const mod = e.metaKey || e.ctrlKey;
    const key = e.key;
    if (mod && (key === 'd' || key === 'D')) {
      e.preventDefault();
      if (!readOnly) ops.duplicate(state.selectedIds);
      return;
    }
    if (mod && (key === 'a' || key === 'A')) {
      e.preventDefault();
      selectStickies(store, state.elements.map((el) => el.id));
      return;
    }
    if (mod || e.altKey) return;
    if (key === 'Escape') {
      selectStickies(store, []);
      return;
    }
    if (key === '!' || (e.shiftKey && key === '1')) {
      void flow.fitView(FIT_OPTIONS);
      return;
    }
    if (readOnly) return;
    if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      if (state.selectedIds.length > 0) ops.deleteElements(state.selectedIds);
      if (state.selectedEdgeIds.length > 0) {
        ops.unlink(state.selectedEdgeIds.map(linkKeyEnds).filter((ends) => ends !== null));
      }
      return;
    }
    if (key === 'Enter' && state.selectedIds.length === 1) {
      e.preventDefault();
      setEditing(store, state.selectedIds[0]);
      return;
    }
    if (key.startsWith('Arrow') && state.selectedIds.length > 0) {
      e.preventDefault();
      const dx = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
      const dy = key === 'ArrowUp' ? -10 : key === 'ArrowDown' ? 10 : 0;
      ops.move(state.selectedIds.flatMap((id) => {
        const el = state.elementsById.get(id);
        return el ? [{ id, position: dx === 0 ? el.position : state.scale.step(el.position, dx), y: el.y + dy }] : [];
      }));
      return;
    }
    if (e.shiftKey && (key === 'P' || key === 'p')) {
      // Shift+P: the selected events become pivotal, or stop being so when they all are.
      e.preventDefault();
      const events = state.selectedIds.map((id) => state.elementsById.get(id)).filter((el) => el?.type === 'event');
      if (events.length === 0) {
        showToast(store, 'Select a domain event to mark it pivotal (Shift+P).', 'info');
        return;
      }
      const pivotal = !events.every((el) => el!.pivotal);
      ops.setPivotal(events.map((el) => el!.id), pivotal);
      return;
    }
    if (e.shiftKey) return;
    const type = keyToType.get(key.toLowerCase());
    if (type) {
      e.preventDefault();
      addStickyAt(type, pointOfKey());
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (readOnly || !e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const type = e.dataTransfer.getData(PALETTE_MIME) as ElementType;
    if (readOnly || !ELEMENT_TYPES.includes(type)) return;
    e.preventDefault();
    addStickyAt(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }, NO_SNAP));
    wrapper.current?.focus({ preventScroll: true });
  };

  return (
    <div
      ref={wrapper}
      className={`${CANVAS_CLASS} relative min-w-0 flex-1 outline-none`}
      tabIndex={0}
      data-testid="canvas"
      data-detail="full"
      aria-label="Event Storming board"
      onKeyDown={onKeyDown}
      onPointerDownCapture={(e) => {
        if (isTextEntry(e.target)) return;
        const focusable = (e.target as Element).closest?.('[tabindex],a,button,input,textarea,select');
        if (!focusable || focusable === wrapper.current) wrapper.current?.focus({ preventScroll: true });
      }}
      onPointerMove={(e) => {
        pointer.current = { x: e.clientX, y: e.clientY };
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<BoardNode, TriggerEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onDragStop}
        onSelectionDragStop={onSelectionDragStop}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        onNodeDoubleClick={onNodeDoubleClick}
        onMoveEnd={onMoveEnd}
        onlyRenderVisibleElements
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode={null}
        selectionOnDrag
        selectionMode={SelectionMode.Partial}
        multiSelectionKeyCode={multiSelectKeys}
        panOnDrag={panOnDrag}
        panOnScroll
        zoomOnDoubleClick={false}
        disableKeyboardA11y
        snapToGrid
        snapGrid={snapGrid}
        connectionRadius={36}
        minZoom={0.04}
        maxZoom={2}
        attributionPosition="bottom-center"
      >
        {overlays}
        {tiny && <OverviewArrows />}
      </ReactFlow>
      {empty && <EmptyBoard readOnly={readOnly} />}
      <Legend />
    </div>
  );
}
