// Pages over a list, in the original server's parameter names (page, page_size), and lines cut to a length.
export interface Pagination {
  page: number;
  page_size: number;
  /** Items across all pages. */
  total: number;
  /** Number of pages; at least 1, even when there is nothing to show. */
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 50;

function wholeAtLeastOne(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export function paginate<T>(items: readonly T[], page?: number, pageSize?: number): { items: T[]; pagination: Pagination } {
  const size = wholeAtLeastOne(pageSize, DEFAULT_PAGE_SIZE);
  const at = wholeAtLeastOne(page, 1);
  const start = (at - 1) * size;
  return {
    items: items.slice(start, start + size),
    pagination: { page: at, page_size: size, total: items.length, pages: Math.max(1, Math.ceil(items.length / size)) },
  };
}

/** The longest line an answer shows whole: a line of several fields, each as long as the schemas allow, fits. */
export const MAX_LINE_CHARS = 20_000;
/** How much of an overlong line's end stays after its cut (a list line's ids and counts are at its end). */
const KEPT_END = 300;

/** Where to end a kept start: never inside a surrogate pair, an entity (`&lt;`), a backslash escape or a delimiter run. */
function safeEnd(line: string, at: number): number {
  let end = at;
  // Not inside a run of our own delimiters (`**` of bold, backticks of an id).
  while (end > 0 && (line[end] === '*' || line[end] === '`') && line[end - 1] === line[end]) end--;
  const entity = /&[#\w]{0,8}$/.exec(line.slice(Math.max(0, end - 9), end));
  if (entity) end -= entity[0].length;
  let slashes = 0;
  while (end - slashes > 0 && line[end - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1) end--;
  if (end > 0 && /[\uD800-\uDBFF]/.test(line[end - 1])) end--;
  return end;
}

/** Where to start a kept end: never inside a surrogate pair, an entity or a delimiter run, nor on an escaped character. */
function safeStart(line: string, at: number): number {
  let start = at;
  const entity = /&[#\w]{0,8}$/.exec(line.slice(Math.max(0, start - 9), start));
  if (entity) {
    const close = /^[#\w]{0,8};/.exec(line.slice(start, start + 10));
    if (close) start += close[0].length;
  }
  let slashes = 0;
  while (start - slashes > 0 && line[start - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1) start++;
  if (start < line.length && /[\uDC00-\uDFFF]/.test(line[start])) start++;
  while (start < line.length && (line[start] === '*' || line[start] === '`') && line[start - 1] === line[start]) start++;
  return start;
}

/**
 * One line no longer than `max`: an overlong one keeps its start and its last few hundred characters, and says
 * how much it left out between them: `… [cut: 989,700 characters] …`.
 */
export function cutLine(line: string, max = MAX_LINE_CHARS): string {
  if (line.length <= max) return line;
  const keptEnd = Math.min(KEPT_END, Math.floor(max / 4));
  const end = safeEnd(line, Math.max(0, max - keptEnd - 40));
  const start = safeStart(line, line.length - keptEnd);
  return `${line.slice(0, end)} … [cut: ${(start - end).toLocaleString('en')} characters] … ${line.slice(start)}`;
}

/** Text with every overlong line cut (see cutLine); the lines themselves all stay. */
export function cutLongLines(text: string, max = MAX_LINE_CHARS): string {
  if (text.length <= max) return text;
  return text
    .split('\n')
    .map((line) => cutLine(line, max))
    .join('\n');
}
