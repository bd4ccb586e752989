// Search: case-insensitive and Unicode-aware (NFKC, then lower case, so full-width Latin and composed or decomposed
// Hangul all match) over name, description and notes; name matches rank first.
import type { ElementType } from '../catalogue';
import type { SearchInput } from '../schemas';
import type { BoardElement, WorkshopSnapshot } from '../types';
import { indexBoard } from './board-index';
import { requireContextFilter } from './filters';
import { document, inline, markdownText, pageLine, plural } from './markdown';
import { paginate, type Pagination } from './paging';
import { elementEntry, entryLines, filterLine, type DetailLevel, type ElementEntry } from './timeline';

export type SearchField = 'name' | 'description' | 'notes';
/** Best first: the whole name, the start of the name, anywhere in the name, the description, the notes. */
export const SEARCH_MATCHES = ['exact_name', 'name_prefix', 'name', 'description', 'notes'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export interface SearchHit extends ElementEntry {
  /** The field the query was found in (the best one when several match). */
  matched_field: SearchField;
  match: SearchMatch;
  /** The matched text around the match, on one line. */
  excerpt: string;
}

export interface SearchReport {
  workshop: { id: string; name: string };
  query: string;
  filters: { element_type: ElementType | null; bounded_context_id: string | null; context: string | null };
  detail_level: DetailLevel;
  matches: SearchHit[];
  pagination: Pagination;
}

export type SearchOptions = Pick<SearchInput, 'query'> & Partial<Omit<SearchInput, 'query' | 'response_format'>>;

const ASCII = /^[\x00-\x7f]*$/;

/** The form both the query and the text are compared in. */
export function foldForSearch(text: string): string {
  // NFKC leaves ASCII unchanged; skipping it there keeps a 10,000-element search well under a frame.
  return (ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
}

const EXCERPT_REACH = 40;

function excerptOf(text: string, folded: string, at: number, length: number): string {
  const shown = ASCII.test(text) ? text : text.normalize('NFKC');
  // Lower-casing can change a string's length (İ → i̇); then the match position is not trustworthy, show the start.
  const aligned = shown.length === folded.length;
  const from = aligned ? Math.max(0, at - EXCERPT_REACH) : 0;
  const to = aligned ? Math.min(shown.length, at + length + EXCERPT_REACH) : Math.min(shown.length, 2 * EXCERPT_REACH);
  return `${from > 0 ? '…' : ''}${inline(shown.slice(from, to))}${to < shown.length ? '…' : ''}`;
}

/** The best kind of match of `query` (already folded) in the element, or null. */
function matchOf(e: BoardElement, query: string): SearchMatch | null {
  const name = foldForSearch(e.name);
  if (name === query) return 'exact_name';
  if (name.startsWith(query)) return 'name_prefix';
  if (name.includes(query)) return 'name';
  if (e.description && foldForSearch(e.description).includes(query)) return 'description';
  if (e.notes && foldForSearch(e.notes).includes(query)) return 'notes';
  return null;
}

function fieldOf(match: SearchMatch): SearchField {
  return match === 'description' || match === 'notes' ? match : 'name';
}

/** Only for the hits on the page: the text around the match. */
function excerptFor(e: BoardElement, field: SearchField, query: string): string {
  if (field === 'name') return inline(e.name);
  const text = e[field];
  const folded = foldForSearch(text);
  return excerptOf(text, folded, folded.indexOf(query), query.length);
}

export function search(snap: WorkshopSnapshot, input: SearchOptions): SearchReport {
  const index = indexBoard(snap);
  const detail: DetailLevel = input.detail_level === 'full' ? 'full' : 'summary';
  const contextId = input.bounded_context_id ?? null;
  const context = contextId === null ? -1 : requireContextFilter(index, 'bounded_context_id', contextId);
  const type = input.element_type ?? null;
  const query = foldForSearch(input.query).trim();

  // One bucket per kind of match, each filled in timeline order, so ties within a rank stay in timeline order.
  const buckets: number[][] = SEARCH_MATCHES.map(() => []);
  if (query.length > 0) {
    for (let r = 0; r < index.ordered.length; r++) {
      const e = index.ordered[r];
      if (type !== null && e.type !== type) continue;
      if (context >= 0 && index.contextOf[r] !== context) continue;
      const match = matchOf(e, query);
      if (match !== null) buckets[SEARCH_MATCHES.indexOf(match)].push(r);
    }
  }
  const ranked = buckets.flatMap((bucket, kind) => bucket.map((rank) => ({ rank, match: SEARCH_MATCHES[kind] })));
  const { items, pagination } = paginate(ranked, input.page, input.page_size);
  return {
    workshop: { id: snap.meta.id, name: snap.meta.name },
    query: input.query,
    filters: { element_type: type, bounded_context_id: contextId, context: context < 0 ? null : index.contextLabels[context] },
    detail_level: detail,
    matches: items.map(({ rank, match }) => {
      const field = fieldOf(match);
      return { ...elementEntry(index, rank, detail), matched_field: field, match, excerpt: excerptFor(index.ordered[rank], field, query) };
    }),
    pagination,
  };
}

export function searchMarkdown(report: SearchReport): string {
  const lines: (string | null)[] = [
    `# Search Results: "${markdownText(report.query)}"`,
    '',
    `Found ${plural(report.pagination.total, 'matching element')}.`,
    filterLine(report.filters),
    pageLine(report.pagination, 'result'),
  ];
  if (report.matches.length > 0) lines.push('');
  else if (report.pagination.total > 0) lines.push('', 'No results on this page.');
  for (const hit of report.matches) {
    const [first, ...rest] = entryLines(hit);
    const where = hit.matched_field === 'name' ? '' : ` — ${hit.matched_field}: “${markdownText(hit.excerpt)}”`;
    lines.push(`${first}${where}`, ...rest);
  }
  return document(lines);
}
