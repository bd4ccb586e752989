import { describe, expect, it } from 'vitest';
import type { BoardElement } from '../types';
import { chapterAt, chapters } from './chapters';

const el = (id: string, position: number, extra: Partial<BoardElement> = {}): BoardElement => ({
  id, type: 'event', name: id, description: '', notes: '', position, y: 0, contextId: null, createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [], ...extra,
});

describe('chapters', () => {
  it('has none without a pivotal event', () => {
    expect(chapters([el('a', 0), el('b', 5)])).toEqual([]);
  });

  it('cuts the timeline after each pivotal event, which names the chapter it closes', () => {
    const board = [
      el('Order Placed', 0, { pivotal: true }),
      el('Customer', 0, { type: 'actor' }),
      el('Payment Captured', 11),
      el('Order Shipped', 40, { pivotal: true }),
      el('Order Delivered', 50),
      el('Order Cancelled', 99),
      // Only events are pivotal, whatever a record says.
      el('Ship Order', 40, { type: 'command', pivotal: true }),
    ];
    expect(chapters(board)).toEqual([
      { index: 1, name: 'Order Placed', pivotal_event_id: 'Order Placed', after: null, until: 0, element_count: 2 },
      { index: 2, name: 'Order Shipped', pivotal_event_id: 'Order Shipped', after: 0, until: 40, element_count: 3 },
      { index: 3, name: 'After Order Shipped', pivotal_event_id: null, after: 40, until: null, element_count: 2 },
    ]);
    expect([-1, 0, 0.5, 40, 41].map((p) => chapterAt([0, 40], p))).toEqual([1, 1, 2, 2, 3]);
  });
});
