// Pivotal events on the canvas: a full-height divider through the board after each one's column, labelled with its
// name, and the chapter bar above the ruler, one segment per chapter; a click on a segment brings the start of that
// chapter to the left of the view. Screen-space, like the ruler: a few elements that follow pan and zoom.
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import { shallow } from 'zustand/shallow';
import { chapterSpans } from '../../state/chapterLayout';
import { useBoard } from '../board/sessionContext';
import { LEFT_GUTTER } from './initialViewport';

export const CHAPTER_BAR_HEIGHT = 22;

const selector = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width });

function useChapterSpans() {
  const elements = useBoard((s) => s.elements);
  const scale = useBoard((s) => s.scale);
  return useMemo(() => chapterSpans(elements, scale), [elements, scale]);
}

/** Whether the board has chapters (the ruler moves down for the bar). */
export function useHasChapters(): boolean {
  return useChapterSpans().length > 0;
}

export function Chapters() {
  const spans = useChapterSpans();
  const { x, y, zoom, width } = useStore(selector, shallow);
  const flow = useReactFlow();
  if (spans.length === 0) return null;
  const screen = (fx: number) => x + fx * zoom;
  return (
    <>
      <nav
        className="absolute inset-x-0 top-0 z-[6] overflow-hidden border-b border-slate-300 bg-slate-50/95 text-[11px]"
        style={{ height: CHAPTER_BAR_HEIGHT }}
        aria-label="Chapters"
        data-testid="chapter-bar"
      >
        {spans.map((c) => {
          const left = Math.max(0, screen(c.left));
          const right = Math.min(width, screen(c.right));
          if (right <= 0 || left >= width) return null;
          return (
            <button
              key={c.index}
              type="button"
              className="absolute top-0 h-full truncate border-r border-slate-300 px-2 text-left font-semibold text-slate-600 hover:bg-white hover:text-slate-900"
              style={{ left, width: Math.max(0, right - left) }}
              title={`Chapter ${c.index}: ${c.name} — ${c.element_count} stickies. Click to go there.`}
              onClick={() => void flow.setViewport({ x: LEFT_GUTTER - c.left * zoom, y, zoom }, { duration: 250 })}
              data-testid="chapter"
              data-index={c.index}
            >
              {c.index}. {c.name}
            </button>
          );
        })}
      </nav>
      <div className="pointer-events-none absolute inset-0 z-[3] overflow-hidden" aria-hidden="true">
        {spans.map((c) => {
          if (c.divider === null) return null;
          const left = screen(c.divider);
          if (left < -200 || left > width + 200) return null;
          return (
            <div key={c.index} className="absolute inset-y-0" style={{ left }} data-testid="pivotal-divider" data-event-id={c.pivotal_event_id ?? undefined}>
              <div className="absolute inset-y-0 -left-px w-[3px] bg-orange-500/70" />
              <div className="absolute left-1.5 whitespace-nowrap rounded bg-orange-500 px-1.5 py-0.5 text-[11px] font-semibold text-white shadow-sm" style={{ top: CHAPTER_BAR_HEIGHT + 28 }}>
                ◆ {c.name}
              </div>
            </div>
          );
        })}
      </div>
    </>
  );
}
