// The side panel's own UI state: which tab is open and each insight panel's controls (timeline filter, flow
// depth, search query and filters). Kept per board store, outside the panels, so switching tabs and back keeps
// what a person typed, and a keyboard shortcut anywhere on the page can open a tab. Never shared, never stored.
import { useCallback } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ElementType } from '../../domain';
import type { BoardStore } from '../../state/boardStore';
import { DEFAULT_FLOW_DEPTH, type SearchQuery } from '../../state/insights';
import { useSession } from '../board/sessionContext';

export const SIDE_TABS = ['inspector', 'contexts', 'statistics', 'timeline', 'flows', 'map', 'search', 'lint'] as const;
export type SideTabId = (typeof SIDE_TABS)[number];

export interface PanelState {
  tab: SideTabId;
  /**
   * Whether the panel is open beside the canvas, or folded to its rail of tab icons. It starts folded, so a board
   * opens with the whole width to be read; a tab, a shortcut or a selected sticky opens it.
   */
  open: boolean;
  /** The person folded it by hand (remembered): then selecting a sticky leaves it folded. */
  foldedByHand: boolean;
  timelineType: ElementType | null;
  flowDepth: number;
  search: SearchQuery;
  /** The match Enter last moved to, as an index into the matches. */
  searchCursor: number;
  /** Bumped to ask the search box to take the keyboard focus (Ctrl/Cmd+K, `/`). */
  searchFocusRequest: number;
}

export type PanelStore = StoreApi<PanelState>;

const stores = new WeakMap<BoardStore, PanelStore>();

const FOLDED_KEY = 'eventstorm.sidePanelFolded';

function storedFold(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(FOLDED_KEY) === 'true';
  } catch {
    return false;
  }
}

export function createPanelStore(): PanelStore {
  return createStore<PanelState>(() => ({
    tab: 'inspector',
    open: false,
    foldedByHand: storedFold(),
    timelineType: null,
    flowDepth: DEFAULT_FLOW_DEPTH,
    search: { query: '', type: null, contextId: null },
    searchCursor: -1,
    searchFocusRequest: 0,
  }));
}

/** The panel state of one open board. */
export function panelStoreOf(board: BoardStore): PanelStore {
  let store = stores.get(board);
  if (!store) {
    store = createPanelStore();
    stores.set(board, store);
  }
  return store;
}

export function usePanelStore(): PanelStore {
  return panelStoreOf(useSession().store);
}

export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelStore(), selector);
}

/** Open the search tab and put the keyboard in its query box. */
export function requestSearchFocus(store: PanelStore): void {
  store.setState((s) => ({ tab: 'search', open: true, searchFocusRequest: s.searchFocusRequest + 1 }));
}

/** Open the panel (on a tab) or fold it; folding by hand is remembered, opening by hand forgets it. */
export function setPanelOpen(store: PanelStore, open: boolean, tab?: SideTabId): void {
  store.setState((s) => ({ open, tab: tab ?? s.tab, foldedByHand: !open }));
  try {
    localStorage.setItem(FOLDED_KEY, String(!open));
  } catch {
    // Only the preference is lost.
  }
}

/** A sticky was selected: show it in the inspector, unless the person folded the panel away. */
export function revealInspector(store: PanelStore): void {
  const s = store.getState();
  if (!s.open && !s.foldedByHand) store.setState({ open: true, tab: 'inspector' });
}

/** The side panel's open tab, and a way to open another. */
export function useSideTab(): [SideTabId, (tab: SideTabId) => void] {
  const store = usePanelStore();
  const tab = useStore(store, (s) => s.tab);
  const open = useCallback((next: SideTabId) => setPanelOpen(store, true, next), [store]);
  return [tab, open];
}
