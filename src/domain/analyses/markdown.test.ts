import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownId, markdownText, MAX_TEXT_CHARS } from './markdown';
import { folded, HOSTILE_TEXTS, renderMarkdown } from '../../../test-support/markdown-html';

/** What markdown-it writes for text: & < > " as entities. */
function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The places our renderers put user text (X), from a paragraph of its own to a bold name in a list item. */
const PLACES = [
  'X',
  '# Timeline: X',
  '## X',
  '- **0** [event] X (X)',
  '- **0** [event] Y\n  - Description: X\n  - Triggers: X, X',
  '- ⚠ **X**: Event "X" is not named in the past tense.',
  '## Flow from: X\n→ [command] X\n  → [event] X (cycle)',
  '- **X** (`abc`) — X: 3 elements, 1 contexts, updated X',
  '# Search Results: "X"\n\n- **0** [event] X — notes: “X”',
];

/** Markdown `place` with user text `text` in every X, rendered: the HTML must be the place's, with the text as is. */
function rendersAsWritten(place: string, text: string): void {
  const expected = renderMarkdown(place.replaceAll('X', 'QQQ')).replaceAll('QQQ', () => htmlText(folded(text)));
  expect(renderMarkdown(place.replaceAll('X', () => markdownText(text))), `${place} ← ${JSON.stringify(text)}`).toBe(expected);
}

const CHARACTERS = [
  'a', 'h', 't', 'p', 's', 'w', 'x', 'j', 'E', '1', '0', ' ', '\n', '\t', '\u00a0', '.', ':', '/', '\\', '`', '*', '_', '[', ']',
  '(', ')', '#', '+', '-', '!', '|', '~', '<', '>', '&', ';', '=', '@', '"', "'", '{', '}', '$', '%', '^', '?', ',', '주', '문', 'é',
];
const FRAGMENTS = [
  'http://', 'https://', 'www.', 'javascript:', 'mailto:', 'data:', '//', '.com', '.example', 'a@b.co', '<img src=x onerror=alert(1)>',
  '<script>', '</script>', '](', '![', '**', '__', '~~', '```', '~~~', '&lt;', '&#60;', '&amp;', '1. ', '1) ', '- ', '+ ', '* ', '> ',
  '---', '===', '    ', '| a |', '|---|', '[x]: http://evil', '<http://evil>', '\\', 'evil.example', 'localhost', '\n# ', '\n- ', 'a@', 'www', '.1', 'xn--p1ai', 'ftp:',
];
const userText = fc
  .array(fc.oneof(fc.constantFrom(...CHARACTERS), fc.constantFrom(...FRAGMENTS)), { maxLength: 24 })
  .map((parts) => parts.join(''))
  .filter((text) => folded(text).length > 0);

describe('markdownText', () => {
  it('keeps ordinary names, Korean and everyday punctuation as they are', () => {
    for (const name of ['Order Placed', 'E-commerce Order Management System', '주문 접수됨', '결제 완료 (EU), v1.2 at 10:30 — Note: ok!', 'Who pays? 50% off']) {
      expect(markdownText(name)).toBe(name);
    }
  });

  it('escapes HTML as entities, Markdown punctuation and link makers with backslashes, and folds newlines', () => {
    expect(markdownText('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(markdownText('[click](javascript:alert(1))')).toBe('\\[click\\](javascript\\:alert(1))');
    expect(markdownText('**bold** _x_ # h | a |')).toBe('\\*\\*bold\\*\\* \\_x\\_ \\# h \\| a \\|');
    expect(markdownText('see www.evil.example or http://evil.example')).toBe('see www\\.evil\\.example or http\\:\\//evil\\.example');
    expect(markdownText('line\n# Heading')).toBe('line \\# Heading');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('&lt;')).toBe('&amp;lt;');
  });

  it('renders every hostile text, in every place our Markdown puts user text, as exactly that text', () => {
    for (const place of PLACES) for (const text of HOSTILE_TEXTS) rendersAsWritten(place, text);
  });

  it('renders any text made of Markdown and HTML punctuation, schemes and line starts as exactly that text', () => {
    fc.assert(
      fc.property(userText, fc.constantFrom(...PLACES), (text, place) => rendersAsWritten(place, text)),
      { numRuns: 3_000 },
    );
  });

  it('cuts text past what the schemas allow with a mark, never inside a character', () => {
    const long = markdownText(`${'주'.repeat(MAX_TEXT_CHARS - 1)}😀${'N'.repeat(1_000_000)}`);
    expect(long).toBe(`${'주'.repeat(MAX_TEXT_CHARS - 1)} … [cut: 1,000,002 more characters]`);
    expect(markdownText('x'.repeat(MAX_TEXT_CHARS))).toBe('x'.repeat(MAX_TEXT_CHARS));
  });
});

describe('markdownId', () => {
  it('puts our ids in a code span, anything else escaped', () => {
    expect(markdownId('V1StGeOd_x-9')).toBe('`V1StGeOd_x-9`');
    expect(markdownId('`<img/src=x>`')).toBe('\\`&lt;img/src=x&gt;\\`');
  });
});
