import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import type { WorkshopSnapshot } from '../types';
import { foldForSearch, search, searchMarkdown } from './search';
import { snapshotOf } from '../../../test-support/snapshot-of';

let tutorial: WorkshopSnapshot;
const contextId = (name: string) => tutorial.contexts.find((c) => c.name === name)!.id;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

describe('search on the tutorial', () => {
  it('finds the timeout hotspot (seed §11.5)', () => {
    const report = search(tutorial, { query: 'timeout', element_type: 'hotspot' });
    expect(report.matches.map((m) => [m.name, m.matched_field, m.match])).toEqual([['Payment Gateway Timeout Handling', 'name', 'name']]);
    const md = searchMarkdown(report);
    expect(md.split('\n').slice(0, 5)).toEqual([
      '# Search Results: "timeout"',
      '',
      'Found 1 matching element.',
      'Filter: type hotspot',
      '',
    ]);
    expect(md).toContain('- **10** [hotspot] Payment Gateway Timeout Handling');
  });

  it('finds Korean text in descriptions and notes', () => {
    const report = search(tutorial, { query: '재고' });
    const names = report.matches.map((m) => m.name);
    expect(names).toContain('Reserve Inventory');
    expect(names).toContain('Inventory Status');
    expect(report.matches.find((m) => m.name === 'Reserve Inventory')).toMatchObject({ matched_field: 'description', excerpt: '재고 예약' });
    // "Order Placed" mentions 재고 only in its notes, so it ranks after every description match.
    const orderPlaced = report.matches.findIndex((m) => m.name === 'Order Placed');
    expect(report.matches[orderPlaced].matched_field).toBe('notes');
    expect(report.matches.slice(0, orderPlaced).every((m) => m.matched_field === 'description')).toBe(true);
    expect(searchMarkdown(report)).toContain('- **21** [command] Reserve Inventory (Inventory) — description: “재고 예약”');
  });

  it('matches a decomposed (NFD) Korean query and full-width Latin letters', () => {
    expect(search(tutorial, { query: '재고'.normalize('NFD') }).pagination.total).toBe(search(tutorial, { query: '재고' }).pagination.total);
    expect(search(tutorial, { query: 'ＴＩＭＥＯＵＴ' }).matches[0].name).toBe('Payment Gateway Timeout Handling');
    expect(foldForSearch('ＡＢＣ Ä')).toBe('abc ä');
  });

  it('filters by context and refuses an unknown one', () => {
    const report = search(tutorial, { query: 'order', bounded_context_id: contextId('Fulfillment') });
    expect(report.matches.map((m) => m.name)).toEqual(['Order Shipped', 'Order In Transit', 'Order Delivered', 'Ship Order']);
    expect(() => search(tutorial, { query: 'order', bounded_context_id: 'nope' })).toThrowError(/bounded_context_id: no bounded context/);
  });

  it('pages and reports the total', () => {
    const first = search(tutorial, { query: 'order', page_size: 5 });
    expect(first.pagination).toEqual({ page: 1, page_size: 5, total: 12, pages: 3 });
    expect(searchMarkdown(first)).toContain('Page 1 of 3 (12 results)');
    const all = [1, 2, 3].flatMap((page) => search(tutorial, { query: 'order', page, page_size: 5 }).matches.map((m) => m.id));
    expect(new Set(all).size).toBe(12);
  });

  it('adds the text in full detail', () => {
    const [hit] = search(tutorial, { query: 'timeout', element_type: 'hotspot', detail_level: 'full' }).matches;
    expect(hit.notes).toContain('논의 필요');
  });
});

describe('search ranking', () => {
  const snap = snapshotOf({
    elements: [
      { id: 'n1', type: 'event', name: 'Late Order Shipped', position: 0 },
      { id: 'd1', type: 'event', name: 'Something', description: 'about an ORDER', position: 1 },
      { id: 'x1', type: 'command', name: 'order', position: 9 },
      { id: 'p1', type: 'event', name: 'Order Placed', position: 5 },
      { id: 'o1', type: 'policy', name: 'Other', notes: 'the order matters', position: 2 },
      { id: 'p0', type: 'command', name: 'Order Now', position: 3 },
      { id: 'none', type: 'event', name: 'Unrelated', description: 'nothing here', position: 4 },
    ],
  });

  it('ranks exact name, name prefix, name contains, description, notes; ties in timeline order', () => {
    const report = search(snap, { query: '  Order ' });
    expect(report.matches.map((m) => [m.id, m.match])).toEqual([
      ['x1', 'exact_name'],
      ['p0', 'name_prefix'],
      ['p1', 'name_prefix'],
      ['n1', 'name'],
      ['d1', 'description'],
      ['o1', 'notes'],
    ]);
    expect(report.matches.find((m) => m.id === 'd1')!.excerpt).toBe('about an ORDER');
  });

  it('finds nothing for a query that folds to nothing', () => {
    const report = search(snap, { query: '   ' });
    expect(report.matches).toEqual([]);
    expect(searchMarkdown(report)).toContain('Found 0 matching elements.');
  });

  it('shows an excerpt around a match in long text', () => {
    const long = snapshotOf({ elements: [{ id: 'a', type: 'event', name: 'A', notes: `${'x'.repeat(100)} needle ${'y'.repeat(100)}` }] });
    const [hit] = search(long, { query: 'NEEDLE' }).matches;
    expect(hit.excerpt).toBe(`…${'x'.repeat(39)} needle ${'y'.repeat(39)}…`);
  });
});
