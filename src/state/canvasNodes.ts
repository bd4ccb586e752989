// The canvas's React Flow nodes and edges, built from the snapshot incrementally: a node object is reused
// whenever nothing it shows changed, so React Flow (which compares node objects by identity) re-renders only
// the stickies that did change. Selection, drag and dimming are local UI state layered on top.
import type { Edge, Node, NodeHandle } from '@xyflow/react';
import { CATALOGUE, linkKey, xOfPosition, type BoardElement, type BoundedContext, type TimelineScale, type TriggerLink } from '../domain';
import type { ContextRegion } from './contextRegions';

export interface StickyData extends Record<string, unknown> {
  element: BoardElement;
  /** The colour of the sticky's bounded context, shown as a band; null when unassigned. */
  band: string | null;
  contextName: string | null;
}
export type StickyNode = Node<StickyData, 'sticky'>;

export interface RegionData extends Record<string, unknown> {
  region: ContextRegion;
}
export type RegionNode = Node<RegionData, 'contextRegion'>;

export type BoardNode = StickyNode | RegionNode;

export interface TriggerData extends Record<string, unknown> {
  /** The catalogue sizes of both ends, so the arrow's shape needs nothing but its own props (no subscriptions). */
  sourceWidth: number;
  sourceHeight: number;
  targetWidth: number;
  targetHeight: number;
}
export type TriggerEdge = Edge<TriggerData, 'trigger'>;

export const DIMMED_CLASS = 'es-dimmed';
export const REGION_PREFIX = 'region:';

export function isStickyNode(node: BoardNode): node is StickyNode {
  return node.type === 'sticky';
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function sameElement(a: BoardElement, b: BoardElement): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.name === b.name &&
    a.description === b.description &&
    a.notes === b.notes &&
    a.position === b.position &&
    a.y === b.y &&
    a.contextId === b.contextId &&
    a.pivotal === b.pivotal &&
    a.createdBy === b.createdBy &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    sameStrings(a.triggers, b.triggers) &&
    sameStrings(a.triggeredBy, b.triggeredBy)
  );
}

/** The new snapshot's elements, with the previous object kept for every element that did not change. */
export function reconcileElements(
  previous: ReadonlyMap<string, BoardElement>,
  next: readonly BoardElement[],
): { elements: BoardElement[]; byId: Map<string, BoardElement> } {
  const byId = new Map<string, BoardElement>();
  const elements = next.map((e) => {
    const old = previous.get(e.id);
    const kept = old && sameElement(old, e) ? old : e;
    byId.set(kept.id, kept);
    return kept;
  });
  return { elements, byId };
}

/** Handles declared up front, so arrows to stickies that were never rendered (off screen) still have ends. */
/** Half the source dot's size: React Flow centres it on the sticky's right edge. */
export const OUT_HANDLE_HALF = 6;

export function stickyHandles(width: number, height: number): NodeHandle[] {
  return [
    {
      id: 'out', type: 'source', position: 'right' as NodeHandle['position'],
      x: width - OUT_HANDLE_HALF, y: height / 2 - OUT_HANDLE_HALF, width: 2 * OUT_HANDLE_HALF, height: 2 * OUT_HANDLE_HALF,
    },
    { id: 'in', type: 'target', position: 'left' as NodeHandle['position'], x: 0, y: 0, width, height },
  ];
}

const handlesByType = new Map(Object.values(CATALOGUE).map((k) => [k.type, stickyHandles(k.width, k.height)]));

export interface NodeBuildInput {
  elements: readonly BoardElement[];
  contextsById: ReadonlyMap<string, BoundedContext>;
  regions: readonly ContextRegion[];
  /** Where each position is drawn (compact or to scale); one unit per column when absent. */
  scale?: TimelineScale;
  /** Last built nodes by id. */
  previous: ReadonlyMap<string, BoardNode>;
  /** When set, everything outside this context is dimmed. */
  focusContextId: string | null;
  /** Ids to select (replacing the selection), e.g. a sticky just added; null keeps the current selection. */
  selectIds?: ReadonlySet<string> | null;
  readOnly?: boolean;
}

export function stickyNodeOf(
  element: BoardElement,
  context: BoundedContext | undefined,
  dimmed: boolean,
  selected: boolean,
  prev: StickyNode | undefined,
  readOnly = false,
  x = xOfPosition(element.position),
): StickyNode {
  const band = context?.color ?? null;
  const contextName = context?.name ?? null;
  const className = dimmed ? DIMMED_CLASS : undefined;
  if (
    prev &&
    prev.data.element === element &&
    (prev.dragging || prev.position.x === x) &&
    prev.data.band === band &&
    prev.data.contextName === contextName &&
    prev.className === className &&
    (prev.selected ?? false) === selected &&
    (prev.draggable ?? true) === !readOnly
  ) {
    return prev;
  }
  const kind = CATALOGUE[element.type];
  return {
    id: element.id,
    type: 'sticky',
    // A sticky being dragged here keeps the place under the pointer until it is dropped.
    position: prev?.dragging ? prev.position : { x, y: element.y },
    dragging: prev?.dragging,
    width: kind.width,
    height: kind.height,
    measured: { width: kind.width, height: kind.height },
    handles: handlesByType.get(element.type),
    data: { element, band, contextName },
    selected,
    className,
    draggable: !readOnly,
    connectable: !readOnly,
    ariaLabel: `${kind.label}: ${element.name}`,
  };
}

export function regionNodeOf(region: ContextRegion, dimmed: boolean, prev: RegionNode | undefined): RegionNode {
  const className = dimmed ? DIMMED_CLASS : undefined;
  if (prev && prev.className === className) {
    const r = prev.data.region;
    if (
      r.x === region.x && r.y === region.y && r.width === region.width && r.height === region.height &&
      r.name === region.name && r.color === region.color && sameStrings(r.elementIds, region.elementIds)
    ) {
      return prev;
    }
  }
  return {
    id: region.id,
    type: 'contextRegion',
    position: { x: region.x, y: region.y },
    width: region.width,
    height: region.height,
    measured: { width: region.width, height: region.height },
    data: { region },
    zIndex: -1,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    deletable: false,
    className,
  };
}

/** Regions first (they sit behind), then the stickies in snapshot order. */
export function buildBoardNodes(input: NodeBuildInput): BoardNode[] {
  const { previous, focusContextId, selectIds } = input;
  const xOf = input.scale?.xOf ?? xOfPosition;
  const nodes: BoardNode[] = [];
  for (const region of input.regions) {
    const prev = previous.get(region.id);
    nodes.push(regionNodeOf(region, focusContextId !== null && region.contextId !== focusContextId, prev?.type === 'contextRegion' ? prev : undefined));
  }
  for (const element of input.elements) {
    const prevNode = previous.get(element.id);
    const prev = prevNode?.type === 'sticky' ? prevNode : undefined;
    const context = element.contextId ? input.contextsById.get(element.contextId) : undefined;
    const selected = selectIds ? selectIds.has(element.id) : (prev?.selected ?? false);
    const dimmed = focusContextId !== null && element.contextId !== focusContextId;
    nodes.push(stickyNodeOf(element, context, dimmed, selected, prev, input.readOnly, xOf(element.position)));
  }
  return nodes;
}

export interface EdgeBuildInput {
  links: readonly TriggerLink[];
  elementsById: ReadonlyMap<string, BoardElement>;
  previous: ReadonlyMap<string, TriggerEdge>;
  focusContextId: string | null;
}

export function buildTriggerEdges(input: EdgeBuildInput): TriggerEdge[] {
  const { previous, focusContextId, elementsById } = input;
  return input.links.map((link) => {
    const id = linkKey(link.from, link.to);
    const dimmed =
      focusContextId !== null &&
      (elementsById.get(link.from)?.contextId !== focusContextId || elementsById.get(link.to)?.contextId !== focusContextId);
    const className = dimmed ? DIMMED_CLASS : undefined;
    const source = CATALOGUE[elementsById.get(link.from)?.type ?? 'event'];
    const target = CATALOGUE[elementsById.get(link.to)?.type ?? 'event'];
    const prev = previous.get(id);
    if (
      prev && prev.className === className && prev.data &&
      prev.data.sourceWidth === source.width && prev.data.sourceHeight === source.height &&
      prev.data.targetWidth === target.width && prev.data.targetHeight === target.height
    ) {
      return prev;
    }
    return {
      id,
      type: 'trigger',
      source: link.from,
      target: link.to,
      sourceHandle: 'out',
      targetHandle: 'in',
      data: { sourceWidth: source.width, sourceHeight: source.height, targetWidth: target.width, targetHeight: target.height },
      selected: prev?.selected ?? false,
      className,
      // Arrows are drawn over the stickies, so an arrow crossing a sticky is never hidden behind it.
      zIndex: 1,
      ariaLabel: `trigger ${link.from} to ${link.to}`,
    };
  });
}

export function indexById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  return map;
}
