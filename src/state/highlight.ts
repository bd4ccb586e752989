// What the insight panels point at on the board: search matches, a hovered flow's path, a lint finding's ends.
// Highlighted stickies and arrows stand out and everything else is dimmed. Local UI state: it lives in the board
// store (never in the document) and each sticky and arrow reads only its own mark through a narrow selector, so
// pointing at something re-renders the stickies whose mark changed and nothing else.
import { linkKey } from '../domain';
import type { BoardStore } from './boardStore';

export interface BoardHighlight {
  /** Who asked: a panel clears only its own highlight. */
  source: 'search' | 'flow' | 'lint' | 'contexts';
  /** The stickies to show; every other sticky is dimmed. */
  ids: ReadonlySet<string>;
  /**
   * The arrows to show, by link key (`from>to`). Without it, an arrow is shown when both its ends are, and dimmed
   * otherwise.
   */
  links?: ReadonlySet<string>;
}

export type HighlightMark = 'match' | 'dim' | undefined;

/** A sticky's mark under a highlight (undefined when nothing is highlighted). */
export function stickyMark(highlight: BoardHighlight | null, id: string): HighlightMark {
  if (!highlight) return undefined;
  return highlight.ids.has(id) ? 'match' : 'dim';
}

/** An arrow's mark under a highlight. */
export function linkMark(highlight: BoardHighlight | null, from: string, to: string): HighlightMark {
  if (!highlight) return undefined;
  if (highlight.links) return highlight.links.has(linkKey(from, to)) ? 'match' : 'dim';
  return highlight.ids.has(from) && highlight.ids.has(to) ? undefined : 'dim';
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

export function sameHighlight(a: BoardHighlight | null, b: BoardHighlight | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.source === b.source && sameSet(a.ids, b.ids) && sameSet(a.links, b.links);
}

/** Show this highlight (replacing any other); an equal one changes nothing, so no sticky re-renders. */
export function setHighlight(store: BoardStore, highlight: BoardHighlight | null): void {
  if (sameHighlight(store.getState().highlight, highlight)) return;
  store.setState({ highlight });
}

/** Take away the highlight `source` set, leaving another panel's alone. */
export function clearHighlight(store: BoardStore, source: BoardHighlight['source']): void {
  if (store.getState().highlight?.source === source) store.setState({ highlight: null });
}
