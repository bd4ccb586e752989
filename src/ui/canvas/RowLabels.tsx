// The type rows, labelled at the left edge of the canvas where each row starts (rowTop in the domain geometry).
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { CATALOGUE, ELEMENT_TYPES, ROW_HEIGHT, rowTop } from '../../domain';
import { RULER_HEIGHT } from './TimelineRuler';

const selector = (s: ReactFlowState) => ({ y: s.transform[1], zoom: s.transform[2], height: s.height });

export function RowLabels() {
  const { y, zoom, height } = useStore(selector, shallow);
  // Zoomed out so far that the rows are thinner than a label: the labels would only pile up.
  if (ROW_HEIGHT * zoom < 26) return null;
  return (
    <div className="pointer-events-none absolute inset-y-0 left-0 z-[4]" aria-hidden="true" data-testid="row-labels">
      {ELEMENT_TYPES.map((type) => {
        const kind = CATALOGUE[type];
        const top = y + rowTop(type) * zoom;
        if (top + ROW_HEIGHT * zoom < RULER_HEIGHT || top > height) return null;
        return (
          <div
            key={type}
            className="absolute left-1.5 flex items-center gap-1.5 whitespace-nowrap rounded-full bg-white/85 px-2 py-0.5 text-[11px] font-semibold text-slate-600 shadow-xs"
            style={{ top: Math.max(top + 2, RULER_HEIGHT + 4) }}
          >
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: kind.color, outline: '1px solid rgb(0 0 0 / 0.15)' }} />
            {kind.label}
          </div>
        );
      })}
    </div>
  );
}
