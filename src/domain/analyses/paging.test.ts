import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownText } from './markdown';
import { HOSTILE_TEXTS, htmlProblems, renderMarkdown } from '../../../test-support/markdown-html';
import { cutLine, cutLongLines, MAX_LINE_CHARS } from './paging';

describe('cutLine', () => {
  it('leaves a line within the limit alone', () => {
    expect(cutLine('- short')).toBe('- short');
    expect(cutLine('x'.repeat(MAX_LINE_CHARS))).toBe('x'.repeat(MAX_LINE_CHARS));
  });

  it('keeps an overlong line’s start and end, and says how much it left out', () => {
    const line = `# Title ${'n'.repeat(1_000_000)} (\`id\`): 3 elements`;
    const cut = cutLine(line);
    expect(cut.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(cut).toMatch(/^# Title n+ … \[cut: [\d,]+ characters\] … n+ \(`id`\): 3 elements$/);
    const [kept, left] = [cut.split(' … [cut: ')[0], cut.split('] … ')[1]];
    const omitted = Number(/\[cut: ([\d,]+) characters\]/.exec(cut)![1].replace(/,/g, ''));
    expect(kept.length + omitted + left.length).toBe(line.length);
  });

  it('never cuts inside an entity, a backslash escape or a character', () => {
    const line = '&lt;\\*😀'.repeat(5_000);
    for (let max = 40; max < 400; max++) {
      const cut = cutLine(line, max);
      const [kept, left] = [cut.split(' … [cut: ')[0], cut.split('] … ')[1]];
      expect(kept, `max ${max}`).toMatch(/^(?:&lt;\\\*😀)*(?:&lt;(?:\\\*)?)?$/);
      expect(left, `max ${max}`).toMatch(/^(?:(?:\\\*)?😀)?(?:&lt;\\\*😀)*$/);
    }
  });

  it('a cut line of escaped user text renders to no element beyond its own', () => {
    const line = fc.array(fc.constantFrom(...HOSTILE_TEXTS), { minLength: 20, maxLength: 60 }).map((texts) => `- **0** [event] ${texts.map(markdownText).join(', ')}`);
    fc.assert(
      fc.property(line, fc.integer({ min: 60, max: 1_500 }), (text, max) => {
        const html = renderMarkdown(cutLine(text, max));
        expect(htmlProblems(html)).toEqual([]);
        expect(html.match(/<li>/g)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cutLongLines', () => {
  it('cuts each overlong line and keeps every line', () => {
    const text = ['# T', 'a'.repeat(50_000), '- after', 'b'.repeat(30_000), '- last'].join('\n');
    const lines = cutLongLines(text).split('\n');
    expect(lines).toHaveLength(5);
    expect([lines[0], lines[2], lines[4]]).toEqual(['# T', '- after', '- last']);
    for (const l of [lines[1], lines[3]]) expect(l).toMatch(/ … \[cut: [\d,]+ characters\] … /);
  });
});
