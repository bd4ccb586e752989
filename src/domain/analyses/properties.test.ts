// Property tests: on any generated board, no analysis throws, flows terminate within their limits, and paging
// covers every matching element exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELEMENT_TYPES } from '../catalogue';
import type { BoardElement, BoundedContext, TriggerLink, WorkshopSnapshot } from '../types';
import { contextOverview, contextOverviewMarkdown } from './context-overview';
import { flows, flowsMarkdown, type FlowNode } from './flows';
import { lint, lintMarkdown } from './lint';
import { search, searchMarkdown } from './search';
import { statistics, statisticsMarkdown } from './statistics';
import { timeline, timelineMarkdown } from './timeline';

const T = '2026-01-01T00:00:00.000Z';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('주문 접수됨', '재고 예약', '결제 완료', 'Order Placed', 'Ship Order', 'ＯＲＤＥＲ', 'İstanbul', 'e\u0301', '', '  \n '),
);
const name = text.map((s) => (s.trim() === '' ? 'x' : s));

interface Sketch {
  elements: { type: (typeof ELEMENT_TYPES)[number]; name: string; description: string; notes: string; position: number; context: number | null }[];
  links: [number, number][];
  /** Closed loops: runs of element indexes, each linked to the next and the last back to the first. */
  loops: number[][];
  contexts: string[];
}

const sketch: fc.Arbitrary<Sketch> = fc
  .record({
    size: fc.integer({ min: 0, max: 40 }),
    contexts: fc.array(fc.oneof(name, fc.constantFrom('Sales', 'Sales')), { maxLength: 5 }),
  })
  .chain(({ size, contexts }) =>
    fc.record({
      elements: fc.array(
        fc.record({
          type: fc.constantFrom(...ELEMENT_TYPES),
          name,
          description: text,
          notes: text,
          position: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })),
          // -1 stands for a context id that is not on the board (a dangling assignment).
          context: fc.option(fc.integer({ min: -1, max: Math.max(0, contexts.length - 1) }), { nil: null }),
        }),
        { minLength: size, maxLength: size },
      ),
      links: size === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
      loops: size === 0 ? fc.constant([]) : fc.array(fc.array(fc.nat(size - 1), { minLength: 1, maxLength: 6 }), { maxLength: 3 }),
      contexts: fc.constant(contexts),
    }),
  );

function build(s: Sketch): WorkshopSnapshot {
  const contexts: BoundedContext[] = s.contexts.map((n, i) => ({ id: `ctx${i}`, name: n, description: '', color: '#123456', createdAt: T, updatedAt: T }));
  const elements: BoardElement[] = s.elements.map((e, i) => ({
    id: `el${i}`,
    type: e.type,
    name: e.name,
    description: e.description,
    notes: e.notes,
    position: e.position,
    y: 0,
    contextId: e.context === null || contexts.length === 0 ? null : e.context === -1 ? 'ctx-gone' : `ctx${e.context}`,
    createdBy: '',
    createdAt: T,
    updatedAt: T,
    triggers: [],
    triggeredBy: [],
  }));
  const pairs = [...s.links];
  for (const loop of s.loops) loop.forEach((from, i) => pairs.push([from, loop[(i + 1) % loop.length]]));
  const seen = new Set<string>();
  const links: TriggerLink[] = [];
  for (const [a, b] of pairs) {
    const from = `el${a}`;
    const to = `el${b}`;
    if (seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    links.push({ from, to, createdBy: '', createdAt: T });
    elements[a].triggers.push(to);
    elements[b].triggeredBy.push(from);
  }
  return { meta: { id: 'w', name: 'Generated', description: '', domain: '', facilitators: [], createdAt: T, updatedAt: T }, elements, links, contexts };
}

function countNodes(node: FlowNode, maxDepth: number): number {
  expect(node.depth).toBeLessThan(maxDepth);
  return 1 + node.children.reduce((sum, child) => sum + countNodes(child, maxDepth), 0);
}

const options = { numRuns: 300 };

describe('analyses on generated boards', () => {
  it('never throw, and render Markdown', () => {
    fc.assert(
      fc.property(sketch, fc.string({ maxLength: 4 }), (s, query) => {
        const snap = build(s);
        const q = query.trim() === '' ? 'a' : query;
        expect(statisticsMarkdown(statistics(snap))).toContain('# Workshop Statistics');
        expect(timelineMarkdown(timeline(snap, { detail_level: 'full' }))).toContain('# Timeline');
        expect(flowsMarkdown(flows(snap))).toContain('# Event Flow Visualization');
        expect(contextOverviewMarkdown(contextOverview(snap, { detail_level: 'full' }))).toContain('# Bounded Context Overview');
        expect(searchMarkdown(search(snap, { query: q, detail_level: 'full' }))).toContain('# Search Results');
        expect(lintMarkdown(lint(snap))).toContain('# Lint');
        const stats = statistics(snap);
        expect(stats.coverage.elements_in_contexts + stats.coverage.elements_without_context).toBe(snap.elements.length);
        expect(Object.values(stats.by_context).reduce((a, b) => a + b, 0)).toBe(stats.coverage.elements_in_contexts);
        expect(Number.isFinite(stats.coverage.percent)).toBe(true);
      }),
      options,
    );
  });

  it('flows terminate, stay within max_depth and never exceed max_elements', () => {
    fc.assert(
      fc.property(sketch, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 60 }), fc.option(fc.nat(), { nil: undefined }), (s, maxDepth, maxElements, start) => {
        const snap = build(s);
        const startId = start === undefined || snap.elements.length === 0 ? undefined : snap.elements[start % snap.elements.length].id;
        const report = flows(snap, { max_depth: maxDepth, max_elements: maxElements, start_element_id: startId });
        const counted = report.flows.reduce((sum, f) => sum + countNodes(f.root, maxDepth), 0);
        expect(counted).toBe(report.nodes);
        expect(report.nodes).toBeLessThanOrEqual(maxElements);
        expect(report.flows.length + report.flows_omitted).toBe(report.starting_points);
        if (startId) expect(report.flows[0].root.id).toBe(startId);
      }),
      options,
    );
  });

  it('timeline pages cover every filtered element exactly once, in order', () => {
    fc.assert(
      fc.property(
        sketch,
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.constantFrom(...ELEMENT_TYPES), { nil: undefined }),
        fc.option(fc.nat(4), { nil: undefined }),
        (s, pageSize, type, context) => {
          const snap = build(s);
          const contextId = context === undefined || snap.contexts.length === 0 ? undefined : snap.contexts[context % snap.contexts.length].id;
          const expected = snap.elements.filter((e) => (type === undefined || e.type === type) && (contextId === undefined || e.contextId === contextId));
          const first = timeline(snap, { page_size: pageSize, element_type: type, bounded_context_id: contextId });
          expect(first.pagination.total).toBe(expected.length);
          const seen: string[] = [];
          for (let page = 1; page <= first.pagination.pages; page++) {
            const entries = timeline(snap, { page, page_size: pageSize, element_type: type, bounded_context_id: contextId }).timeline;
            expect(entries.length).toBeLessThanOrEqual(pageSize);
            seen.push(...entries.map((e) => e.id));
          }
          expect([...seen].sort()).toEqual(expected.map((e) => e.id).sort());
          const positions = seen.map((id) => snap.elements.find((e) => e.id === id)!.position);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        },
      ),
      options,
    );
  });

  it('search and lint pages cover every result exactly once', () => {
    fc.assert(
      fc.property(sketch, fc.integer({ min: 1, max: 5 }), fc.constantFrom('a', 'e', '재고', 'order', 'x'), (s, pageSize, query) => {
        const snap = build(s);
        const all = search(snap, { query, page_size: 500 }).matches.map((m) => m.id);
        const paged: string[] = [];
        const pages = search(snap, { query, page_size: pageSize }).pagination.pages;
        for (let page = 1; page <= pages; page++) paged.push(...search(snap, { query, page, page_size: pageSize }).matches.map((m) => m.id));
        expect(paged).toEqual(all);
        expect(new Set(all).size).toBe(all.length);

        const report = lint(snap, { page_size: 500 });
        expect(report.findings).toHaveLength(report.total);
        expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(report.total);
      }),
      options,
    );
  });
});
