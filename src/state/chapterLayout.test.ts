import { describe, expect, it } from 'vitest';
import { CATALOGUE, COLUMN_GAP, timelineScaleOf, type BoardElement } from '../domain';
import { chapterSpans } from './chapterLayout';

const el = (id: string, type: BoardElement['type'], position: number, pivotal = false): BoardElement => ({
  id, type, name: id, description: '', notes: '', position, y: 0, contextId: null, createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [], ...(pivotal ? { pivotal: true as const } : {}),
});

describe('chapters on the canvas', () => {
  it("draws a divider between a pivotal event's column and the next, and spans each chapter between them", () => {
    const board = [el('Placed', 'event', 0, true), el('Order', 'aggregate', 0), el('Paid', 'event', 10), el('Shipped', 'event', 40, true), el('Cancelled', 'event', 99)];
    const scale = timelineScaleOf(board);
    const spans = chapterSpans(board, scale);
    const agg = CATALOGUE.aggregate.width + COLUMN_GAP;
    const ev = CATALOGUE.event.width + COLUMN_GAP;
    expect(spans.map((s) => s.name)).toEqual(['Placed', 'Shipped', 'After Shipped']);
    expect(spans.map((s) => s.divider)).toEqual([agg - COLUMN_GAP / 2, agg + 2 * ev - COLUMN_GAP / 2, null]);
    expect(spans[0].left).toBe(-COLUMN_GAP / 2);
    expect(spans[1].left).toBe(spans[0].right);
    expect(spans[2].left).toBe(spans[1].right);
    expect(spans[2].right).toBe(agg + 3 * ev - COLUMN_GAP / 2);
    expect(chapterSpans(board.map((e) => ({ ...e, pivotal: undefined })), scale)).toEqual([]);
  });
});
