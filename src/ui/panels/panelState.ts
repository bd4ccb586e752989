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

export function createPanelStore(): PanelStore {
  return createStore<PanelState>(() => ({
    tab: 'inspector',
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
  store.setState((s) => ({ tab: 'search', searchFocusRequest: s.searchFocusRequest + 1 }));
}

/** The side panel's open tab, and a way to open another. */
export function useSideTab(): [SideTabId, (tab: SideTabId) => void] {
  const store = usePanelStore();
  const tab = useStore(store, (s) => s.tab);
  const open = useCallback((next: SideTabId) => store.setState({ tab: next }), [store]);
  return [tab, open];
}
