// The timeline along the top of the canvas: each column labelled with its position (compact: the board's own
// numbers, "…" where they skip; to scale: one unit a column). Screen-space: it re-renders on pan and zoom, which
// is a few dozen labels, never the stickies.
import { useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { useBoard } from '../board/sessionContext';
import { CHAPTER_BAR_HEIGHT, useHasChapters } from './Chapters';
import { rulerTicks } from './timelineTicks';

const selector = (s: ReactFlowState) => ({ x: s.transform[0], zoom: s.transform[2], width: s.width });

export const RULER_HEIGHT = 24;

export function TimelineRuler() {
  const { x, zoom, width } = useStore(selector, shallow);
  const scale = useBoard((s) => s.scale);
  const ticks = rulerTicks(scale, x, zoom, width);
  // Under the chapter bar when the board has chapters.
  const top = useHasChapters() ? CHAPTER_BAR_HEIGHT : 0;
  return (
    <div
      className="pointer-events-none absolute inset-x-0 z-[5] overflow-hidden border-b border-slate-300 bg-white/90 text-[11px] text-slate-500 backdrop-blur-sm"
      style={{ top, height: RULER_HEIGHT }}
      data-testid="timeline-ruler"
      data-mode={scale.mode}
      aria-hidden="true"
    >
      {ticks.map((t) => (
        <div
          key={t.position}
          className="absolute top-0 h-full border-l border-slate-300 pl-1 leading-6"
          style={{ left: t.left }}
          data-testid="ruler-tick"
          data-position={t.position}
          data-jump={t.jump ? 'true' : undefined}
        >
          {t.jump && <span className="mr-1 text-slate-400" title="The numbers skip here">…</span>}
          {t.position}
        </div>
      ))}
    </div>
  );
}
