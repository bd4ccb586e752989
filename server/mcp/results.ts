// How a tool answers: JSON or Markdown text; an EventStormError becomes an isError result that says what to fix.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { cutLine, cutLongLines, EventStormError } from '../../src/domain';

/** Longest text one answer carries; longer Markdown is cut at a line boundary, never mid-line. */
export const MAX_ANSWER_CHARS = 60_000;

/**
 * Text that fits one answer: an overlong line (a name a peer wrote a million characters long) is cut with a mark
 * and every line after it stays; beyond `limit`, the answer ends at a line boundary and says how many lines
 * follow.
 */
export function fitLines(text: string, limit = MAX_ANSWER_CHARS): string {
  const lines = cutLongLines(text);
  if (lines.length <= limit) return lines;
  const cut = lines.lastIndexOf('\n', limit);
  const firstLine = lines.indexOf('\n');
  const end = cut > 0 ? cut : firstLine < 0 ? lines.length : firstLine;
  const kept = cutLine(lines.slice(0, end), limit);
  const omitted = lines.slice(end).split('\n').filter(Boolean).length;
  return `${kept}\n\n… ${omitted} more lines not shown: ask for the next page (page, page_size) or narrow the filters.`;
}

export function answerJson(data: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(data, null, 2) }] };
}

export function answerText(text: string): CallToolResult {
  return { content: [{ type: 'text', text: fitLines(text) }] };
}

const HINTS: Record<EventStormError['code'], string> = {
  not_found: 'Check the id: eventstorming_list_workshops lists workshops, eventstorming_get_timeline lists element ids, eventstorming_get_context_overview lists context ids.',
  invalid: 'Fix the named fields and call again; nothing was changed.',
  conflict: 'Nothing was changed.',
};

export function answerError(error: unknown): CallToolResult {
  if (error instanceof EventStormError) {
    const details = error.issues.filter((i) => i.path || i.message).map((i) => `- ${i.path ? `${i.path}: ` : ''}${i.message}`);
    const text = [`Error (${error.code}): ${error.message}`, ...(details.length > 1 ? details : []), HINTS[error.code]].join('\n');
    return { content: [{ type: 'text', text: fitLines(text) }], isError: true };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { content: [{ type: 'text', text: fitLines(`Error: ${message}`) }], isError: true };
}
