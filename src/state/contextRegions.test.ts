import { describe, expect, it } from 'vitest';
import { CATALOGUE, COLUMN_WIDTH, rowTop, type BoardElement, type BoundedContext, type ElementType } from '../domain';
import { REGION_LABEL_SPACE, REGION_PADDING, contextRegions } from './contextRegions';

let n = 0;
function el(type: ElementType, position: number, contextId: string | null, y = rowTop(type)): BoardElement {
  n++;
  return {
    id: `e${String(n).padStart(3, '0')}`, type, name: `${type} ${n}`, description: '', notes: '', position, y, contextId,
    createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
  };
}
const ctx = (id: string, color = '#3498db'): BoundedContext => ({ id, name: id.toUpperCase(), description: '', color, createdAt: '', updatedAt: '' });

describe('context regions', () => {
  it('wraps the stickies of a context that sit together in one padded rectangle', () => {
    const a = el('command', 0, 'c1');
    const b = el('event', 1, 'c1');
    const [region, ...rest] = contextRegions([a, b], [ctx('c1')]);
    expect(rest).toEqual([]);
    expect(region).toMatchObject({ contextId: 'c1', name: 'C1', color: '#3498db', elementIds: [a.id, b.id].sort() });
    expect(region.x).toBe(-REGION_PADDING);
    expect(region.y).toBe(a.y - REGION_PADDING - REGION_LABEL_SPACE);
    expect(region.x + region.width).toBe(COLUMN_WIDTH + CATALOGUE.event.width + REGION_PADDING);
    expect(region.y + region.height).toBe(b.y + CATALOGUE.event.height + REGION_PADDING);
  });

  it('splits a context whose stickies are far apart on the timeline, so interleaved contexts stay readable', () => {
    const early = [el('command', 0, 'order'), el('event', 0, 'order')];
    const between = [el('command', 10, 'pay'), el('event', 11, 'pay')];
    const late = [el('event', 40, 'order')];
    const regions = contextRegions([...early, ...between, ...late], [ctx('order'), ctx('pay', '#2ecc71')]);
    expect(regions.map((r) => [r.contextId, r.elementIds.length])).toEqual([['order', 2], ['pay', 2], ['order', 1]]);
    const [first, second] = regions;
    expect(first.x + first.width).toBeLessThan(second.x);
  });

  it('keeps a command and its event two rows apart in one region, and ids stable', () => {
    const c = el('command', 20, 'k');
    const e = el('event', 20, 'k');
    const once = contextRegions([c, e], [ctx('k')]);
    expect(once).toHaveLength(1);
    expect(contextRegions([e, c], [ctx('k')])[0].id).toBe(once[0].id);
  });

  it('ignores unassigned stickies and contexts without stickies', () => {
    expect(contextRegions([el('event', 0, null)], [ctx('empty')])).toEqual([]);
  });

  // How long this takes is a figure of bench/analyses.bench.ts (analyses.context_regions_interleaved_4000), not a test.
  it('clusters thousands of interleaved stickies, each into exactly one region', () => {
    const many = Array.from({ length: 4000 }, (_, i) => el('event', i * 0.5, i % 2 ? 'a' : 'b', (i % 7) * 120));
    const regions = contextRegions(many, [ctx('a'), ctx('b')]);
    expect(regions.reduce((sum, r) => sum + r.elementIds.length, 0)).toBe(4000);
    expect(new Set(regions.flatMap((r) => r.elementIds)).size).toBe(4000);
  });
});
