import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TUTORIAL_FLOW_MARKDOWN } from '../../../fixtures/tutorial';
import { addElement, initWorkshop, snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import { folded, HOSTILE_TEXTS, hostileSnapshot, htmlProblems, renderMarkdown, visibleText } from '../../../test-support/markdown-html';
import { reportSections, workshopReport } from './markdownReport';

describe('the Markdown report', () => {
  it("holds every analysis of the tutorial in the seed's Markdown", async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const report = workshopReport(snapshot(doc));
    expect(report).toContain('# Workshop Statistics: E-commerce Order Management System');
    expect(report).toContain('- Total Elements: 44');
    expect(report).toContain('- Coverage: 77.3%');
    expect(report).toContain('# Timeline: E-commerce Order Management System');
    expect(report).toContain(TUTORIAL_FLOW_MARKDOWN);
    expect(report).toContain('# Bounded Context Overview');
    expect(report).toContain('Filter: type hotspot');
    expect(report).toContain('Payment Gateway Timeout Handling');
    expect(report).toContain('# Lint: E-commerce Order Management System');
    // Every sticky is in the timeline, none left to a second page.
    expect(report).not.toMatch(/Page \d+ of \d+/);
    expect(report.endsWith('\n')).toBe(true);
  });

  it('is its sections joined by blank lines, in order', async () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w', { name: 'Small' });
    addElement(doc, { type: 'event', name: 'Order Placed', position: 0 });
    const sections = reportSections(snapshot(doc));
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '# Workshop Statistics: Small',
      '# Timeline: Small',
      '# Event Flow Visualization',
      '# Bounded Context Overview',
      '# Timeline: Small',
      '# Lint: Small',
    ]);
    expect(workshopReport(snapshot(doc))).toBe(`${sections.join('\n\n')}\n`);
  });

  it('escapes hostile names, descriptions and notes: a real renderer makes no HTML, link or formatting of them', () => {
    const html = renderMarkdown(workshopReport(hostileSnapshot()));
    expect(htmlProblems(html)).toEqual([]);
    expect(html).not.toMatch(/<h\d>\s*Heading|<ol|<blockquote|<table|<hr|<pre/);
    const text = visibleText(html);
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(folded(hostile));
  });
});
