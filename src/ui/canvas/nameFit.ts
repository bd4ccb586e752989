// How each sticky's name is set, measured by the browser once per name and type and cached: the sizes the sticky
// shows (full detail and zoomed out), and from them the least zoom at which every name on a board can be read.
import type { CSSProperties } from 'react';
import { CATALOGUE, type BoardElement, type ElementType } from '../../domain';
import { LOW_DETAIL_ZOOM, TINY_DETAIL_ZOOM } from './DetailLevel';
import { estimateWidth, fitName, READABLE_ZOOM, type Measure, type NameFit } from './stickyText';

let measureContext: CanvasRenderingContext2D | null | undefined;
const STICKY_FONT = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans KR", sans-serif';

/** Text width in the sticky's face, measured by the browser (an estimate where there is no canvas). */
const measureText: Measure = (text, fontSize) => {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return estimateWidth(text, fontSize);
  measureContext.font = `600 ${fontSize}px ${STICKY_FONT}`;
  // A hair of slack for sub-pixel layout differences between canvas and DOM.
  return measureContext.measureText(text).width * 1.02;
};

const fits = new Map<string, NameFit>();

export function nameFitOf(name: string, type: ElementType, low: boolean): NameFit {
  const key = `${type}|${low ? 1 : 0}|${name}`;
  let fit = fits.get(key);
  if (!fit) {
    const kind = CATALOGUE[type];
    fit = fitName(name, kind.width, kind.height, low, measureText);
    if (fits.size > 20_000) fits.clear();
    fits.set(key, fit);
  }
  return fit;
}

/** Both fits, as CSS variables: the canvas's `data-detail` picks one (see index.css), so zooming re-renders nothing. */
export function nameStyle(name: string, type: ElementType): CSSProperties {
  const full = nameFitOf(name, type, false);
  const low = nameFitOf(name, type, true);
  return {
    '--fs': `${full.fontSize}px`,
    '--lh': `${full.lineHeight}px`,
    '--lines': full.lines,
    '--fs-low': `${low.fontSize}px`,
    '--lh-low': `${low.lineHeight}px`,
    '--lines-low': low.lines,
  } as CSSProperties;
}

/** The smallest a name may be on screen and still be read: its type size times the zoom. */
export const MIN_NAME_PX = 8;
/** Names measured to find a board's readable zoom: a board bigger than this opens at its start, so its first ones. */
const READABLE_SAMPLE = 2000;

/**
 * The least zoom at which every name on the board is at least MIN_NAME_PX on screen. Zoomed out (below
 * LOW_DETAIL_ZOOM) a card shows its name alone, in larger type, so the answer can be far below the zoom at which
 * full-detail names read; never below the zoom at which names are hidden.
 */
export function readableZoomOf(elements: readonly BoardElement[]): number {
  if (elements.length === 0) return READABLE_ZOOM;
  const sample = elements.length > READABLE_SAMPLE ? [...elements].sort((a, b) => a.position - b.position).slice(0, READABLE_SAMPLE) : elements;
  let low = Infinity;
  let full = Infinity;
  for (const e of sample) {
    low = Math.min(low, nameFitOf(e.name, e.type, true).fontSize);
    full = Math.min(full, nameFitOf(e.name, e.type, false).fontSize);
  }
  const zoomedOut = Math.max(TINY_DETAIL_ZOOM, MIN_NAME_PX / low);
  if (zoomedOut < LOW_DETAIL_ZOOM) return zoomedOut;
  return Math.max(LOW_DETAIL_ZOOM, MIN_NAME_PX / full);
}
