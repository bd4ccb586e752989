// Where the chapters sit on the canvas: a divider through the board after each pivotal event's column (between it
// and the next column), and each chapter's span between the dividers, in flow coordinates of the timeline layout
// on screen. The chapters themselves come from the domain (chapters.ts), as the MCP timeline answers them.
import { CATALOGUE, COLUMN_GAP, chapters, type BoardElement, type Chapter, type TimelineScale } from '../domain';

export interface ChapterSpan extends Chapter {
  /** Flow x where the chapter starts and ends (the dividers either side, or the board's ends). */
  left: number;
  right: number;
  /** Flow x of the divider that closes it (its pivotal event's), or null for the chapter after the last one. */
  divider: number | null;
}

export function chapterSpans(elements: readonly BoardElement[], scale: Pick<TimelineScale, 'xOf'>): ChapterSpan[] {
  const parts = chapters(elements);
  if (parts.length === 0) return [];
  // The widest sticky at each position: the divider runs just past its column.
  const widest = new Map<number, number>();
  let start = Infinity;
  let end = -Infinity;
  for (const e of elements) {
    const width = CATALOGUE[e.type].width;
    widest.set(e.position, Math.max(widest.get(e.position) ?? 0, width));
    const x = scale.xOf(e.position);
    start = Math.min(start, x);
    end = Math.max(end, x + width);
  }
  const half = COLUMN_GAP / 2;
  const dividerAt = (position: number) => scale.xOf(position) + (widest.get(position) ?? 0) + half;
  let left = start - half;
  return parts.map((c) => {
    const divider = c.until === null ? null : dividerAt(c.until);
    const span = { ...c, left, right: divider ?? end + half, divider };
    if (divider !== null) left = divider;
    return span;
  });
}
