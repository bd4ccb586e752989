// One pass over a snapshot that every analysis starts from: lookups by id, the timeline order, the trigger
// graph in both directions and readable context labels. Built once per call, so no analysis is O(n²).
import { CATALOGUE } from '../catalogue';
import type { BoardElement, BoundedContext, WorkshopSnapshot } from '../types';

export interface BoardIndex {
  snap: WorkshopSnapshot;
  elementById: ReadonlyMap<string, BoardElement>;
  /** Every element in timeline order. */
  ordered: readonly BoardElement[];
  /** An element's place in `ordered`. */
  rank: ReadonlyMap<string, number>;
  /** Outgoing trigger targets per element id, in timeline order (links to unknown elements left out). */
  triggers: ReadonlyMap<string, readonly BoardElement[]>;
  /** Incoming trigger sources per element id, in timeline order. */
  triggeredBy: ReadonlyMap<string, readonly BoardElement[]>;
  /** The distinct trigger links between known elements, in timeline order of source then target. */
  links: readonly { from: BoardElement; to: BoardElement }[];
  contextById: ReadonlyMap<string, BoundedContext>;
  /** Contexts in the order their story starts on the timeline; empty contexts last, by name. */
  orderedContexts: readonly BoundedContext[];
  /** A context's name, or, when two contexts share a name, the name with the context id so both stay distinct. */
  contextLabel: ReadonlyMap<string, string>;
}

const EMPTY: readonly BoardElement[] = [];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Timeline order: position, then the type's row on the board, then name, then id (stable for equal boards). */
export function compareTimeline(a: BoardElement, b: BoardElement): number {
  return (
    a.position - b.position ||
    CATALOGUE[a.type].row - CATALOGUE[b.type].row ||
    compareText(a.name, b.name) ||
    compareText(a.id, b.id)
  );
}

export function indexBoard(snap: WorkshopSnapshot): BoardIndex {
  const elementById = new Map<string, BoardElement>();
  for (const e of snap.elements) elementById.set(e.id, e);
  const ordered = [...elementById.values()].sort(compareTimeline);
  const rank = new Map<string, number>();
  ordered.forEach((e, i) => rank.set(e.id, i));

  const contextById = new Map<string, BoundedContext>();
  for (const c of snap.contexts) contextById.set(c.id, c);

  const seen = new Set<string>();
  const links: { from: BoardElement; to: BoardElement }[] = [];
  for (const link of snap.links) {
    const from = elementById.get(link.from);
    const to = elementById.get(link.to);
    if (!from || !to) continue;
    const key = `${link.from}>${link.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ from, to });
  }
  const byRank = (a: BoardElement, b: BoardElement) => rank.get(a.id)! - rank.get(b.id)!;
  links.sort((a, b) => byRank(a.from, b.from) || byRank(a.to, b.to));

  const triggers = new Map<string, BoardElement[]>();
  const triggeredBy = new Map<string, BoardElement[]>();
  // Links are sorted by source then target, so each target list is already in timeline order.
  for (const { from, to } of links) {
    let out = triggers.get(from.id);
    if (!out) triggers.set(from.id, (out = []));
    out.push(to);
    let incoming = triggeredBy.get(to.id);
    if (!incoming) triggeredBy.set(to.id, (incoming = []));
    incoming.push(from);
  }
  for (const list of triggeredBy.values()) list.sort(byRank);

  // A context's story starts where its earliest element stands on the timeline.
  const firstRank = new Map<string, number>();
  for (const e of ordered) {
    if (e.contextId && contextById.has(e.contextId) && !firstRank.has(e.contextId)) firstRank.set(e.contextId, rank.get(e.id)!);
  }
  const orderedContexts = [...contextById.values()].sort((a, b) => {
    const ra = firstRank.get(a.id) ?? Infinity;
    const rb = firstRank.get(b.id) ?? Infinity;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return compareText(a.name, b.name) || compareText(a.id, b.id);
  });

  const nameCount = new Map<string, number>();
  for (const c of contextById.values()) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const contextLabel = new Map<string, string>();
  for (const c of orderedContexts) contextLabel.set(c.id, nameCount.get(c.name)! > 1 ? `${c.name} (${c.id})` : c.name);

  return { snap, elementById, ordered, rank, triggers, triggeredBy, links, contextById, orderedContexts, contextLabel };
}

export function triggersOf(index: BoardIndex, id: string): readonly BoardElement[] {
  return index.triggers.get(id) ?? EMPTY;
}

export function triggeredByOf(index: BoardIndex, id: string): readonly BoardElement[] {
  return index.triggeredBy.get(id) ?? EMPTY;
}

/** The element's context id, or null when it has none or names a context that is not on the board. */
export function contextIdOf(index: BoardIndex, element: BoardElement): string | null {
  return element.contextId && index.contextById.has(element.contextId) ? element.contextId : null;
}

export function contextNameOf(index: BoardIndex, element: BoardElement): string | null {
  const id = contextIdOf(index, element);
  return id === null ? null : index.contextLabel.get(id)!;
}
