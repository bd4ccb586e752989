// The timeline ruler's marks, in screen coordinates from React Flow's transform [x, y, zoom]: one per column when
// zoomed in, every 2, 5, 10… columns when zoomed out, so labels never crowd. A compact timeline labels each column
// with its position and marks a jump ("…") where the numbers skip; to scale, a column is one unit.
import { COLUMN_WIDTH, type TimelineScale } from '../../domain';

export interface Tick {
  position: number;
  /** Left edge of the column on screen, in CSS pixels from the canvas's left. */
  left: number;
  /** The numbers skip between the previous mark and this one by more than the columns between them. */
  jump?: boolean;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
export const MIN_TICK_SPACING = 44;
const MAX_TICKS = 400;

export function tickStep(zoom: number): number {
  const column = COLUMN_WIDTH * zoom;
  return STEPS.find((s) => s * column >= MIN_TICK_SPACING) ?? STEPS[STEPS.length - 1];
}

/** To scale: column j is position j. */
export function timelineTicks(translateX: number, zoom: number, width: number): Tick[] {
  const step = tickStep(zoom);
  const column = COLUMN_WIDTH * zoom;
  const first = Math.floor(-translateX / column / step) * step || 0; // never -0
  const ticks: Tick[] = [];
  for (let position = first; ; position += step) {
    const left = translateX + position * column;
    if (left > width) break;
    if (left + step * column >= 0) ticks.push({ position, left });
    if (ticks.length > MAX_TICKS) break;
  }
  return ticks;
}

/**
 * Compact: a mark at each of the board's columns (each as wide as its stickies), labelled with its position; before
 * and after them, one unit per COLUMN_WIDTH. Zoomed out, a mark is kept only where it clears the one before it.
 */
export function compactTicks(scale: TimelineScale, translateX: number, zoom: number, width: number): Tick[] {
  const cols = scale.columns;
  const n = cols.length;
  if (n === 0) return timelineTicks(translateX, zoom, width);
  const first = cols[0].position;
  const last = cols[n - 1].position;
  const step = tickStep(zoom);
  const screen = (x: number) => translateX + x * zoom;
  const ticks: Tick[] = [];
  let lastLeft = -Infinity;
  const push = (position: number, x: number, jump = false) => {
    const left = screen(x);
    if (left - lastLeft < MIN_TICK_SPACING || left > width || ticks.length > MAX_TICKS) return;
    if (left + MIN_TICK_SPACING >= 0) ticks.push({ position, left, jump });
    lastLeft = left;
  };
  // Before the first column, at to-scale spacing, as far left as the view reaches.
  const reach = Math.ceil(Math.max(0, translateX) / (COLUMN_WIDTH * zoom) / step) * step;
  for (let k = reach; k >= step; k -= step) push(first - k, -k * COLUMN_WIDTH);
  for (const c of cols) push(c.position, c.x, c.jump);
  const end = scale.xOf(last + 1);
  for (let k = 0; screen(end + k * COLUMN_WIDTH) <= width && ticks.length <= MAX_TICKS; k += step) push(last + 1 + k, end + k * COLUMN_WIDTH);
  return ticks;
}

export function rulerTicks(scale: TimelineScale, translateX: number, zoom: number, width: number): Tick[] {
  return scale.mode === 'compact' ? compactTicks(scale, translateX, zoom, width) : timelineTicks(translateX, zoom, width);
}
