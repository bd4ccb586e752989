import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import type { WorkshopSnapshot } from '../types';
import { isPastTenseName, lint, lintMarkdown, type LintRule } from './lint';
import { snapshotOf, type BoardSketch } from '../../../test-support/snapshot-of';

let tutorial: WorkshopSnapshot;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

const findings = (sketch: BoardSketch, rule: LintRule) => lint(snapshotOf(sketch), { page_size: 500 }).findings.filter((f) => f.rule === rule);

describe('isPastTenseName', () => {
  it.each([
    ['Order Placed', true],
    ['Payment Authorized', true],
    ['Invoice Sent', true],
    ['Bill Paid', true],
    ['Contract Withdrawn', true],
    ['Package Built', true],
    ['Order Placed (EU)', true],
    ['order   shipped!', true],
    ['Order Placed v2', true],
    ['Order Placed 2', true],
    ['Stock Re-Ordered', true],
    ['Order Re-Open', false],
    ['Order In Transit', false],
    ['Place Order', false],
    ['Payment Need', false],
    ['Shipping Speed', false],
    ['주문 접수됨', true],
    ['결제 완료', true],
    ['배송 시작했다', true],
    ['재고가 예약되었다', true],
    ['주문 취소됐다', true],
    ['결제 승인함', true],
    ['주문 접수', false],
    ['배송 시작', false],
    ['注文', null],
    ['123', null],
  ] as const)('%s → %s', (name, expected) => {
    expect(isPastTenseName(name)).toBe(expected);
  });
});

describe('lint rules', () => {
  it('event-not-past-tense fires on present-tense events only, and names the element', () => {
    const found = findings(
      {
        elements: [
          { id: 'a', type: 'event', name: 'Order Placed' },
          { id: 'b', type: 'event', name: 'Ship Order' },
          { id: 'c', type: 'command', name: 'Ship Order' },
          { id: 'd', type: 'event', name: '주문 접수됨' },
        ],
      },
      'event-not-past-tense',
    );
    expect(found).toEqual([
      {
        rule: 'event-not-past-tense',
        severity: 'warning',
        element_id: 'b',
        element_name: 'Ship Order',
        message: 'Event "Ship Order" is not named in the past tense. Name it as a fact that happened, e.g. "Order Placed" or "주문 접수됨".',
      },
    ]);
  });

  it('command-without-event fires on a command that triggers no event', () => {
    const found = findings(
      {
        elements: [
          { id: 'c1', type: 'command', name: 'Place Order' },
          { id: 'e1', type: 'event', name: 'Order Placed' },
          { id: 'c2', type: 'command', name: 'Cancel Order' },
          { id: 'p', type: 'policy', name: 'Refund Policy' },
          { id: 'c3', type: 'command', name: 'Refund' },
        ],
        links: [['c1', 'e1'], ['c2', 'p']],
      },
      'command-without-event',
    );
    expect(found.map((f) => f.element_name)).toEqual(['Cancel Order', 'Refund']);
    expect(found[0].message).toMatch(/^Command "Cancel Order" triggers no event\./);
  });

  it('event-without-cause fires on an event nothing triggers', () => {
    const found = findings(
      {
        elements: [
          { id: 'c1', type: 'command', name: 'Place Order' },
          { id: 'e1', type: 'event', name: 'Order Placed' },
          { id: 'e2', type: 'event', name: 'Order Lost' },
          { id: 'e3', type: 'event', name: 'Stock Counted' },
        ],
        links: [['c1', 'e1'], ['e2', 'e3']],
      },
      'event-without-cause',
    );
    expect(found.map((f) => f.element_id)).toEqual(['e2']);
  });

  it('element-without-context fires only once the board has contexts', () => {
    const elements = [
      { id: 'a', type: 'event' as const, name: 'A Done', contextId: 'ctx' },
      { id: 'b', type: 'event' as const, name: 'B Done' },
    ];
    expect(findings({ elements: elements.map((e) => ({ ...e, contextId: null })) }, 'element-without-context')).toEqual([]);
    const found = findings({ elements, contexts: [{ id: 'ctx', name: 'Core' }] }, 'element-without-context');
    expect(found.map((f) => [f.element_id, f.severity])).toEqual([['b', 'info']]);
    expect(found[0].message).toBe('Domain Event "B Done" belongs to no bounded context. Assign it to the context that owns it.');
  });

  it('cross-context-link fires on a link between two contexts and names both', () => {
    const found = findings(
      {
        contexts: [
          { id: 's', name: 'Sales' },
          { id: 'w', name: 'Warehouse' },
        ],
        elements: [
          { id: 'e1', type: 'event', name: 'Order Placed', contextId: 's' },
          { id: 'c1', type: 'command', name: 'Reserve Stock', contextId: 'w' },
          { id: 'c0', type: 'command', name: 'Place Order', contextId: 's' },
          { id: 'x', type: 'external_system', name: 'ERP' },
        ],
        links: [['c0', 'e1'], ['e1', 'c1'], ['e1', 'x']],
      },
      'cross-context-link',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ element_id: 'e1', related_element_id: 'c1', related_element_name: 'Reserve Stock' });
    expect(found[0].message).toContain('"Order Placed" (Sales) triggers "Reserve Stock" (Warehouse)');
  });

  it('open-hotspot fires on every hotspot', () => {
    const found = findings(
      {
        elements: [
          { id: 'h1', type: 'hotspot', name: 'Who pays?' },
          { id: 'e', type: 'event', name: 'Paid' },
          { id: 'h2', type: 'hotspot', name: '동시성?' },
        ],
      },
      'open-hotspot',
    );
    expect(found.map((f) => f.element_id)).toEqual(['h1', 'h2']);
  });

  it('lists the opportunities nobody has taken up yet, not one already linked to what realises it', () => {
    const found = findings(
      {
        elements: [
          { id: 'o1', type: 'opportunity', name: 'Offer express delivery' },
          { id: 'o2', type: 'opportunity', name: 'Bundle gift wrapping' },
          { id: 'c', type: 'command', name: 'Add Gift Wrap' },
        ],
        links: [['o2', 'c']],
      },
      'open-opportunity',
    );
    expect(found.map((f) => f.element_id)).toEqual(['o1']);
    expect(found[0].message).toMatch(/Offer express delivery.*not taken up yet/);
  });

  it('finds nothing on a tidy board', () => {
    const report = lint(
      snapshotOf({
        contexts: [{ id: 'k', name: 'Core' }],
        elements: [
          { id: 'c', type: 'command', name: 'Place Order', contextId: 'k' },
          { id: 'e', type: 'event', name: 'Order Placed', contextId: 'k' },
        ],
        links: [['c', 'e']],
      }),
    );
    expect(report.total).toBe(0);
    expect(lintMarkdown(report)).toBe('# Lint: Sketch\n\nNo findings: the board follows every check.');
  });
});

describe('lint on the tutorial', () => {
  it('counts findings per rule, grouped by rule then in timeline order', () => {
    const report = lint(tutorial, { page_size: 500 });
    expect(report.counts).toEqual({
      'event-not-past-tense': 1,
      'command-without-event': 1,
      'event-without-cause': 4,
      'element-without-context': 10,
      'cross-context-link': 4,
      'open-hotspot': 4,
      'open-opportunity': 0,
    });
    expect(report.total).toBe(24);
    expect(report.by_severity).toEqual({ warning: 6, info: 18 });
    expect(report.findings.filter((f) => f.rule === 'event-without-cause').map((f) => f.element_name)).toEqual([
      'Payment Failed',
      'Order In Transit',
      'Delivery Failed',
      'Order Cancelled',
    ]);
    expect(report.findings.find((f) => f.rule === 'event-not-past-tense')!.element_name).toBe('Order In Transit');
  });

  it('pages the findings, and the Markdown heads each rule with its count', () => {
    const page1 = lint(tutorial, { page_size: 10 });
    expect(page1.pagination).toEqual({ page: 1, page_size: 10, total: 24, pages: 3 });
    const md = lintMarkdown(page1);
    expect(md.split('\n').slice(0, 6)).toEqual([
      '# Lint: E-commerce Order Management System',
      '',
      '24 findings: 6 warnings, 18 info.',
      'Page 1 of 3 (24 findings)',
      '',
      '## Events not named in the past tense (1)',
    ]);
    expect(md).toContain('## Elements in no bounded context (10)');
    expect(md).not.toContain('## Open hotspots');
    expect(lintMarkdown(lint(tutorial, { page: 3, page_size: 10 }))).toContain('## Open hotspots (4)\n- ℹ **Payment Gateway Timeout Handling**: Hotspot');
  });
});
