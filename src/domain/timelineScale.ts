// Where a timeline position is drawn, and which position a point of the canvas stands for. Two ways to lay the
// timeline out:
// - compact (the default): the distinct positions the board uses are consecutive columns, in order, however far
//   apart their numbers are (the seed numbers its events 0, 1, 10, 11 … 99: to scale, nine tenths of it would be
//   empty columns);
// - to scale: one column per unit, x = position × COLUMN_WIDTH.
// The document keeps the numbers; only the drawing changes, so analyses, MCP and exports never see the layout.
import { CATALOGUE, type ElementType } from './catalogue';
import { COLUMN_WIDTH } from './geometry';

export type TimelineMode = 'compact' | 'to-scale';

export interface TimelineColumn {
  position: number;
  /** Left edge of the column, in flow coordinates. */
  x: number;
  /** The numbers skip before this column (a compact layout closes the gap): the ruler marks it "…". */
  jump: boolean;
}

export interface TimelineScale {
  readonly mode: TimelineMode;
  /** The columns the board uses, left to right (compact: one per distinct position; to scale: the same, spaced). */
  readonly columns: readonly TimelineColumn[];
  /** Left edge of a sticky at `position`. */
  xOf(position: number): number;
  /**
   * The position a sticky whose left edge is at `x` is given on drop: the column's own position when it lands on a
   * column, a position strictly between two columns' when it lands between them (nobody else is renumbered), and
   * one unit per column width beyond either end.
   */
  positionAt(x: number): number;
  /**
   * The timeline coordinate a canvas x stands for, continuously (no snapping): the exact inverse of `xOf`. Presence
   * (cursors, views, drags) travels in these units, so people laying the timeline out differently see each other
   * in the right place.
   */
  unitsAt(x: number): number;
  /** Where the arrow keys move a sticky at `position`: the next column's position (compact) or half a unit (to scale). */
  step(position: number, direction: 1 | -1): number;
}

/** How close (in to-scale columns) a left edge must come to a column to take that column's position. */
export const COLUMN_SNAP = 0.25;
/** Space between two compact columns, beyond the widest sticky of the first (to scale: COLUMN_WIDTH minus it). */
export const COLUMN_GAP = 24;

const tenth = (n: number) => Math.round(n * 10) / 10;

/** The shortest decimal strictly between `low` and `high` near `target` (10.5 between 10 and 11, 10.25 …). */
export function numberBetween(low: number, high: number, target: number): number {
  for (let digits = 1; digits <= 12; digits++) {
    const f = 10 ** digits;
    const n = Math.round(target * f) / f;
    if (n > low && n < high) return n;
  }
  return (low + high) / 2;
}

/** The index of the last entry of sorted `ps` that is ≤ p (-1 when p is before them all). */
function floorIndex(ps: readonly number[], p: number): number {
  let lo = 0;
  let hi = ps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ps[mid] <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function toScale(ps: readonly number[]): TimelineScale {
  return {
    mode: 'to-scale',
    columns: ps.map((position, i) => ({ position, x: position * COLUMN_WIDTH, jump: i > 0 && position - ps[i - 1] > 1 })),
    xOf: (position) => position * COLUMN_WIDTH,
    // A sticky dropped between columns keeps a fractional position (10.5), rounded to a tenth so drags stay tidy.
    positionAt: (x) => tenth(x / COLUMN_WIDTH),
    unitsAt: (x) => x / COLUMN_WIDTH,
    step: (position, direction) => tenth(position + direction * 0.5),
  };
}

function compact(ps: readonly number[], widths: readonly number[]): TimelineScale {
  const n = ps.length;
  if (n === 0) return { ...toScale(ps), mode: 'compact' };
  const first = ps[0];
  const last = ps[n - 1];
  const index = new Map(ps.map((p, i) => [p, i]));
  // Each column as wide as its widest sticky and a gap, so a board of narrow stickies packs tighter.
  const lefts: number[] = [];
  let x = 0;
  for (let i = 0; i < n; i++) {
    lefts.push(x);
    x += widths[i] + COLUMN_GAP;
  }
  const end = x; // where a column after the last would start
  const columns = ps.map((position, i) => ({ position, x: lefts[i], jump: i > 0 && position - ps[i - 1] > 1 }));
  const xOf = (position: number): number => {
    const exact = index.get(position);
    if (exact !== undefined) return lefts[exact];
    // Before the first column and after the last, one unit per COLUMN_WIDTH; in between, in proportion.
    if (position < first) return (position - first) * COLUMN_WIDTH;
    // After the last column: its own width (and the gap) is the next unit, then one unit per COLUMN_WIDTH.
    if (position > last + 1) return end + (position - last - 1) * COLUMN_WIDTH;
    if (position > last) return lefts[n - 1] + (position - last) * (end - lefts[n - 1]);
    const i = floorIndex(ps, position);
    return lefts[i] + ((position - ps[i]) / (ps[i + 1] - ps[i])) * (lefts[i + 1] - lefts[i]);
  };
  const positionAt = (x: number): number => {
    // Onto a column: within a quarter of a column of its left edge.
    let nearest = floorIndex(lefts, x);
    if (nearest < n - 1 && (nearest < 0 || lefts[nearest + 1] - x < x - lefts[nearest])) nearest++;
    if (nearest >= 0 && Math.abs(x - lefts[nearest]) <= COLUMN_SNAP * COLUMN_WIDTH) return ps[nearest];
    if (x < 0) return numberBetween(-Infinity, first, first + x / COLUMN_WIDTH);
    if (x > lefts[n - 1]) {
      // Past the last column: the next unit at the next column's place, then one unit per COLUMN_WIDTH.
      const units = x >= end ? 1 + (x - end) / COLUMN_WIDTH : (x - lefts[n - 1]) / (end - lefts[n - 1]);
      return numberBetween(last, Infinity, last + units);
    }
    const i = floorIndex(lefts, x);
    const low = ps[i];
    const high = ps[i + 1];
    return numberBetween(low, high, low + ((x - lefts[i]) / (lefts[i + 1] - lefts[i])) * (high - low));
  };
  const unitsAt = (x: number): number => {
    if (x < 0) return first + x / COLUMN_WIDTH;
    if (x >= end) return last + 1 + (x - end) / COLUMN_WIDTH;
    if (x >= lefts[n - 1]) return last + (x - lefts[n - 1]) / (end - lefts[n - 1]);
    const i = floorIndex(lefts, x);
    return ps[i] + ((x - lefts[i]) / (lefts[i + 1] - lefts[i])) * (ps[i + 1] - ps[i]);
  };
  const step = (position: number, direction: 1 | -1): number => {
    // Column by column: onto the neighbouring column's position, one unit past either end.
    const i = floorIndex(ps, position);
    if (direction === 1) return i + 1 < n ? ps[i + 1] : tenth(position + 1);
    const below = ps[i] === position ? i - 1 : i;
    return below >= 0 ? ps[below] : tenth(position - 1);
  };
  return { mode: 'compact', columns, xOf, positionAt, unitsAt, step };
}

/** A sticky as the layout sees it: where it is on the timeline and how wide it is drawn. */
export interface ColumnItem {
  position: number;
  width: number;
}

/**
 * The layout of a board whose stickies are `items` (order and repeats do not matter). A bare position counts as a
 * sticky as wide as a to-scale column leaves room for.
 */
export function timelineScale(items: Iterable<ColumnItem | number>, mode: TimelineMode = 'compact'): TimelineScale {
  const widest = new Map<number, number>();
  for (const item of items) {
    const { position, width } = typeof item === 'number' ? { position: item, width: COLUMN_WIDTH - COLUMN_GAP } : item;
    if (!Number.isFinite(position)) continue;
    widest.set(position, Math.max(widest.get(position) ?? 0, width));
  }
  const ps = [...widest.keys()].sort((a, b) => a - b);
  return mode === 'compact' ? compact(ps, ps.map((p) => widest.get(p)!)) : toScale(ps);
}

/** The layout of a board's stickies, each as wide as the catalogue draws its type. */
export function timelineScaleOf(elements: readonly { position: number; type: ElementType }[], mode: TimelineMode = 'compact'): TimelineScale {
  return timelineScale(elements.map((e) => ({ position: e.position, width: CATALOGUE[e.type].width })), mode);
}

/** Whether two scales lay every position out alike (so nothing on the canvas needs to move). */
export function sameScale(a: TimelineScale, b: TimelineScale): boolean {
  if (a === b) return true;
  if (a.mode !== b.mode || a.columns.length !== b.columns.length) return false;
  for (let i = 0; i < a.columns.length; i++) {
    if (a.columns[i].position !== b.columns[i].position || a.columns[i].x !== b.columns[i].x) return false;
  }
  return true;
}
