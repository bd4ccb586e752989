// The view a board opens at: all of it when it fits at a zoom where its names can be read, otherwise the start of
// the timeline at the smallest such zoom (a timeline is read from its beginning), leaving room for the row labels
// on the left. `readable` is that zoom for the board at hand (nameFit.ts: zoomed out, names are set larger).
import type { Bounds } from '../../state/boardBounds';
import { READABLE_ZOOM } from './stickyText';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The whole board in view (Shift+1, the View menu). */
export const FIT_OPTIONS = { padding: 0.08, duration: 200 };

/** Room for the row labels on the left, and a margin on the right. */
export const LEFT_GUTTER = 110;
export const RIGHT_GUTTER = 24;
export const TOP_GUTTER = 48;

export function initialViewport(bounds: Bounds | null, screen: { width: number; height: number }, readable = READABLE_ZOOM): Viewport {
  if (!bounds || bounds.width <= 0) return { x: LEFT_GUTTER, y: TOP_GUTTER, zoom: 1 };
  const usableW = Math.max(100, screen.width - LEFT_GUTTER - RIGHT_GUTTER);
  const usableH = Math.max(100, screen.height - TOP_GUTTER - 40);
  const fit = Math.min(usableW / bounds.width, usableH / bounds.height, 1);
  const zoom = Math.max(fit, readable);
  if (fit >= readable) {
    return {
      x: LEFT_GUTTER + (usableW - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: TOP_GUTTER + (usableH - bounds.height * zoom) / 2 - bounds.y * zoom,
      zoom,
    };
  }
  // Too big to read whole: start at the beginning of the timeline and the top of the rows.
  return { x: LEFT_GUTTER - bounds.x * zoom, y: TOP_GUTTER - Math.min(bounds.y, 0) * zoom, zoom };
}
