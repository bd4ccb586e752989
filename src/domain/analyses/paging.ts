// Pages over a list, in the original server's parameter names (page, page_size).
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
