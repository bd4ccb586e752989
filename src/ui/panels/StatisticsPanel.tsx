// Statistics: the seed's sections (overview, by type, by context, relationships, coverage), the counts by type and
// by context as small bar charts in the stickies' and the contexts' colours.
import { memo } from 'react';
import { CATALOGUE, ELEMENT_TYPES, type StatisticsReport } from '../../domain';
import type { Insights } from '../../state/insights';
import { useBoard } from '../board/sessionContext';
import { BarChart, type Bar } from './BarChart';
import { PanelArea, EmptyState, PanelFrame, Section } from './PanelParts';
import { useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';

const NO_CONTEXT_COLOR = '#cbd5e1';

export function StatisticsPanel() {
  const { insights, stale } = useInsights();
  return (
    <PanelArea stale={stale}>
      <StatisticsBody insights={insights} />
    </PanelArea>
  );
}

const StatisticsBody = memo(function StatisticsBody({ insights }: { insights: Insights }) {
  usePanelTiming('statistics', insights);
  const report = insights.statistics();
  return (
    <PanelFrame testId="statistics-panel" title="Statistics" summary={report.workshop.name}>
      {report.totals.elements === 0 ? <EmptyStatistics /> : <StatisticsSections report={report} />}
    </PanelFrame>
  );
});

function EmptyStatistics() {
  const readOnly = useBoard((s) => s.access === 'view');
  return (
    <EmptyState testId="statistics-empty" title="Nothing to count yet">
      {readOnly
        ? 'The counts appear here as soon as someone puts stickies on the board.'
        : 'Add a domain event (press E on the board) and the commands that cause it (C); the counts by type and by bounded context, the links and the context coverage appear here as you go.'}
    </EmptyState>
  );
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <div className="text-lg font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </div>
      <div className="text-[11px] text-slate-500">{label}</div>
    </div>
  );
}

function Line({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <div className="flex justify-between py-0.5 text-xs">
      <span className="text-slate-600">{label}</span>
      <span className="font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function StatisticsSections({ report }: { report: StatisticsReport }) {
  const contextColors = useBoard((s) => s.contextsById);
  const byType: Bar[] = ELEMENT_TYPES.map((t) => ({ key: t, label: CATALOGUE[t].label, value: report.by_type[t] ?? 0, color: CATALOGUE[t].color }));
  const byContext: Bar[] = report.contexts.map((c) => ({
    key: c.id,
    label: c.label,
    value: c.elements,
    color: contextColors.get(c.id)?.color ?? NO_CONTEXT_COLOR,
  }));
  const { coverage, relationships } = report;
  return (
    <>
      <Section title="Overview" testId="stat-overview">
        <div className="grid grid-cols-3 gap-2">
          <Figure label="elements" value={report.totals.elements} testId="stat-elements" />
          <Figure label="bounded contexts" value={report.totals.bounded_contexts} testId="stat-contexts" />
          <Figure label="coverage" value={`${coverage.percent.toFixed(1)}%`} testId="stat-coverage" />
        </div>
        <div className="mt-2 text-xs text-slate-500">
          Domain: <span className="text-slate-800" data-testid="stat-domain">{report.workshop.domain || 'Not specified'}</span>
        </div>
      </Section>
      <Section title="Elements by type">
        <BarChart bars={byType} testId="stat-by-type" label="Elements by type" />
      </Section>
      <Section title="Elements by bounded context">
        {byContext.length === 0 ? (
          <p className="text-xs text-slate-500" data-testid="stat-no-contexts">
            No bounded contexts yet: create one in the Contexts tab and assign stickies to it.
          </p>
        ) : (
          <BarChart bars={byContext} testId="stat-by-context" label="Elements by bounded context" />
        )}
      </Section>
      <Section title="Relationships">
        <Line label="Elements with outgoing triggers" value={relationships.elements_with_triggers} testId="stat-with-triggers" />
        <Line label="Elements with incoming triggers" value={relationships.elements_with_triggered_by} testId="stat-with-triggered-by" />
        <Line label="Total trigger links" value={relationships.total_trigger_links} testId="stat-links" />
      </Section>
      <Section title="Context coverage">
        <div
          className="mb-2 flex h-2.5 overflow-hidden rounded-full bg-slate-200"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={coverage.percent}
          aria-label="Share of elements in a bounded context"
        >
          <div className="bg-emerald-500" style={{ width: `${coverage.percent}%` }} />
        </div>
        <Line label="Elements assigned to contexts" value={coverage.elements_in_contexts} testId="stat-assigned" />
        <Line label="Elements without context" value={coverage.elements_without_context} testId="stat-unassigned" />
        <Line label="Coverage" value={`${coverage.percent.toFixed(1)}%`} testId="stat-coverage-line" />
      </Section>
    </>
  );
}
