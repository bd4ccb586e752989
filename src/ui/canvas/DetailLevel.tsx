// How much a sticky shows at the current zoom, decided once for the whole canvas: one subscription to React
// Flow's zoom (it changes only when a threshold is crossed) writes `data-detail` on the canvas, and CSS does the
// rest. No sticky subscribes to the zoom, so zooming and panning never re-render the stickies.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, type RefObject } from 'react';

export type Detail = 'full' | 'low' | 'tiny';

/**
 * Below this zoom a sticky is a coloured card with its name in large type, nothing else: below it the full card's
 * 15 px name and 10 px type label are under 9 and 6 px on screen, while the name alone, set to fill the card, reads.
 */
export const LOW_DETAIL_ZOOM = 0.6;
/** Below this zoom no text is legible at all: a sticky is its colour. */
export const TINY_DETAIL_ZOOM = 0.2;

export function detailOf(zoom: number): Detail {
  return zoom < TINY_DETAIL_ZOOM ? 'tiny' : zoom < LOW_DETAIL_ZOOM ? 'low' : 'full';
}

const selectDetail = (s: ReactFlowState) => detailOf(s.transform[2]);

export function DetailLevel({ target }: { target: RefObject<HTMLElement | null> }) {
  const detail = useStore(selectDetail);
  useLayoutEffect(() => {
    // The attribute is on a DOM node outside React's tree of this component: writing it is what the effect is for.
    const canvas = target.current;
    if (canvas) canvas.setAttribute('data-detail', detail);
  }, [detail, target]);
  return null;
}
