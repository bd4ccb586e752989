import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from './index';
import { replayOnDoc } from './tutorial-replay';

describe('the tutorial replayed through the board operations', () => {
  it('gives the seed README figures', async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const snap = snapshot(doc);
    expect(snap.meta.name).toBe('E-commerce Order Management System');
    expect(snap.elements).toHaveLength(44);
    const byType: Record<string, number> = {};
    for (const e of snap.elements) byType[e.type] = (byType[e.type] ?? 0) + 1;
    expect(byType).toEqual({ event: 13, command: 9, actor: 4, aggregate: 4, policy: 4, read_model: 3, external_system: 3, hotspot: 4 });
    expect(snap.contexts).toHaveLength(4);
    const sizes = snap.contexts
      .map((c) => snap.elements.filter((e) => e.contextId === c.id).length)
      .sort((a, b) => a - b);
    expect(sizes).toEqual([4, 8, 8, 14]);
    expect(snap.elements.filter((e) => e.contextId).length).toBe(34);
    expect(snap.links).toHaveLength(18);
    const placeOrder = snap.elements.find((e) => e.name === 'Place Order')!;
    const orderPlaced = snap.elements.find((e) => e.name === 'Order Placed')!;
    expect(placeOrder.triggers).toEqual([orderPlaced.id]);
    expect(orderPlaced.triggeredBy).toContain(placeOrder.id);
  });

  it('lays stickies out readably without manual layout: no two overlap', async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const { elements } = snapshot(doc);
    const { CATALOGUE, xOfPosition } = await import('../domain');
    const boxes = elements.map((e) => ({ e, x: xOfPosition(e.position), y: e.y, w: CATALOGUE[e.type].width, h: CATALOGUE[e.type].height }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.e.name} overlaps ${b.e.name}`).toBe(false);
      }
    }
  });
});
