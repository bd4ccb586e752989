// Workshop statistics: what is on the board, by type and by context, how it is linked and how much of it has a context.
// The JSON keeps the original server's keys (totals, by_type, by_context, relationships, coverage).
import { ELEMENT_TYPES, countsByType, type ElementType } from '../catalogue';
import type { WorkshopSnapshot } from '../types';
import { inDegree, indexBoard, outDegree } from './board-index';
import { document, markdownText } from './markdown';

export interface StatisticsReport {
  workshop: { id: string; name: string; domain: string };
  totals: { elements: number; bounded_contexts: number };
  /** Every type, in catalogue order, zeros included. */
  by_type: Record<ElementType, number>;
  /** Element count per context name (a shared name gets its context id appended, so both stay). */
  by_context: Record<string, number>;
  /** The same counts with ids, in the order the contexts' stories start on the timeline. */
  contexts: { id: string; name: string; label: string; elements: number }[];
  relationships: { elements_with_triggers: number; elements_with_triggered_by: number; total_trigger_links: number };
  /** `percent` is the share of elements in a context, to one decimal (0 on an empty board). */
  coverage: { elements_in_contexts: number; elements_without_context: number; percent: number };
}

export function statistics(snap: WorkshopSnapshot): StatisticsReport {
  const index = indexBoard(snap);
  const tally = new Map<ElementType, number>();
  const perContext = new Array<number>(index.contexts.length).fill(0);
  let assigned = 0;
  let withTriggers = 0;
  let withTriggeredBy = 0;
  for (let r = 0; r < index.ordered.length; r++) {
    const type = index.ordered[r].type;
    tally.set(type, (tally.get(type) ?? 0) + 1);
    const c = index.contextOf[r];
    if (c >= 0) {
      assigned++;
      perContext[c]++;
    }
    if (outDegree(index, r) > 0) withTriggers++;
    if (inDegree(index, r) > 0) withTriggeredBy++;
  }
  const contexts = index.contexts.map((c, i) => ({ id: c.id, name: c.name, label: index.contextLabels[i], elements: perContext[i] }));
  const byContext: Record<string, number> = {};
  // Defined, not assigned: a context named "__proto__" is a key like any other (assignment would set the prototype).
  for (const c of contexts) Object.defineProperty(byContext, c.label, { value: c.elements, enumerable: true, writable: true, configurable: true });
  const total = index.ordered.length;
  return {
    workshop: { id: snap.meta.id, name: snap.meta.name, domain: snap.meta.domain },
    totals: { elements: total, bounded_contexts: contexts.length },
    by_type: countsByType((t) => tally.get(t) ?? 0),
    by_context: byContext,
    contexts,
    relationships: {
      elements_with_triggers: withTriggers,
      elements_with_triggered_by: withTriggeredBy,
      total_trigger_links: index.linkCount,
    },
    coverage: {
      elements_in_contexts: assigned,
      elements_without_context: total - assigned,
      percent: total === 0 ? 0 : Math.round((assigned / total) * 1000) / 10,
    },
  };
}

export function statisticsMarkdown(report: StatisticsReport): string {
  return document([
    `# Workshop Statistics: ${markdownText(report.workshop.name)}`,
    '',
    '## Overview',
    `- Domain: ${markdownText(report.workshop.domain) || 'Not specified'}`,
    `- Total Elements: ${report.totals.elements}`,
    `- Bounded Contexts: ${report.totals.bounded_contexts}`,
    '',
    '## Elements by Type',
    ...ELEMENT_TYPES.filter((t) => report.by_type[t] !== undefined).map((t) => `- ${t}: ${report.by_type[t]}`),
    '',
    '## Elements by Bounded Context',
    ...(report.contexts.length > 0 ? report.contexts.map((c) => `- ${markdownText(c.label)}: ${c.elements}`) : ['- No bounded contexts yet']),
    '',
    '## Relationships',
    `- Elements with outgoing triggers: ${report.relationships.elements_with_triggers}`,
    `- Elements with incoming triggers: ${report.relationships.elements_with_triggered_by}`,
    `- Total trigger links: ${report.relationships.total_trigger_links}`,
    '',
    '## Context Coverage',
    `- Elements assigned to contexts: ${report.coverage.elements_in_contexts}`,
    `- Elements without context: ${report.coverage.elements_without_context}`,
    `- Coverage: ${report.coverage.percent.toFixed(1)}%`,
  ]);
}
