// How this person likes to see boards, kept in their browser (never in the document, never shared): the timeline
// layout (compact or to scale), and where they last looked at each board, so it opens there again.
import type { TimelineMode } from '../domain';
import type { KeyValueStore } from './recentWorkshops';

const MODE_KEY = 'eventstorm.timelineMode';
const VIEW_PREFIX = 'eventstorm.view.';

export interface SavedView {
  x: number;
  y: number;
  zoom: number;
  /** The layout the view was taken in: a view kept in one layout means nothing in the other. */
  mode: TimelineMode;
}

export function loadTimelineMode(storage: KeyValueStore | null): TimelineMode {
  return storage?.getItem(MODE_KEY) === 'to-scale' ? 'to-scale' : 'compact';
}

export function saveTimelineMode(storage: KeyValueStore | null, mode: TimelineMode): void {
  try {
    storage?.setItem(MODE_KEY, mode);
  } catch {
    // A full or refused storage only costs the preference.
  }
}

export function loadView(storage: KeyValueStore | null, workshopId: string): SavedView | null {
  try {
    const raw = storage?.getItem(VIEW_PREFIX + workshopId);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SavedView>;
    const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (!finite(v.x) || !finite(v.y) || !finite(v.zoom) || v.zoom <= 0) return null;
    if (v.mode !== 'compact' && v.mode !== 'to-scale') return null;
    return { x: v.x, y: v.y, zoom: v.zoom, mode: v.mode };
  } catch {
    return null;
  }
}

export function saveView(storage: KeyValueStore | null, workshopId: string, view: SavedView): void {
  try {
    storage?.setItem(VIEW_PREFIX + workshopId, JSON.stringify(view));
  } catch {
    // As above: the view is a convenience.
  }
}
