// The right-hand panel: one tab per concern. Issue 6's insight panels (statistics, timeline, flows, …) join here.
import { useState } from 'react';
import { ContextsPanel } from './ContextsPanel';
import { Inspector } from './Inspector';

const TABS = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'contexts', label: 'Contexts' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function SidePanel() {
  const [tab, setTab] = useState<TabId>('inspector');
  return (
    <aside className="z-10 flex w-[320px] shrink-0 flex-col border-l border-slate-200 bg-white" data-testid="side-panel">
      <div className="flex border-b border-slate-200" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={`flex-1 px-3 py-2 text-sm font-medium ${tab === t.id ? 'border-b-2 border-blue-600 text-blue-700' : 'text-slate-500 hover:text-slate-800'}`}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{tab === 'inspector' ? <Inspector /> : <ContextsPanel />}</div>
    </aside>
  );
}
