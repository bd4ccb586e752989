// The timeline ruler's marks: one per position unit when zoomed in, every 2, 5, 10… when zoomed out, so labels
// never crowd. Screen coordinates, from React Flow's transform [x, y, zoom].
import { COLUMN_WIDTH } from '../../domain';

export interface Tick {
  position: number;
  /** Left edge of the column on screen, in CSS pixels from the canvas's left. */
  left: number;
}

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
export const MIN_TICK_SPACING = 44;

export function tickStep(zoom: number): number {
  const column = COLUMN_WIDTH * zoom;
  return STEPS.find((s) => s * column >= MIN_TICK_SPACING) ?? STEPS[STEPS.length - 1];
}

export function timelineTicks(translateX: number, zoom: number, width: number): Tick[] {
  const step = tickStep(zoom);
  const column = COLUMN_WIDTH * zoom;
  const first = Math.floor(-translateX / column / step) * step;
  const ticks: Tick[] = [];
  for (let position = first; ; position += step) {
    const left = translateX + position * column;
    if (left > width) break;
    if (left + step * column >= 0) ticks.push({ position, left });
    if (ticks.length > 400) break;
  }
  return ticks;
}
