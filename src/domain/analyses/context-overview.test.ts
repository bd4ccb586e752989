import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import type { WorkshopSnapshot } from '../types';
import { contextOverview, contextOverviewMarkdown } from './context-overview';
import { snapshotOf } from '../../../test-support/snapshot-of';

let tutorial: WorkshopSnapshot;
const contextId = (name: string) => tutorial.contexts.find((c) => c.name === name)!.id;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

describe('context overview on the tutorial', () => {
  it('lists every context with its counts, gaps and coupling', () => {
    const report = contextOverview(tutorial);
    expect(report.contexts.map((c) => [c.name, c.element_count])).toEqual([
      ['Order Management', 8],
      ['Payment', 8],
      ['Inventory', 4],
      ['Fulfillment', 14],
    ]);
    expect(report.unassigned_elements).toBe(10);
    const orders = report.contexts[0];
    expect(orders.by_type).toEqual({ actor: 1, command: 3, aggregate: 1, event: 3, policy: 0, read_model: 0, external_system: 0, hotspot: 0 });
    expect(orders.lacks).toEqual([]);
    expect(orders.coupling).toEqual({
      internal: 3,
      outgoing: 2,
      to_contexts: [
        { id: contextId('Payment'), name: 'Payment', links: 1 },
        { id: contextId('Inventory'), name: 'Inventory', links: 1 },
      ],
      incoming: 1,
      from_contexts: [{ id: contextId('Payment'), name: 'Payment', links: 1 }],
      to_unassigned: 0,
      from_unassigned: 0,
    });
    expect(report.contexts[3].coupling).toMatchObject({ internal: 7, outgoing: 0, incoming: 1 });
    expect(orders.elements).toBeUndefined();
  });

  it('renders a section per context', () => {
    const md = contextOverviewMarkdown(contextOverview(tutorial));
    expect(md.startsWith('# Bounded Context Overview\n')).toBe(true);
    expect(md.match(/^## .*$/gm)).toEqual(['## Order Management', '## Payment', '## Inventory', '## Fulfillment']);
    expect(md).toContain(
      [
        '## Order Management',
        '주문 접수, 확정, 취소 등 주문 생명주기 관리',
        '- Elements: 8 (actor 1, command 3, aggregate 1, event 3)',
        '- Lacks: nothing (has aggregate, event and command)',
        '- Links within: 3',
        '- Triggers into other contexts: 2 (Payment: 1, Inventory: 1)',
        '- Triggered from other contexts: 1 (Payment: 1)',
        '- Links with elements in no context: 0 out, 0 in',
      ].join('\n'),
    );
  });

  it('shows one context by id, with its elements in full detail', () => {
    const report = contextOverview(tutorial, { context_id: contextId('Inventory'), detail_level: 'full' });
    expect(report.contexts).toHaveLength(1);
    expect(report.contexts[0].elements!.map((e) => e.name)).toEqual(['Reserve Inventory', 'Inventory', 'Inventory Reserved', 'Insufficient Inventory Policy']);
    const md = contextOverviewMarkdown(report);
    expect(md).toContain('### Elements\n- **21** [command] Reserve Inventory\n  - Description: 재고 예약');
    expect(md).not.toContain('Elements in no context');
  });

  it('refuses an unknown context id', () => {
    expect(() => contextOverview(tutorial, { context_id: 'nope' })).toThrowError(/context_id: no bounded context with id "nope"/);
  });

  it('pages over contexts', () => {
    const page2 = contextOverview(tutorial, { page: 2, page_size: 3 });
    expect(page2.pagination).toEqual({ page: 2, page_size: 3, total: 4, pages: 2 });
    expect(page2.contexts.map((c) => c.name)).toEqual(['Fulfillment']);
    expect(contextOverviewMarkdown(page2)).toContain('Page 2 of 2 (4 contexts)');
  });
});

describe('context overview on small boards', () => {
  const board = snapshotOf({
    contexts: [
      { id: 'sales', name: 'Sales' },
      { id: 'stock', name: 'Stock' },
      { id: 'empty', name: 'Empty' },
    ],
    elements: [
      { id: 'c1', type: 'command', name: 'Sell', contextId: 'sales', position: 0 },
      { id: 'e1', type: 'event', name: 'Sold', contextId: 'sales', position: 1 },
      { id: 'p1', type: 'policy', name: 'Restock', contextId: 'stock', position: 2 },
      { id: 'e2', type: 'event', name: 'Restocked', contextId: 'stock', position: 3 },
      { id: 'x', type: 'external_system', name: 'ERP', position: 4 },
    ],
    links: [
      ['c1', 'e1'],
      ['e1', 'p1'],
      ['p1', 'e2'],
      ['e2', 'x'],
      ['x', 'c1'],
    ],
  });

  it('names what a context lacks', () => {
    const report = contextOverview(board);
    expect(report.contexts.map((c) => [c.name, c.lacks])).toEqual([
      ['Sales', ['aggregate']],
      ['Stock', ['aggregate', 'command']],
      ['Empty', ['aggregate', 'event', 'command']],
    ]);
    expect(contextOverviewMarkdown(report)).toContain('- Lacks: no aggregate, no command');
  });

  it('counts links to and from elements in no context apart from links between contexts', () => {
    const [sales, stock, empty] = contextOverview(board).contexts;
    expect(sales.coupling).toMatchObject({ internal: 1, outgoing: 1, incoming: 0, to_unassigned: 0, from_unassigned: 1 });
    expect(sales.coupling.to_contexts).toEqual([{ id: 'stock', name: 'Stock', links: 1 }]);
    expect(stock.coupling).toMatchObject({ internal: 1, outgoing: 0, incoming: 1, to_unassigned: 1, from_unassigned: 0 });
    expect(empty.coupling).toMatchObject({ internal: 0, outgoing: 0, incoming: 0, to_unassigned: 0, from_unassigned: 0 });
  });

  it('says so when there are no contexts', () => {
    const md = contextOverviewMarkdown(contextOverview(snapshotOf({ elements: [{ id: 'a', type: 'event', name: 'A Done' }] })));
    expect(md).toContain('No bounded contexts yet');
  });
});
