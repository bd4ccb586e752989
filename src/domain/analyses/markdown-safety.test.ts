// Every analysis' Markdown, for a board of hostile text, through a real renderer: no HTML, link, image or
// formatting comes from a name, description or note, and the reader still sees each of them as written.
import { describe, expect, it } from 'vitest';
import { contextOverview, contextOverviewMarkdown } from './context-overview';
import { flows, flowsMarkdown } from './flows';
import { lint, lintMarkdown } from './lint';
import { folded, HOSTILE_TEXTS, hostileSnapshot, htmlProblems, renderMarkdown, visibleText } from '../../../test-support/markdown-html';
import { search, searchMarkdown } from './search';
import { statistics, statisticsMarkdown } from './statistics';
import { timeline, timelineMarkdown } from './timeline';

const snap = hostileSnapshot();
const ALL = HOSTILE_TEXTS.map(folded);

/** [what, Markdown, texts the reader must see in it] */
const outputs: [string, string, string[]][] = [
  ['statistics', statisticsMarkdown(statistics(snap)), [ALL[0], ALL[3], ALL[6]]],
  ['timeline, full detail', timelineMarkdown(timeline(snap, { detail_level: 'full', page_size: 500 })), ALL],
  ['timeline of one context', timelineMarkdown(timeline(snap, { bounded_context_id: 'ctx-b' })), [ALL[0]]],
  ['flows', flowsMarkdown(flows(snap, { max_depth: 10 })), ALL],
  ['context overview, full detail', contextOverviewMarkdown(contextOverview(snap, { detail_level: 'full' })), [ALL[0], ALL[6], ALL[11], ALL[12], ALL[13], ...ALL]],
  ['lint', lintMarkdown(lint(snap, { page_size: 500 })), ALL],
  ...HOSTILE_TEXTS.map((query, i): [string, string, string[]] => [`search for ${JSON.stringify(query)}`, searchMarkdown(search(snap, { query: query.split('\n')[0], detail_level: 'full' })), [ALL[i]]]),
  ['search excerpts', searchMarkdown(search(snap, { query: 'noted' })), ['noted']],
];

describe('the analyses’ Markdown, for hostile text', () => {
  it.each(outputs)('%s: no element beyond our own Markdown, and every name readable', (_what, markdown, shown) => {
    const html = renderMarkdown(markdown);
    expect(htmlProblems(html)).toEqual([]);
    const text = visibleText(html);
    for (const name of shown) expect(text).toContain(name);
  });

  it('no user text starts a line, so none makes a heading, list, quote or table', () => {
    for (const [what, markdown] of outputs) {
      const html = renderMarkdown(markdown);
      expect(html, what).not.toMatch(/<h\d>\s*Heading|<ol|<blockquote|<table|<hr|<pre/);
    }
  });
});
