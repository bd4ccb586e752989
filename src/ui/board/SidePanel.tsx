// The right-hand panel: one tab per concern — the selected sticky, the contexts, and the insight panels
// (statistics, timeline, flows, context map, search, lint; src/ui/panels).
import type { KeyboardEvent } from 'react';
import { useSideTab } from '../panels/panelState';
import { NamePrompt } from '../presence/NamePrompt';
import { InsightPanel, SIDE_TAB_LIST as TABS, useSearchShortcuts } from '../panels/sideTabs';
import { ContextsPanel } from './ContextsPanel';
import { Inspector } from './Inspector';

/** Left and right arrows move between the tabs, as in any tab list. */
function onTabKey(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  e.preventDefault();
  const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
  next.focus();
  next.click();
}

export function SidePanel() {
  const [tab, setTab] = useSideTab();
  useSearchShortcuts();
  return (
    <aside className="z-10 flex w-[320px] shrink-0 flex-col border-l border-slate-200 bg-white" data-testid="side-panel">
      <NamePrompt />
      <div className="flex border-b border-slate-200" role="tablist" aria-label="Side panel" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            title={t.title}
            aria-label={t.label}
            className={`relative flex h-10 flex-1 items-center justify-center ${tab === t.id ? 'border-b-2 border-blue-600 text-blue-700' : 'border-b-2 border-transparent text-slate-500 hover:text-slate-800'}`}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            <t.icon size={18} aria-hidden="true" />
            {t.Badge && <t.Badge />}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto" role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.title}>
        {tab === 'inspector' ? <Inspector /> : tab === 'contexts' ? <ContextsPanel /> : <InsightPanel tab={tab} />}
      </div>
    </aside>
  );
}
