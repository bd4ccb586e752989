// The arrows when the board is zoomed out past legibility ('tiny' detail): all of them as one SVG path, from each
// source's right edge to its target's left edge. One element instead of a thousand React Flow edges, each with
// its own subscriptions and layers; the full arrows come back as soon as the zoom makes them readable.
import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { CATALOGUE } from '../../domain';
import { useBoard } from '../board/sessionContext';

function OverviewArrowsView() {
  const links = useBoard((s) => s.links);
  const elementsById = useBoard((s) => s.elementsById);
  const { xOf } = useBoard((s) => s.scale);
  const d = useMemo(() => {
    const parts: string[] = [];
    for (const link of links) {
      const from = elementsById.get(link.from);
      const to = elementsById.get(link.to);
      if (!from || !to) continue;
      const fk = CATALOGUE[from.type];
      const tk = CATALOGUE[to.type];
      parts.push(`M${xOf(from.position) + fk.width},${from.y + fk.height / 2}L${xOf(to.position)},${to.y + tk.height / 2}`);
    }
    return parts.join('');
  }, [links, elementsById, xOf]);
  if (!d) return null;
  return (
    <ViewportPortal>
      <svg className="pointer-events-none absolute left-0 top-0 overflow-visible" width={1} height={1} aria-hidden="true" data-testid="overview-arrows">
        <path d={d} fill="none" stroke="#334155" strokeOpacity={0.55} strokeWidth={1} vectorEffect="non-scaling-stroke" />
      </svg>
    </ViewportPortal>
  );
}

export const OverviewArrows = memo(OverviewArrowsView);
