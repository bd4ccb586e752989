// Live drags of other people: while someone drags stickies, their awareness says which and where; this
// page shows those stickies there (an override of the node position, never a document write). When the drag
// ends, the sticky stays where it was let go until the document's drop arrives (awareness can overtake the
// document update, which the server stores before it forwards), so it never jumps back and forth.
import { xOfPosition, type BoardElement } from '../domain';
import type { FlowPoint, PresenceDrag } from '../sync/awareness';
import type { BoardStore } from './boardStore';
import type { BoardNode } from './canvasNodes';

/** How long a let-go sticky waits for the document's drop before it goes back to what the document says. */
export const SETTLE_MS = 1500;

export type DragOverrides = ReadonlyMap<string, FlowPoint>;

interface Tracked {
  /** Where the document had each sticky when this drag was first seen. */
  basis: Map<string, FlowPoint>;
  /** Where the drag has it now. */
  at: Map<string, FlowPoint>;
}

interface Settling {
  at: FlowPoint;
  basis: FlowPoint;
  until: number;
}

type XOf = (position: number) => number;

function docPoint(element: BoardElement, xOf: XOf): FlowPoint {
  return { x: xOf(element.position), y: element.y };
}

function moved(element: BoardElement, basis: FlowPoint, xOf: XOf): boolean {
  const p = docPoint(element, xOf);
  return p.x !== basis.x || p.y !== basis.y;
}

function sameIds(drag: PresenceDrag, tracked: Tracked): boolean {
  return drag.ids.length === tracked.basis.size && drag.ids.every((id) => tracked.basis.has(id));
}

/** Turns the drags in everyone's awareness into node position overrides. */
export class RemoteDrags {
  private readonly active = new Map<number, Tracked>();
  private readonly settling = new Map<string, Settling>();

  /**
   * `drags`: each remote client's drag now (absent or null: not dragging). `ignore`: stickies this page is
   * dragging itself (its own drag wins on its own screen). `xOf`: where this page's timeline layout draws a
   * position. Answers the overrides to show.
   */
  update(
    drags: ReadonlyMap<number, PresenceDrag | null>,
    elements: ReadonlyMap<string, BoardElement>,
    now: number,
    ignore: ReadonlySet<string> = new Set(),
    xOf: XOf = xOfPosition,
  ): Map<string, FlowPoint> {
    // Drags that ended (or changed what they hold): their stickies wait where they were let go for the drop,
    // unless the document already has it.
    for (const [client, tracked] of this.active) {
      const drag = drags.get(client);
      if (drag && sameIds(drag, tracked)) continue;
      this.active.delete(client);
      for (const [id, basis] of tracked.basis) {
        const element = elements.get(id);
        const at = tracked.at.get(id);
        if (!element || !at || moved(element, basis, xOf)) continue;
        this.settling.set(id, { at, basis, until: now + SETTLE_MS });
      }
    }
    const out = new Map<string, FlowPoint>();
    for (const [client, drag] of drags) {
      if (!drag) continue;
      let tracked = this.active.get(client);
      if (!tracked) {
        tracked = { basis: new Map(), at: new Map() };
        for (const id of drag.ids) {
          const element = elements.get(id);
          if (element) tracked.basis.set(id, this.settling.get(id)?.basis ?? docPoint(element, xOf));
        }
        this.active.set(client, tracked);
      }
      drag.ids.forEach((id, i) => {
        if (!tracked.basis.has(id)) return;
        const p = { x: drag.points[2 * i], y: drag.points[2 * i + 1] };
        tracked.at.set(id, p);
        this.settling.delete(id);
        if (elements.has(id) && !ignore.has(id)) out.set(id, p);
      });
    }
    for (const [id, s] of this.settling) {
      const element = elements.get(id);
      if (!element || now >= s.until || moved(element, s.basis, xOf)) {
        this.settling.delete(id);
        continue;
      }
      if (!out.has(id) && !ignore.has(id)) out.set(id, s.at);
    }
    return out;
  }

  /** When the next settling sticky gives up waiting (for a timer), or null. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const s of this.settling.values()) if (next === null || s.until < next) next = s.until;
    return next;
  }
}

export function sameOverrides(a: DragOverrides, b: DragOverrides): boolean {
  if (a.size !== b.size) return false;
  for (const [id, p] of a) {
    const q = b.get(id);
    if (!q || q.x !== p.x || q.y !== p.y) return false;
  }
  return true;
}

/** Nodes with the overrides applied (a sticky this page is dragging keeps its own position). */
export function withRemoteDrags<N extends BoardNode>(nodes: N[], overrides: DragOverrides): N[] {
  if (overrides.size === 0) return nodes;
  return nodes.map((node) => {
    const p = node.type === 'sticky' && !node.dragging ? overrides.get(node.id) : undefined;
    if (!p || (node.position.x === p.x && node.position.y === p.y)) return node;
    return { ...node, position: p };
  });
}

/** Show these overrides on the board now, moving back whatever is no longer overridden. */
export function setRemoteDrags(store: BoardStore, overrides: DragOverrides): void {
  const state = store.getState();
  const previous = state.remoteDrags;
  if (sameOverrides(previous, overrides)) return;
  const touched = new Set([...previous.keys(), ...overrides.keys()]);
  const nodes = state.nodes.map((node) => {
    if (!touched.has(node.id) || node.type !== 'sticky' || node.dragging) return node;
    const p = overrides.get(node.id) ?? docPoint(node.data.element, state.scale.xOf);
    return node.position.x === p.x && node.position.y === p.y ? node : { ...node, position: p };
  });
  store.setState({ remoteDrags: overrides, nodes });
}
