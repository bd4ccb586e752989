// Bounded context overview: per context, what it holds by type, what it lacks, and how strongly it is coupled to
// the others through trigger links crossing its boundary.
import { ELEMENT_TYPES, countsByType, type ElementType } from '../catalogue';
import type { ContextOverviewInput } from '../schemas';
import type { WorkshopSnapshot } from '../types';
import { indexBoard, type BoardIndex } from './board-index';
import { requireContextFilter } from './filters';
import { document, markdownText, pageLine, plural } from './markdown';
import { paginate, type Pagination } from './paging';
import { elementEntry, entryLines, type DetailLevel, type ElementEntry } from './timeline';

/** The building blocks a context's model is expected to have. */
export const ESSENTIAL_TYPES = ['aggregate', 'event', 'command'] as const satisfies readonly ElementType[];
export type EssentialType = (typeof ESSENTIAL_TYPES)[number];

export interface ContextLinkCount {
  id: string;
  name: string;
  links: number;
}

export interface ContextCoupling {
  /** Links between two elements of this context. */
  internal: number;
  /** Links from this context into other contexts, and those contexts (most links first). */
  outgoing: number;
  to_contexts: ContextLinkCount[];
  /** Links from other contexts into this one, and those contexts (most links first). */
  incoming: number;
  from_contexts: ContextLinkCount[];
  /** Links to and from elements in no context, counted apart. */
  to_unassigned: number;
  from_unassigned: number;
}

export interface ContextSummary {
  id: string;
  name: string;
  /** The name, with the id appended when another context shares it. */
  label: string;
  description: string;
  color: string;
  element_count: number;
  by_type: Record<ElementType, number>;
  /** Essential types with no element here. */
  lacks: EssentialType[];
  coupling: ContextCoupling;
  /** In full detail: the context's elements in timeline order. */
  elements?: ElementEntry[];
}

export interface ContextOverviewReport {
  workshop: { id: string; name: string };
  context_id: string | null;
  detail_level: DetailLevel;
  contexts: ContextSummary[];
  /** Paged over contexts. */
  pagination: Pagination;
  /** Elements in no context, board-wide. */
  unassigned_elements: number;
}

export type ContextOverviewOptions = Partial<Omit<ContextOverviewInput, 'response_format'>>;

interface Tally {
  byType: Record<ElementType, number>;
  count: number;
  /** Ranks of the context's elements, in timeline order. */
  members: number[];
  internal: number;
  /** Link counts per other context index. */
  outgoing: Map<number, number>;
  incoming: Map<number, number>;
  toUnassigned: number;
  fromUnassigned: number;
}

function newTally(): Tally {
  return {
    byType: Object.fromEntries(ELEMENT_TYPES.map((t) => [t, 0])) as Record<ElementType, number>,
    count: 0,
    members: [],
    internal: 0,
    outgoing: new Map(),
    incoming: new Map(),
    toUnassigned: 0,
    fromUnassigned: 0,
  };
}

function bump(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Most links first, then in context order. */
function ranked(index: BoardIndex, counts: Map<number, number>): ContextLinkCount[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([c, links]) => ({ id: index.contexts[c].id, name: index.contextLabels[c], links }));
}

function sum(counts: Map<number, number>): number {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
}

export function contextOverview(snap: WorkshopSnapshot, input: ContextOverviewOptions = {}): ContextOverviewReport {
  const index = indexBoard(snap);
  const detail: DetailLevel = input.detail_level === 'full' ? 'full' : 'summary';
  const onlyId = input.context_id ?? null;
  const chosen: number[] = onlyId !== null ? [requireContextFilter(index, 'context_id', onlyId)] : index.contexts.map((_, i) => i);
  const { items, pagination } = paginate(chosen, input.page, input.page_size);

  // Tallies only for the contexts on this page; one pass over the elements and one over the links.
  const tallies: (Tally | undefined)[] = new Array<Tally | undefined>(index.contexts.length);
  for (const c of items) tallies[c] = newTally();
  const { ordered, contextOf, outStart, outTargets } = index;
  let unassigned = 0;
  for (let r = 0; r < ordered.length; r++) {
    const c = contextOf[r];
    if (c < 0) {
      unassigned++;
      continue;
    }
    const tally = tallies[c];
    if (tally) {
      tally.count++;
      tally.byType[ordered[r].type]++;
      if (detail === 'full') tally.members.push(r);
    }
  }
  for (let r = 0; r < ordered.length; r++) {
    const fromContext = contextOf[r];
    const source = fromContext < 0 ? undefined : tallies[fromContext];
    for (let i = outStart[r]; i < outStart[r + 1]; i++) {
      const toContext = contextOf[outTargets[i]];
      if (fromContext >= 0 && fromContext === toContext) {
        if (source) source.internal++;
        continue;
      }
      if (source) {
        if (toContext < 0) source.toUnassigned++;
        else bump(source.outgoing, toContext);
      }
      const target = toContext < 0 ? undefined : tallies[toContext];
      if (target) {
        if (fromContext < 0) target.fromUnassigned++;
        else bump(target.incoming, fromContext);
      }
    }
  }

  const contexts = items.map((c): ContextSummary => {
    const context = index.contexts[c];
    const t = tallies[c]!;
    const summary: ContextSummary = {
      id: context.id,
      name: context.name,
      label: index.contextLabels[c],
      description: context.description,
      color: context.color,
      element_count: t.count,
      by_type: countsByType((type) => t.byType[type]),
      lacks: ESSENTIAL_TYPES.filter((type) => t.byType[type] === 0),
      coupling: {
        internal: t.internal,
        outgoing: sum(t.outgoing),
        to_contexts: ranked(index, t.outgoing),
        incoming: sum(t.incoming),
        from_contexts: ranked(index, t.incoming),
        to_unassigned: t.toUnassigned,
        from_unassigned: t.fromUnassigned,
      },
    };
    if (detail === 'full') summary.elements = t.members.map((r) => elementEntry(index, r, 'full'));
    return summary;
  });

  return {
    workshop: { id: snap.meta.id, name: snap.meta.name },
    context_id: onlyId,
    detail_level: detail,
    contexts,
    pagination,
    unassigned_elements: unassigned,
  };
}

function linkList(counts: ContextLinkCount[]): string {
  return counts.map((c) => `${markdownText(c.name)}: ${c.links}`).join(', ');
}

function contextLines(c: ContextSummary): string[] {
  const kinds = ELEMENT_TYPES.filter((t) => c.by_type[t] > 0).map((t) => `${t} ${c.by_type[t]}`);
  const k = c.coupling;
  const lines = ['', `## ${markdownText(c.label)}`];
  if (c.description.trim()) lines.push(markdownText(c.description));
  lines.push(
    `- Elements: ${c.element_count}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
    `- Lacks: ${c.lacks.length > 0 ? c.lacks.map((t) => `no ${t}`).join(', ') : 'nothing (has aggregate, event and command)'}`,
    `- Links within: ${k.internal}`,
    `- Triggers into other contexts: ${k.outgoing}${k.to_contexts.length > 0 ? ` (${linkList(k.to_contexts)})` : ''}`,
    `- Triggered from other contexts: ${k.incoming}${k.from_contexts.length > 0 ? ` (${linkList(k.from_contexts)})` : ''}`,
    `- Links with elements in no context: ${k.to_unassigned} out, ${k.from_unassigned} in`,
  );
  if (c.elements) {
    lines.push('', '### Elements');
    if (c.elements.length === 0) lines.push('No elements yet.');
    for (const entry of c.elements) lines.push(...entryLines({ ...entry, context: null }));
  }
  return lines;
}

export function contextOverviewMarkdown(report: ContextOverviewReport): string {
  const lines: (string | null)[] = ['# Bounded Context Overview'];
  if (report.pagination.total === 0) {
    lines.push('', 'No bounded contexts yet: create one and assign elements to it to see its overview.');
    return document(lines);
  }
  const paging = pageLine(report.pagination, 'context');
  if (paging) lines.push('', paging);
  if (report.context_id === null) lines.push('', `Elements in no context: ${report.unassigned_elements}`);
  if (report.contexts.length === 0) lines.push('', `No contexts on this page (${plural(report.pagination.total, 'context')}).`);
  for (const c of report.contexts) lines.push(...contextLines(c));
  return document(lines);
}
