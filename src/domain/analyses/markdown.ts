// Small pieces every analysis' Markdown shares, so the six reports read alike.
import type { ElementType } from '../catalogue';
import type { Pagination } from './paging';

/** Text on one Markdown line: runs of whitespace (newlines included) become one space. */
export function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function formatPosition(position: number): string {
  return String(position);
}

/** `[event] Order Placed` */
export function tag(element: { type: ElementType; name: string }): string {
  return `[${element.type}] ${inline(element.name)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Page 1 of 2 (60 elements)", or null when everything fits on one page. */
export function pageLine(pagination: Pagination, noun: string, nouns = `${noun}s`): string | null {
  if (pagination.pages <= 1) return null;
  return `Page ${pagination.page} of ${pagination.pages} (${plural(pagination.total, noun, nouns)})`;
}

/** Join lines, dropping nulls. */
export function document(lines: readonly (string | null)[]): string {
  return lines.filter((l): l is string => l !== null).join('\n');
}
