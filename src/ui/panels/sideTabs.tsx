// The side panel's tabs: the board's own (inspector, contexts) and the insight panels, each an icon with a name
// and a tooltip; the shortcuts that open the search from anywhere on the page.
import { BarChart3, Boxes, ListChecks, ListOrdered, Network, Search, SlidersHorizontal, Workflow, type LucideIcon } from 'lucide-react';
import { useEffect, type ComponentType } from 'react';
import { ContextMapPanel } from './ContextMapPanel';
import { FlowsPanel } from './FlowsPanel';
import { LintBadge, LintPanel } from './LintPanel';
import { requestSearchFocus, usePanelStore, type SideTabId } from './panelState';
import { SearchPanel } from './SearchPanel';
import { StatisticsPanel } from './StatisticsPanel';
import { TimelinePanel } from './TimelinePanel';
import './panels.css';

export interface SideTab {
  id: SideTabId;
  /** The tab's accessible name (the tab shows its icon). */
  label: string;
  /** The tooltip: what the tab holds. */
  title: string;
  icon: LucideIcon;
  Badge?: ComponentType;
}

export const SIDE_TAB_LIST: readonly SideTab[] = [
  { id: 'inspector', label: 'Inspector', title: 'Inspector: the selected sticky', icon: SlidersHorizontal },
  { id: 'contexts', label: 'Contexts', title: 'Bounded contexts: create, assign, focus', icon: Boxes },
  { id: 'statistics', label: 'Statistics', title: 'Statistics: counts by type and context, links, coverage', icon: BarChart3 },
  { id: 'timeline', label: 'Timeline', title: 'Timeline: every sticky in story order', icon: ListOrdered },
  { id: 'flows', label: 'Flows', title: 'Flows: what triggers what, from each starting point', icon: Workflow },
  { id: 'map', label: 'Context map', title: 'Context map: each context’s contents, gaps and coupling', icon: Network },
  { id: 'search', label: 'Search', title: 'Search (Ctrl/⌘+K or /)', icon: Search },
  { id: 'lint', label: 'Lint', title: 'Lint: checks against Event Storming practice', icon: ListChecks, Badge: LintBadge },
];

const INSIGHT_PANELS: Partial<Record<SideTabId, ComponentType>> = {
  statistics: StatisticsPanel,
  timeline: TimelinePanel,
  flows: FlowsPanel,
  map: ContextMapPanel,
  search: SearchPanel,
  lint: LintPanel,
};

/** The insight panel of a tab, or null for the board's own tabs. */
export function InsightPanel({ tab }: { tab: SideTabId }) {
  const Panel = INSIGHT_PANELS[tab];
  return Panel ? <Panel /> : null;
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Ctrl/Cmd+K anywhere, or `/` when no text field has the keyboard: open the search and type. */
export function useSearchShortcuts(): void {
  const panel = usePanelStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey) return;
      const mod = e.ctrlKey || e.metaKey;
      if ((mod && e.key.toLowerCase() === 'k' && !e.shiftKey) || (!mod && e.key === '/' && !isTextEntry(e.target))) {
        e.preventDefault();
        requestSearchFocus(panel);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel]);
}
