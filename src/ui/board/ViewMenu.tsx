// View: how this person looks at the board (never the document): fit it in view, and lay the timeline out compact
// (the board's positions as consecutive columns) or to scale (one column per unit). The choice is remembered.
import { Check, Eye } from 'lucide-react';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import type { TimelineMode } from '../../domain';
import { setTimelineMode } from '../../state/boardStore';
import { browserStorage } from '../../state/recentWorkshops';
import { saveTimelineMode } from '../../state/viewPreferences';
import { canvasElement } from '../canvas/canvasElement';
import { FIT_OPTIONS } from '../canvas/initialViewport';
import { useBoard, useSession } from './sessionContext';
import { useDismiss } from './useDismiss';

export function ViewMenu() {
  const { store } = useSession();
  const mode = useBoard((s) => s.timelineMode);
  const flow = useReactFlow();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, root, close);

  /** Switch the layout, keeping the timeline position at the middle of the view in the middle. */
  const switchTo = (next: TimelineMode) => {
    const rect = canvasElement()?.getBoundingClientRect();
    const before = store.getState().scale;
    const { x, y, zoom } = flow.getViewport();
    const middle = rect ? (rect.width / 2 - x) / zoom : 0;
    const position = before.positionAt(middle);
    setTimelineMode(store, next);
    saveTimelineMode(browserStorage(), next);
    const after = store.getState().scale;
    if (rect) void flow.setViewport({ x: rect.width / 2 - after.xOf(position) * zoom, y, zoom });
    setOpen(false);
  };

  return (
    <div className="relative" ref={root}>
      <button type="button" className="btn-secondary !py-1.5" onClick={() => setOpen((o) => !o)} aria-haspopup="menu" aria-expanded={open} data-testid="view-menu-button">
        <Eye size={16} /> View
      </button>
      {open && (
        <div className="absolute right-0 top-10 z-30 w-72 rounded-lg border border-slate-200 bg-white py-1 shadow-xl" role="menu" aria-label="View" data-testid="view-menu">
          <button
            type="button"
            role="menuitem"
            className="flex w-full items-center justify-between px-3 py-2 text-left text-sm hover:bg-slate-50"
            onClick={() => {
              void flow.fitView(FIT_OPTIONS);
              setOpen(false);
            }}
            data-testid="view-fit"
          >
            Fit the board in view <kbd className="text-xs text-slate-400">Shift+1</kbd>
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={mode === 'to-scale'}
            className="flex w-full items-start gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50"
            onClick={() => switchTo(mode === 'to-scale' ? 'compact' : 'to-scale')}
            data-testid="view-to-scale"
          >
            <span className="mt-0.5 w-4 shrink-0">{mode === 'to-scale' && <Check size={16} aria-hidden="true" />}</span>
            <span>
              Timeline to scale
              <span className="block text-xs text-slate-500">
                {mode === 'to-scale' ? 'One column per position unit.' : 'Off: the positions in use sit side by side; the ruler marks where numbers skip.'}
              </span>
            </span>
          </button>
        </div>
      )}
    </div>
  );
}
