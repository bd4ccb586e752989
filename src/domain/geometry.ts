// Board geometry shared by placement (src/board) and the canvas (src/ui): x is the timeline position.
import { CATALOGUE, type ElementType } from './catalogue';

/** One timeline position unit is one sticky column. */
export const COLUMN_WIDTH = 220;
/** Height of one type row; the tallest sticky (aggregate) plus a gap. */
export const ROW_HEIGHT = 170;
/** Vertical gap between stacked stickies. */
export const STACK_GAP = 12;

export function xOfPosition(position: number): number {
  return position * COLUMN_WIDTH;
}

export function positionOfX(x: number): number {
  // A sticky dropped between columns keeps a fractional position (10.5), rounded to a tenth so drags stay tidy.
  return Math.round((x / COLUMN_WIDTH) * 10) / 10;
}

export function rowTop(type: ElementType): number {
  return CATALOGUE[type].row * ROW_HEIGHT;
}
