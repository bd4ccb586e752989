// How a panel reads the board's insights and points at a sticky.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useDeferredValue, useEffect, useState } from 'react';
import { CATALOGUE } from '../../domain';
import { selectStickies } from '../../state/boardStore';
import { boardSnapshotOf, insightsOf, type Insights } from '../../state/insights';
import { useBoard, useSession } from '../board/sessionContext';
import { READABLE_ZOOM } from '../canvas/stickyText';

/**
 * The insights of the board as it is now — deferred: after an edit (a colleague's arriving over the websocket,
 * or one's own) React first paints the canvas, then recomputes the panels in a render of lower priority that
 * never holds up a frame of it. `stale` is true while a newer snapshot waits to be shown.
 */
export function useInsights(): { insights: Insights; stale: boolean } {
  const snap = useBoard(boardSnapshotOf);
  const deferred = useDeferredValue(snap);
  return { insights: insightsOf(deferred), stale: deferred !== snap };
}

type IdleHandle = { cancel(): void };

/** Run `fn` when the browser has nothing else to do, and within `timeout` ms at the latest. */
function whenIdle(fn: () => void, timeout: number): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(fn, 50);
  return { cancel: () => clearTimeout(id) };
}

/**
 * The insights for something always on screen but secondary (the lint count on its tab): recomputed only when
 * the browser is idle (within half a second), so it never competes with the canvas or the open panel.
 */
export function useIdleInsights(): Insights {
  const snap = useBoard(boardSnapshotOf);
  const [shown, setShown] = useState(snap);
  useEffect(() => {
    if (shown === snap) return;
    const handle = whenIdle(() => setShown(snap), 500);
    return () => handle.cancel();
  }, [snap, shown]);
  return insightsOf(shown);
}

/** Select a sticky and bring it to the middle of the canvas at the current zoom, unless too small to read it. */
export function useFocusSticky(): (id: string) => void {
  const { store } = useSession();
  const flow = useReactFlow();
  return useCallback(
    (id: string) => {
      const { elementsById, scale } = store.getState();
      const element = elementsById.get(id);
      if (!element) return;
      selectStickies(store, [id]);
      const kind = CATALOGUE[element.type];
      const zoom = Math.max(flow.getZoom(), READABLE_ZOOM);
      void flow.setCenter(scale.xOf(element.position) + kind.width / 2, element.y + kind.height / 2, { zoom, duration: 250 });
    },
    [store, flow],
  );
}

/** Fit several stickies (a context, a flow) in view. */
export function useFitStickies(): (ids: readonly string[]) => void {
  const flow = useReactFlow();
  return useCallback(
    (ids: readonly string[]) => {
      if (ids.length === 0) return;
      void flow.fitView({ nodes: ids.map((id) => ({ id })), padding: 0.2, duration: 300, maxZoom: 1 });
    },
    [flow],
  );
}
