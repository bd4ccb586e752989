// Chapters: the pivotal domain events cut the timeline into the parts of its story. Each pivotal event closes a
// chapter, named after it (everything up to and including it since the previous one); what follows the last one is
// a chapter of its own. A board without a pivotal event has no chapters.
import type { BoardElement } from '../types';

export interface Chapter {
  /** From 1, in timeline order. */
  index: number;
  name: string;
  /** The pivotal event that closes it; null for the chapter after the last one. */
  pivotal_event_id: string | null;
  /** Positions it spans: after `after` (exclusive; null from the start) up to `until` (inclusive; null to the end). */
  after: number | null;
  until: number | null;
  element_count: number;
}

/** The pivotal events, in timeline order (position, then name, then id). */
export function pivotalEvents(elements: readonly BoardElement[]): BoardElement[] {
  return elements
    .filter((e) => e.pivotal === true && e.type === 'event')
    .sort((a, b) => a.position - b.position || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1));
}

/** The chapter (1-based, as `chapters` numbers them) a sticky at `position` is in; `cuts` are the pivotal positions, sorted. */
export function chapterAt(cuts: readonly number[], position: number): number {
  let lo = 0;
  let hi = cuts.length;
  // The first cut at or after the position closes its chapter.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

export function chapters(elements: readonly BoardElement[]): Chapter[] {
  const pivots = pivotalEvents(elements);
  if (pivots.length === 0) return [];
  const cuts = pivots.map((p) => p.position);
  const counts = new Array<number>(pivots.length + 1).fill(0);
  for (const e of elements) counts[chapterAt(cuts, e.position) - 1]++;
  const out: Chapter[] = pivots.map((p, i) => ({
    index: i + 1,
    name: p.name,
    pivotal_event_id: p.id,
    after: i === 0 ? null : cuts[i - 1],
    until: p.position,
    element_count: counts[i],
  }));
  const last = pivots[pivots.length - 1];
  out.push({ index: pivots.length + 1, name: `After ${last.name}`, pivotal_event_id: null, after: last.position, until: null, element_count: counts[pivots.length] });
  return out;
}
