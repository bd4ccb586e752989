// The timeline: elements in the order their story happens (position, then the type's row, then name), filtered and paged.
import type { ElementType } from '../catalogue';
import type { TimelineInput } from '../schemas';
import type { BoardElement, WorkshopSnapshot } from '../types';
import { contextIdAt, contextLabelAt, indexBoard, triggeredByAt, triggersAt, type BoardIndex } from './board-index';
import { chapterAt, chapters as chaptersOf, type Chapter } from './chapters';
import { requireContextFilter } from './filters';
import { document, formatPosition, markdownText, pageLine, tag } from './markdown';
import { paginate, type Pagination } from './paging';

export type DetailLevel = 'summary' | 'full';

export interface ElementRef {
  id: string;
  type: ElementType;
  name: string;
}

/** An element as the analyses list it; `full` detail adds its text and its links by name. */
export interface ElementEntry extends ElementRef {
  position: number;
  bounded_context_id: string | null;
  /** The context's name (with its id when two contexts share the name), or null. */
  context: string | null;
  /** On a pivotal domain event only. */
  pivotal?: true;
  /** The chapter it is in (1-based), when the board has pivotal events. */
  chapter?: number;
  description?: string;
  notes?: string;
  triggers?: ElementRef[];
  triggered_by?: ElementRef[];
}

export interface TimelineReport {
  workshop: { id: string; name: string };
  filters: { element_type: ElementType | null; bounded_context_id: string | null; context: string | null };
  detail_level: DetailLevel;
  timeline: ElementEntry[];
  /** The chapters the pivotal events cut the whole timeline into (whatever the filters); absent when there are none. */
  chapters?: Chapter[];
  pagination: Pagination;
}

export type TimelineOptions = Partial<Omit<TimelineInput, 'response_format'>>;

function ref(e: BoardElement): ElementRef {
  return { id: e.id, type: e.type, name: e.name };
}

/** Rank r's element as the analyses list it. */
export function elementEntry(index: BoardIndex, r: number, detail: DetailLevel): ElementEntry {
  const e = index.ordered[r];
  const entry: ElementEntry = {
    id: e.id,
    type: e.type,
    name: e.name,
    position: e.position,
    bounded_context_id: contextIdAt(index, r),
    context: contextLabelAt(index, r),
  };
  if (e.pivotal) entry.pivotal = true;
  if (detail === 'full') {
    entry.description = e.description;
    entry.notes = e.notes;
    entry.triggers = triggersAt(index, r).map(ref);
    entry.triggered_by = triggeredByAt(index, r).map(ref);
  }
  return entry;
}

/** `- **0** [event] Order Placed (Order Management)`, and in full detail the element's text and links beneath. */
export function entryLines(entry: ElementEntry): string[] {
  const lines = [`- **${formatPosition(entry.position)}** ${tag(entry)}${entry.pivotal ? ' — pivotal' : ''}${entry.context !== null ? ` (${markdownText(entry.context)})` : ''}`];
  if (entry.description) lines.push(`  - Description: ${markdownText(entry.description)}`);
  if (entry.notes) lines.push(`  - Notes: ${markdownText(entry.notes)}`);
  if (entry.triggers?.length) lines.push(`  - Triggers: ${entry.triggers.map((r) => markdownText(r.name)).join(', ')}`);
  if (entry.triggered_by?.length) lines.push(`  - Triggered by: ${entry.triggered_by.map((r) => markdownText(r.name)).join(', ')}`);
  return lines;
}

export function timeline(snap: WorkshopSnapshot, input: TimelineOptions = {}): TimelineReport {
  const index = indexBoard(snap);
  const detail: DetailLevel = input.detail_level === 'full' ? 'full' : 'summary';
  const contextId = input.bounded_context_id ?? null;
  const context = contextId === null ? -1 : requireContextFilter(index, 'bounded_context_id', contextId);
  const type = input.element_type ?? null;
  const matching: number[] = [];
  for (let r = 0; r < index.ordered.length; r++) {
    if ((type === null || index.ordered[r].type === type) && (context < 0 || index.contextOf[r] === context)) matching.push(r);
  }
  const { items, pagination } = paginate(matching, input.page, input.page_size);
  const parts = chaptersOf(snap.elements);
  const cuts = parts.flatMap((c) => (c.until === null ? [] : [c.until]));
  const entries = items.map((r) => {
    const entry = elementEntry(index, r, detail);
    if (parts.length > 0) entry.chapter = chapterAt(cuts, entry.position);
    return entry;
  });
  return {
    workshop: { id: snap.meta.id, name: snap.meta.name },
    filters: { element_type: type, bounded_context_id: contextId, context: context < 0 ? null : index.contextLabels[context] },
    detail_level: detail,
    timeline: entries,
    ...(parts.length > 0 ? { chapters: parts } : {}),
    pagination,
  };
}

export function filterLine(filters: { element_type: ElementType | null; context: string | null }): string | null {
  const parts: string[] = [];
  if (filters.element_type) parts.push(`type ${filters.element_type}`);
  if (filters.context !== null) parts.push(`context ${markdownText(filters.context)}`);
  return parts.length > 0 ? `Filter: ${parts.join(', ')}` : null;
}

export function timelineMarkdown(report: TimelineReport): string {
  const chapterLine = report.chapters
    ? `Chapters: ${report.chapters.map((c) => `${c.index}. ${markdownText(c.name)} (${c.element_count})`).join(' · ')}`
    : null;
  const header = [filterLine(report.filters), chapterLine, pageLine(report.pagination, 'element')].filter((l) => l !== null);
  const body = report.timeline.flatMap(entryLines);
  return document([
    `# Timeline: ${markdownText(report.workshop.name)}`,
    '',
    ...header,
    header.length > 0 ? '' : null,
    ...(body.length > 0 ? body : [report.pagination.total === 0 ? 'No elements match.' : 'No elements on this page.']),
  ]);
}
