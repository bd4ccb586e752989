// The rectangle the stickies cover on the canvas (flow coordinates), or null for an empty board.
import { CATALOGUE, xOfPosition, type BoardElement } from '../domain';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `xOf`: where the timeline layout draws a position; one unit per column by default. */
export function boardBounds(elements: readonly BoardElement[], xOf: (position: number) => number = xOfPosition): Bounds | null {
  if (elements.length === 0) return null;
  let x = Infinity;
  let y = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const e of elements) {
    const kind = CATALOGUE[e.type];
    const ex = xOf(e.position);
    x = Math.min(x, ex);
    y = Math.min(y, e.y);
    right = Math.max(right, ex + kind.width);
    bottom = Math.max(bottom, e.y + kind.height);
  }
  return { x, y, width: right - x, height: bottom - y };
}
