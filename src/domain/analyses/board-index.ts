// One pass over a snapshot that every analysis starts from: elements in timeline order, each known by its rank
// (its place in that order); the trigger graph in both directions as compact rank lists; each element's context.
// Built once per call with typed arrays and no per-element allocation, so the analyses stay well under a frame
// on a 10,000-element board and none is O(n²).
import { CATALOGUE } from '../catalogue';
import type { BoardElement, BoundedContext, WorkshopSnapshot } from '../types';

export interface BoardIndex {
  snap: WorkshopSnapshot;
  /** Every element in timeline order; an element's index here is its rank. */
  ordered: readonly BoardElement[];
  /** Element id → rank. */
  rank: ReadonlyMap<string, number>;
  /** Outgoing links of rank r are `outTargets[outStart[r] .. outStart[r + 1])`, target ranks ascending. */
  outStart: Int32Array;
  outTargets: Int32Array;
  /** Incoming links of rank r are `inSources[inStart[r] .. inStart[r + 1])`, source ranks ascending. */
  inStart: Int32Array;
  inSources: Int32Array;
  /** Distinct links between known elements. Walking ranks and their outTargets lists them by source, then target. */
  linkCount: number;
  /** Contexts in the order their story starts on the timeline; contexts without elements last, by name. */
  contexts: readonly BoundedContext[];
  /** Context id → index in `contexts`. */
  contextIndex: ReadonlyMap<string, number>;
  /** Per context index: its name, or its name and id when another context shares the name. */
  contextLabels: readonly string[];
  /** Per rank: the index of the element's context in `contexts`, or -1 (no context, or one not on the board). */
  contextOf: Int32Array;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the timeline order reads of an element (or of an import plan's element). */
export type TimelineKey = Pick<BoardElement, 'position' | 'type' | 'name' | 'id'>;

interface SortKey<T> {
  item: T;
  position: number;
  row: number;
  name: string;
  id: string;
}

/** Timeline order: position, then the type's row on the board, then name, then id (stable for equal boards). */
function timelineOrder<T>(a: SortKey<T>, b: SortKey<T>): number {
  return a.position - b.position || a.row - b.row || compareText(a.name, b.name) || compareText(a.id, b.id);
}

/**
 * `items` in timeline order, as a new array: the order of every analysis, of the exchange file and of an import's
 * stacking. Sorted on keys computed once per item: looking the row up in the catalogue at each comparison makes
 * sorting 10,000 elements twice as slow.
 */
export function inTimelineOrder<T extends TimelineKey>(items: readonly T[]): T[] {
  const keyed = items.map((item) => ({ item, position: item.position, row: CATALOGUE[item.type].row, name: item.name, id: item.id }));
  keyed.sort(timelineOrder);
  return keyed.map((k) => k.item);
}

function sortSegment(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= from && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}

export function indexBoard(snap: WorkshopSnapshot): BoardIndex {
  // Elements, in timeline order.
  let ordered = inTimelineOrder(snap.elements);
  let rank = new Map<string, number>();
  for (let i = 0; i < ordered.length; i++) rank.set(ordered[i].id, i);
  if (rank.size !== ordered.length) {
    // A hand-built snapshot that repeats an id: its last record stands, at its own place in the order.
    const last = new Map(snap.elements.map((e) => [e.id, e]));
    const kept = new Set<string>();
    ordered = ordered.filter((e) => {
      if (last.get(e.id) !== e || kept.has(e.id)) return false;
      kept.add(e.id);
      return true;
    });
    rank = new Map<string, number>();
    for (let i = 0; i < ordered.length; i++) rank.set(ordered[i].id, i);
  }
  const n = ordered.length;

  // Links as rank pairs, bucketed by source (counting sort), each bucket sorted and rid of repeats.
  const linkFrom = new Int32Array(snap.links.length);
  const linkTo = new Int32Array(snap.links.length);
  let raw = 0;
  for (const link of snap.links) {
    const from = rank.get(link.from);
    const to = rank.get(link.to);
    if (from === undefined || to === undefined) continue;
    linkFrom[raw] = from;
    linkTo[raw] = to;
    raw++;
  }
  const outStart = new Int32Array(n + 1);
  for (let i = 0; i < raw; i++) outStart[linkFrom[i] + 1]++;
  for (let r = 0; r < n; r++) outStart[r + 1] += outStart[r];
  const bucketed = new Int32Array(raw);
  const cursor = outStart.slice(0, n);
  for (let i = 0; i < raw; i++) bucketed[cursor[linkFrom[i]]++] = linkTo[i];
  const outTargets = new Int32Array(raw);
  let linkCount = 0;
  for (let r = 0; r < n; r++) {
    const from = outStart[r];
    const to = outStart[r + 1];
    sortSegment(bucketed, from, to);
    outStart[r] = linkCount;
    for (let i = from; i < to; i++) {
      if (i > from && bucketed[i] === bucketed[i - 1]) continue; // the same link twice counts once
      outTargets[linkCount++] = bucketed[i];
    }
  }
  outStart[n] = linkCount;

  // Incoming lists: walking sources in rank order fills each target's list already sorted.
  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < linkCount; i++) inStart[outTargets[i] + 1]++;
  for (let r = 0; r < n; r++) inStart[r + 1] += inStart[r];
  const inSources = new Int32Array(linkCount);
  const inCursor = inStart.slice(0, n);
  for (let r = 0; r < n; r++) {
    for (let i = outStart[r]; i < outStart[r + 1]; i++) inSources[inCursor[outTargets[i]]++] = r;
  }

  // Contexts, ordered by where their story starts: the first rank holding one of their elements.
  const given = new Map<string, number>();
  const byGiven: BoundedContext[] = [];
  for (const c of snap.contexts) {
    if (given.has(c.id)) byGiven[given.get(c.id)!] = c;
    else given.set(c.id, byGiven.push(c) - 1);
  }
  const contextOf = new Int32Array(n);
  const firstRank = new Array<number>(byGiven.length).fill(Infinity);
  for (let r = 0; r < n; r++) {
    const id = ordered[r].contextId;
    const at = id ? given.get(id) : undefined;
    contextOf[r] = at ?? -1;
    if (at !== undefined && firstRank[at] === Infinity) firstRank[at] = r;
  }
  const order = byGiven.map((_, i) => i);
  order.sort((a, b) => firstRank[a] - firstRank[b] || compareText(byGiven[a].name, byGiven[b].name) || compareText(byGiven[a].id, byGiven[b].id));
  const position = new Int32Array(byGiven.length);
  order.forEach((g, i) => (position[g] = i));
  for (let r = 0; r < n; r++) if (contextOf[r] >= 0) contextOf[r] = position[contextOf[r]];
  const contexts = order.map((g) => byGiven[g]);
  const contextIndex = new Map<string, number>();
  contexts.forEach((c, i) => contextIndex.set(c.id, i));
  const nameCount = new Map<string, number>();
  for (const c of contexts) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const contextLabels = contexts.map((c) => (nameCount.get(c.name)! > 1 ? `${c.name} (${c.id})` : c.name));

  return { snap, ordered, rank, outStart, outTargets, inStart, inSources, linkCount, contexts, contextIndex, contextLabels, contextOf };
}

export function outDegree(index: BoardIndex, r: number): number {
  return index.outStart[r + 1] - index.outStart[r];
}

export function inDegree(index: BoardIndex, r: number): number {
  return index.inStart[r + 1] - index.inStart[r];
}

/** The elements rank r triggers, in timeline order. */
export function triggersAt(index: BoardIndex, r: number): BoardElement[] {
  const list: BoardElement[] = [];
  for (let i = index.outStart[r]; i < index.outStart[r + 1]; i++) list.push(index.ordered[index.outTargets[i]]);
  return list;
}

/** The elements that trigger rank r, in timeline order. */
export function triggeredByAt(index: BoardIndex, r: number): BoardElement[] {
  const list: BoardElement[] = [];
  for (let i = index.inStart[r]; i < index.inStart[r + 1]; i++) list.push(index.ordered[index.inSources[i]]);
  return list;
}

/** The id of rank r's context, or null. */
export function contextIdAt(index: BoardIndex, r: number): string | null {
  const c = index.contextOf[r];
  return c < 0 ? null : index.contexts[c].id;
}

/** The label of rank r's context, or null. */
export function contextLabelAt(index: BoardIndex, r: number): string | null {
  const c = index.contextOf[r];
  return c < 0 ? null : index.contextLabels[c];
}
