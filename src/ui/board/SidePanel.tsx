// The right-hand panel: one tab per concern — the selected sticky, the contexts, and the insight panels
// (statistics, timeline, flows, context map, search, lint; src/ui/panels). Folded, it is a rail of its tab icons
// and the canvas has the width: a board opens that way, to be read whole. A tab, a shortcut or a selected sticky
// opens it; the fold button (or `\`) folds it again, and a fold by hand is remembered.
import { PanelRightClose, PanelRightOpen } from 'lucide-react';
import { useEffect, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { revealInspector, setPanelOpen, usePanelStore, useSideTab } from '../panels/panelState';
import { InsightPanel, SIDE_TAB_LIST as TABS, useSearchShortcuts } from '../panels/sideTabs';
import { ContextsPanel } from './ContextsPanel';
import { Inspector } from './Inspector';
import { useBoard } from './sessionContext';

/** Arrow keys move between the tabs, as in any tab list. */
function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
  const forward = e.key === 'ArrowRight' || e.key === 'ArrowDown';
  if (!forward && e.key !== 'ArrowLeft' && e.key !== 'ArrowUp') return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  const next = tabs[(at + (forward ? 1 : tabs.length - 1)) % tabs.length];
  next.focus();
  next.click();
}

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

export function SidePanel() {
  const [tab, setTab] = useSideTab();
  const panel = usePanelStore();
  const open = useStore(panel, (s) => s.open);
  const selected = useBoard((s) => s.selectedIds.length > 0);
  useSearchShortcuts();

  useEffect(() => {
    if (selected) revealInspector(panel);
  }, [selected, panel]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '\\' || e.metaKey || e.ctrlKey || e.altKey || isTextEntry(e.target)) return;
      e.preventDefault();
      setPanelOpen(panel, !panel.getState().open);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel]);

  const fold = (
    <button
      type="button"
      className="flex h-10 w-10 shrink-0 items-center justify-center text-slate-500 hover:text-slate-800"
      onClick={() => setPanelOpen(panel, !open)}
      title={open ? 'Fold the panel away (\\)' : 'Open the panel (\\)'}
      aria-label={open ? 'Fold the side panel' : 'Open the side panel'}
      aria-expanded={open}
      data-testid="side-panel-toggle"
    >
      {open ? <PanelRightClose size={18} aria-hidden="true" /> : <PanelRightOpen size={18} aria-hidden="true" />}
    </button>
  );

  return (
    <aside
      className={`z-10 flex shrink-0 flex-col border-l border-slate-200 bg-white ${open ? 'w-[320px]' : 'w-11'}`}
      data-testid="side-panel"
      data-open={open ? 'true' : 'false'}
    >
      <div
        className={`flex border-b border-slate-200 ${open ? '' : 'flex-col items-center border-b-0'}`}
        role="tablist"
        aria-label="Side panel"
        aria-orientation={open ? 'horizontal' : 'vertical'}
        onKeyDown={onTabKey}
      >
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            title={t.title}
            aria-label={t.label}
            className={`relative flex h-10 items-center justify-center ${open ? 'flex-1' : 'w-11'} ${open && tab === t.id ? 'border-b-2 border-blue-600 text-blue-700' : 'border-b-2 border-transparent text-slate-500 hover:text-slate-800'}`}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            <t.icon size={18} aria-hidden="true" />
            {t.Badge && <t.Badge />}
          </button>
        ))}
        {fold}
      </div>
      {open && (
        <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.title}>
          {tab === 'inspector' ? <Inspector /> : tab === 'contexts' ? <ContextsPanel /> : <InsightPanel tab={tab} />}
        </div>
      )}
    </aside>
  );
}
