// Small pieces every analysis' Markdown shares, so the six reports read alike, and the one way user text enters
// Markdown: escaped, so no name, description or note becomes HTML, a link, an image or formatting anywhere.
import type { ElementType } from '../catalogue';
import { LIMITS } from '../schemas';
import type { Pagination } from './paging';

/** Text on one line: runs of whitespace (newlines included) become one space. For data; Markdown uses markdownText. */
export function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * What a renderer would read as Markdown or HTML, wherever it stands: `& < >` (raw HTML, entities, autolinks);
 * the punctuation of code, emphasis, strike-through, links, images, headings and tables; a scheme's colon
 * (`javascript:`, `http:`, `mailto:`), `//`, a dot before letters (`www.evil.com`) and an address's `@`
 * (`a@b.com`), so no autolinker (GFM's, linkify's) finds a link.
 */
const SPECIAL = /[&<>\\`*_[\]|~#]|:(?<=[A-Za-z][A-Za-z0-9+.-]*:)(?=\S)|\/(?=\/)|\.(?<=\S\.)(?=\p{L})|@(?<=\S@)(?=\S)/gu;

/** The longest user text shown whole: what the schemas allow any field. Only a peer past the limits writes more. */
export const MAX_TEXT_CHARS = LIMITS.textLength;

/**
 * User text (a name, description, note, id, query) as Markdown text on one line, read back as written: whitespace
 * runs folded to one space (so it cannot start a block), HTML's `& < >` as entities, Markdown punctuation and
 * link-making characters backslash-escaped, and a line start that would open a list or underline a heading
 * escaped. Letters, Korean and ordinary punctuation stay as they are. Text beyond MAX_TEXT_CHARS is cut with a
 * mark: `… [cut: 995,000 more characters]`.
 */
export function markdownText(text: string): string {
  const line = inline(text);
  let shown = line;
  if (line.length > MAX_TEXT_CHARS) {
    const end = /[\uD800-\uDBFF]/.test(line[MAX_TEXT_CHARS - 1]) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
    shown = line.slice(0, end).trimEnd();
  }
  const escaped = shown
    .replace(SPECIAL, (c) => ENTITY[c] ?? `\\${c}`)
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
  return shown === line ? escaped : `${escaped} … [cut: ${(line.length - shown.length).toLocaleString('en')} more characters]`;
}

const PLAIN_ID = /^[A-Za-z0-9_-]+$/;

/** An id as Markdown: a code span when it is a plain token (the ids we make), else escaped text. */
export function markdownId(id: string): string {
  return PLAIN_ID.test(id) ? `\`${id}\`` : markdownText(id);
}

export function formatPosition(position: number): string {
  return String(position);
}

/** `[event] Order Placed` */
export function tag(element: { type: ElementType; name: string }): string {
  return `[${element.type}] ${markdownText(element.name)}`;
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
