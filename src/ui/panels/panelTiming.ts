// How long a panel takes to recompute and render a new snapshot: from the start of its render (where it calls
// the analysis) to the commit of its DOM, as a performance measure `eventstorm:panel:<name>` (one kept per panel)
// that the benchmark reads. Costs two performance.now() calls per render.
import { useLayoutEffect } from 'react';

const renderStarts = new Map<string, number>();

/** `changed`: what a new render of the panel's content depends on (its insights, its options). */
export function usePanelTiming(name: string, ...changed: unknown[]): void {
  // Render-phase bookkeeping outside React state: a render that is thrown away only leaves a start time behind.
  // eslint-disable-next-line react-hooks/purity -- a measurement of the render itself must read the clock in it
  renderStarts.set(name, performance.now());
  useLayoutEffect(() => {
    const start = renderStarts.get(name);
    if (start === undefined || typeof performance.measure !== 'function') return;
    const measure = `eventstorm:panel:${name}`;
    performance.clearMeasures(measure);
    performance.measure(measure, { start, end: performance.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what its content depends on
  }, [name, ...changed]);
}
