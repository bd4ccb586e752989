// Context map: one card per bounded context (the domain's context overview): what it holds by type, which of the
// essential building blocks it lacks, and its coupling — trigger links within it, into and from the other contexts
// (named), and with stickies in no context. Hovering a card lights its stickies up on the board.
import { Check, Eye, EyeOff, Focus } from 'lucide-react';
import { memo, useEffect, useMemo } from 'react';
import { CATALOGUE, ELEMENT_TYPES, type ContextLinkCount, type ContextSummary } from '../../domain';
import { setFocusContext } from '../../state/boardStore';
import { clearHighlight, setHighlight } from '../../state/highlight';
import type { Insights } from '../../state/insights';
import { useBoard, useSession } from '../board/sessionContext';
import { usePanelStore } from './panelState';
import { PanelArea, EmptyState, PanelFrame, TypeSwatch } from './PanelParts';
import { useFitStickies, useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';

export function ContextMapPanel() {
  const { insights, stale } = useInsights();
  const { store } = useSession();
  useEffect(() => () => clearHighlight(store, 'contexts'), [store]);
  return (
    <PanelArea stale={stale}>
      <ContextMapBody insights={insights} />
    </PanelArea>
  );
}

const ContextMapBody = memo(function ContextMapBody({ insights }: { insights: Insights }) {
  usePanelTiming('contexts', insights);
  const report = insights.contexts();
  const panel = usePanelStore();
  const members = useMemo(() => {
    const byContext = new Map<string, string[]>();
    for (const e of insights.snap.elements) {
      if (!e.contextId) continue;
      const list = byContext.get(e.contextId);
      if (list) list.push(e.id);
      else byContext.set(e.contextId, [e.id]);
    }
    return byContext;
  }, [insights]);
  const count = report.contexts.length;
  return (
    <PanelFrame testId="context-map-panel" title="Context map" summary={`${count} ${count === 1 ? 'context' : 'contexts'}`}>
      {count === 0 ? (
        <EmptyState testId="context-map-empty" title="No bounded contexts yet">
          <p className="mb-2">
            A bounded context is the part of the domain one model owns. Create one, assign its stickies to it, and this map shows what each
            holds, what it lacks and how it is coupled to the others.
          </p>
          <button type="button" className="font-medium text-blue-700 hover:underline" onClick={() => panel.setState({ tab: 'contexts', open: true })}>
            Create a context in the Contexts tab →
          </button>
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-2 p-3">
          {report.contexts.map((c) => (
            <ContextCard key={c.id} context={c} members={members.get(c.id) ?? []} />
          ))}
          <p className="px-1 text-xs text-slate-500" data-testid="context-map-unassigned">
            Stickies in no context: <b className="text-slate-800">{report.unassigned_elements}</b>
          </p>
        </div>
      )}
    </PanelFrame>
  );
});

function linkNames(list: readonly ContextLinkCount[]): string {
  return list.map((c) => `${c.name} (${c.links})`).join(', ');
}

function ContextCard({ context: c, members }: { context: ContextSummary; members: readonly string[] }) {
  const { store } = useSession();
  const fitStickies = useFitStickies();
  const focused = useBoard((s) => s.focusContextId === c.id);
  const k = c.coupling;
  const kinds = ELEMENT_TYPES.filter((t) => (c.by_type[t] ?? 0) > 0);
  const show = () => setHighlight(store, { source: 'contexts', ids: new Set(members) });
  const hide = () => clearHighlight(store, 'contexts');
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-3"
      style={{ borderLeft: `5px solid ${c.color}` }}
      onMouseEnter={show}
      onMouseLeave={hide}
      data-testid="context-card"
      data-context-id={c.id}
      aria-label={`Bounded context ${c.label}`}
    >
      <div className="flex items-center gap-2">
        <h3 className="min-w-0 flex-1 truncate font-semibold text-slate-900" data-testid="context-card-name">
          {c.label}
        </h3>
        <span className="shrink-0 text-xs tabular-nums text-slate-500" data-testid="context-card-count">
          {c.element_count} {c.element_count === 1 ? 'sticky' : 'stickies'}
        </span>
        <button
          type="button"
          className="btn-icon !h-6 !w-6"
          title="Show its stickies"
          aria-label={`Show the stickies of ${c.label}`}
          disabled={members.length === 0}
          onClick={() => fitStickies(members)}
          data-testid="context-card-show"
        >
          <Focus size={14} />
        </button>
        <button
          type="button"
          className={`btn-icon !h-6 !w-6 ${focused ? 'bg-blue-100 text-blue-700' : ''}`}
          title={focused ? 'Show the whole board again' : 'Dim everything outside this context'}
          aria-pressed={focused}
          onClick={() => setFocusContext(store, focused ? null : c.id)}
          data-testid="context-card-focus"
        >
          {focused ? <EyeOff size={14} /> : <Eye size={14} />}
        </button>
      </div>
      {c.description.trim() && <p className="mt-1 text-xs text-slate-500">{c.description}</p>}
      {kinds.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Stickies by type" data-testid="context-card-types">
          {kinds.map((t) => (
            <li key={t} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-700" data-type={t}>
              <TypeSwatch type={t} size={8} />
              {CATALOGUE[t].label} <b className="tabular-nums">{c.by_type[t]}</b>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 text-xs" data-testid="context-card-lacks">
        {c.lacks.length === 0 ? (
          <span className="inline-flex items-center gap-1 text-emerald-700">
            <Check size={13} /> Has an aggregate, an event and a command
          </span>
        ) : (
          <span className="text-amber-700">Lacks: {c.lacks.map((t) => `no ${CATALOGUE[t].label.toLowerCase()}`).join(', ')}</span>
        )}
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" data-testid="context-card-coupling">
        <dt className="text-slate-500">Within</dt>
        <dd className="text-slate-800" data-testid="coupling-internal">
          {k.internal} {k.internal === 1 ? 'link' : 'links'}
        </dd>
        <dt className="text-slate-500">Out →</dt>
        <dd className="text-slate-800" data-testid="coupling-out">
          {k.outgoing}
          {k.to_contexts.length > 0 && <span className="text-slate-500"> to {linkNames(k.to_contexts)}</span>}
        </dd>
        <dt className="text-slate-500">In ←</dt>
        <dd className="text-slate-800" data-testid="coupling-in">
          {k.incoming}
          {k.from_contexts.length > 0 && <span className="text-slate-500"> from {linkNames(k.from_contexts)}</span>}
        </dd>
        {(k.to_unassigned > 0 || k.from_unassigned > 0) && (
          <>
            <dt className="text-slate-500">No context</dt>
            <dd className="text-slate-800">
              {k.to_unassigned} out, {k.from_unassigned} in
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
