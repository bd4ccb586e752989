// Lint: the domain's checks of the seed's best practices (events in the past tense, commands that cause an event,
// contexts for everything, …), grouped by rule, each finding a click away from its sticky. The tab carries the
// number of findings.
import { AlertTriangle, CheckCircle2, Info } from 'lucide-react';
import { memo, useEffect, useMemo, useState } from 'react';
import { LINT_RULE_INFO, LINT_RULES, linkKey, type LintFinding, type LintReport, type LintRule } from '../../domain';
import { clearHighlight, setHighlight } from '../../state/highlight';
import type { Insights } from '../../state/insights';
import { useSession } from '../board/sessionContext';
import { PanelArea, EmptyState, PanelFrame } from './PanelParts';
import { useFocusSticky, useIdleInsights, useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';

/** Findings listed per rule at first; the rest on request. */
const FINDINGS_SHOWN = 50;

export function LintPanel() {
  const { insights, stale } = useInsights();
  const { store } = useSession();
  useEffect(() => () => clearHighlight(store, 'lint'), [store]);
  return (
    <PanelArea stale={stale}>
      <LintBody insights={insights} />
    </PanelArea>
  );
}

const LintBody = memo(function LintBody({ insights }: { insights: Insights }) {
  usePanelTiming('lint', insights);
  const report = insights.lint();
  const groups = useMemo(() => {
    const byRule = new Map<LintRule, LintFinding[]>();
    for (const f of report.findings) {
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    return LINT_RULES.filter((r) => byRule.has(r)).map((rule) => ({ rule, findings: byRule.get(rule)! }));
  }, [report]);
  const { warning, info } = report.by_severity;
  return (
    <PanelFrame
      testId="lint-panel"
      title="Lint"
      summary={report.total === 0 ? undefined : `${report.total} ${report.total === 1 ? 'finding' : 'findings'}: ${warning} ${warning === 1 ? 'warning' : 'warnings'}, ${info} info`}
    >
      {insights.snap.elements.length === 0 ? (
        <EmptyState testId="lint-empty" title="Nothing to check yet">
          Lint checks the board against Event Storming’s good practices: events named in the past tense, every command causing an event,
          every event caused by something, every sticky in a bounded context, open hotspots. Add stickies and the findings appear here.
        </EmptyState>
      ) : report.total === 0 ? (
        <div className="m-4 flex items-center gap-2 rounded-lg bg-emerald-50 p-3 text-emerald-800" data-testid="lint-clean">
          <CheckCircle2 size={18} /> No findings: the board follows every check.
        </div>
      ) : (
        <div className="flex flex-col gap-2 p-3">
          {groups.map((g) => (
            <LintGroup key={g.rule} rule={g.rule} findings={g.findings} report={report} />
          ))}
        </div>
      )}
    </PanelFrame>
  );
});

function LintGroup({ rule, findings, report }: { rule: LintRule; findings: LintFinding[]; report: LintReport }) {
  const [all, setAll] = useState(false);
  const { store } = useSession();
  const focusSticky = useFocusSticky();
  const info = LINT_RULE_INFO[rule];
  const shown = all ? findings : findings.slice(0, FINDINGS_SHOWN);
  const point = (f: LintFinding) =>
    setHighlight(store, {
      source: 'lint',
      ids: new Set(f.related_element_id ? [f.element_id, f.related_element_id] : [f.element_id]),
      links: f.related_element_id ? new Set([linkKey(f.element_id, f.related_element_id)]) : undefined,
    });
  const unpoint = () => clearHighlight(store, 'lint');
  return (
    <details open className="rounded-lg border border-slate-200 bg-white" data-testid="lint-group" data-rule={rule}>
      <summary className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-xs font-semibold text-slate-800 hover:bg-slate-50">
        {info.severity === 'warning' ? <AlertTriangle size={14} className="shrink-0 text-amber-600" /> : <Info size={14} className="shrink-0 text-sky-600" />}
        <span className="flex-1">{info.title}</span>
        <span className="rounded-full bg-slate-100 px-1.5 tabular-nums text-slate-700" data-testid="lint-group-count">
          {report.counts[rule]}
        </span>
      </summary>
      <ul className="m-0 list-none border-t border-slate-100 p-1">
        {shown.map((f, i) => (
          <li key={`${f.element_id}:${f.related_element_id ?? ''}:${i}`}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left text-xs hover:bg-slate-100 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500"
              onClick={() => focusSticky(f.element_id)}
              onMouseEnter={() => point(f)}
              onMouseLeave={unpoint}
              onFocus={() => point(f)}
              onBlur={unpoint}
              data-testid="lint-finding"
              data-element-id={f.element_id}
            >
              <span className="block font-semibold text-slate-800">{f.element_name}</span>
              <span className="block text-slate-600">{f.message}</span>
            </button>
          </li>
        ))}
      </ul>
      {findings.length > shown.length && (
        <button type="button" className="mb-2 ml-3 text-xs font-medium text-blue-700 hover:underline" onClick={() => setAll(true)} data-testid="lint-show-all">
          Show all {findings.length}
        </button>
      )}
    </details>
  );
}

/** The number of findings, on the Lint tab: amber while any is a warning. */
export function LintBadge() {
  const insights = useIdleInsights();
  return <LintCount report={insights.lint()} />;
}

const LintCount = memo(function LintCount({ report }: { report: LintReport }) {
  if (report.total === 0) return null;
  const warn = report.by_severity.warning > 0;
  return (
    <span
      className={`absolute right-0.5 top-0.5 min-w-[1.1rem] rounded-full px-1 text-[10px] font-bold leading-4 tabular-nums ${
        warn ? 'bg-amber-500 text-white' : 'bg-sky-100 text-sky-800'
      }`}
      data-testid="lint-badge"
      aria-label={`${report.total} lint findings`}
    >
      {report.total > 999 ? '999+' : report.total}
    </span>
  );
});
