import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import { EventStormError } from '../errors';
import type { WorkshopSnapshot } from '../types';
import { snapshotOf } from '../../../test-support/snapshot-of';
import { timeline, timelineMarkdown } from './timeline';

let tutorial: WorkshopSnapshot;
const contextId = (name: string) => tutorial.contexts.find((c) => c.name === name)!.id;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

describe('timeline', () => {
  it('sorts by position, then by the type row, then by name', () => {
    const report = timeline(tutorial, { page_size: 500 });
    expect(report.pagination).toEqual({ page: 1, page_size: 500, total: 44, pages: 1 });
    expect(report.timeline.slice(0, 5).map((e) => e.name)).toEqual(['Customer', 'Place Order', 'Order', 'Order Placed', 'Order History']);
    const positions = report.timeline.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(report.timeline.at(-1)).toMatchObject({ position: 99, type: 'external_system' });
  });

  it('breaks ties of position and type by name, then id', () => {
    const snap = snapshotOf({
      elements: [
        { id: 'z', type: 'event', name: 'Beta Done', position: 1 },
        { id: 'y', type: 'event', name: 'Alpha Done', position: 1 },
        { id: 'b', type: 'event', name: 'Alpha Done', position: 1 },
        { id: 'x', type: 'actor', name: 'Zed', position: 1 },
        { id: 'w', type: 'hotspot', name: 'Early', position: 0.5 },
      ],
    });
    expect(timeline(snap).timeline.map((e) => e.id)).toEqual(['w', 'x', 'b', 'y', 'z']);
  });

  it('filters by type and by context', () => {
    const events = timeline(tutorial, { element_type: 'event' });
    expect(events.pagination.total).toBe(13);
    expect(events.timeline.every((e) => e.type === 'event')).toBe(true);
    expect(events.timeline[0]).toMatchObject({ name: 'Order Placed', context: 'Order Management' });

    const payment = timeline(tutorial, { bounded_context_id: contextId('Payment') });
    expect(payment.pagination.total).toBe(8);
    expect(payment.filters.context).toBe('Payment');
    const paymentEvents = timeline(tutorial, { bounded_context_id: contextId('Payment'), element_type: 'event' });
    expect(paymentEvents.timeline.map((e) => e.name)).toEqual(['Payment Authorized', 'Payment Captured', 'Payment Failed']);
  });

  it('refuses an unknown context with a not_found error naming the field', () => {
    expect(() => timeline(tutorial, { bounded_context_id: 'nope' })).toThrowError(EventStormError);
    try {
      timeline(tutorial, { bounded_context_id: 'nope' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'not_found', issues: [{ path: 'bounded_context_id' }] });
      expect((error as Error).message).toMatch(/bounded_context_id: no bounded context with id "nope".*Payment/);
    }
  });

  it('pages, with a paging line only when there is more than one page', () => {
    const first = timeline(tutorial, { page_size: 20 });
    expect(first.pagination).toEqual({ page: 1, page_size: 20, total: 44, pages: 3 });
    expect(first.timeline).toHaveLength(20);
    const last = timeline(tutorial, { page: 3, page_size: 20 });
    expect(last.timeline).toHaveLength(4);
    const ids = [1, 2, 3].flatMap((page) => timeline(tutorial, { page, page_size: 20 }).timeline.map((e) => e.id));
    expect(new Set(ids).size).toBe(44);
    expect(timeline(tutorial, { page: 4, page_size: 20 }).timeline).toEqual([]);
    expect(timelineMarkdown(first)).toContain('Page 1 of 3 (44 elements)');
    expect(timelineMarkdown(timeline(tutorial, { element_type: 'event' }))).not.toContain('Page ');
  });

  it('renders one line per element, with text and links in full detail', () => {
    const md = timelineMarkdown(timeline(tutorial, { element_type: 'event' }));
    expect(md.split('\n').slice(0, 5)).toEqual([
      '# Timeline: E-commerce Order Management System',
      '',
      'Filter: type event',
      '',
      '- **0** [event] Order Placed (Order Management)',
    ]);
    expect(md).toContain('- **41** [event] Order In Transit (Fulfillment)');

    const full = timeline(tutorial, { element_type: 'command', detail_level: 'full' });
    const placeOrder = full.timeline.find((e) => e.name === 'Place Order')!;
    expect(placeOrder.triggers!.map((r) => r.name)).toEqual(['Order Placed']);
    expect(placeOrder.triggered_by!.map((r) => r.name)).toEqual(['Customer']);
    expect(placeOrder.description).toBe('장바구니에서 주문하기 버튼 클릭');
    const fullMd = timelineMarkdown(full);
    expect(fullMd).toContain('- **0** [command] Place Order (Order Management)\n  - Description: 장바구니에서 주문하기 버튼 클릭\n  - Notes: 결제 정보 및 배송지 검증 필요\n  - Triggers: Order Placed\n  - Triggered by: Customer');
    // Summary detail leaves the text out.
    expect(timeline(tutorial).timeline[0].description).toBeUndefined();
  });

  it('says so when nothing matches', () => {
    expect(timelineMarkdown(timeline(snapshotOf({ name: 'Empty' })))).toBe('# Timeline: Empty\n\nNo elements match.');
  });
});
