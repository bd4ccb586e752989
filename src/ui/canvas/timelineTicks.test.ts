import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, timelineScale } from '../../domain';
import { compactTicks, rulerTicks, tickStep, timelineTicks } from './timelineTicks';

describe('timeline ruler', () => {
  it('marks every position at zoom 1, at the column edges', () => {
    const ticks = timelineTicks(100, 1, 800);
    expect(ticks.slice(0, 3)).toEqual([
      { position: -1, left: 100 - COLUMN_WIDTH },
      { position: 0, left: 100 },
      { position: 1, left: 100 + COLUMN_WIDTH },
    ]);
    expect(ticks.at(-1)!.left).toBeLessThanOrEqual(800);
  });

  it('thins the marks out when zoomed out, keeping them apart', () => {
    expect(tickStep(1)).toBe(1);
    expect(tickStep(0.1)).toBe(2);
    expect(tickStep(0.02)).toBe(10);
    const ticks = timelineTicks(0, 0.05, 2000);
    expect(ticks.every((t) => t.position % tickStep(0.05) === 0)).toBe(true);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].left - ticks[i - 1].left).toBeGreaterThanOrEqual(44);
  });
});

describe('compact timeline ruler', () => {
  const scale = timelineScale([0, 1, 10, 11, 12, 20, 99]);

  it("labels each column with its position and marks where the numbers skip", () => {
    const ticks = compactTicks(scale, 0, 1, 7 * COLUMN_WIDTH - 1);
    expect(ticks.map((t) => t.position)).toEqual([0, 1, 10, 11, 12, 20, 99]);
    expect(ticks.map((t) => t.left)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => i * COLUMN_WIDTH));
    expect(ticks.filter((t) => t.jump).map((t) => t.position)).toEqual([10, 20, 99]);
  });

  it('counts on a unit a column past either end, and thins out when zoomed out', () => {
    const before = compactTicks(scale, 2 * COLUMN_WIDTH, 1, 3 * COLUMN_WIDTH);
    expect(before.map((t) => t.position)).toEqual([-2, -1, 0, 1]);
    const after = compactTicks(scale, -6 * COLUMN_WIDTH, 1, 3 * COLUMN_WIDTH);
    expect(after.map((t) => t.position).slice(0, 4)).toEqual([99, 100, 101, 102]);
    const far = compactTicks(scale, 0, 0.1, 2000);
    for (let i = 1; i < far.length; i++) expect(far[i].left - far[i - 1].left).toBeGreaterThanOrEqual(44);
    expect(rulerTicks(timelineScale([0, 99], 'to-scale'), 0, 1, 500).map((t) => t.position)).toEqual([0, 1, 2]);
  });
});

describe('compact columns as wide as their stickies', () => {
  it('puts each mark at its column, however wide the columns are', () => {
    const scale = timelineScale([{ position: 0, width: 120 }, { position: 5, width: 200 }, { position: 6, width: 160 }]);
    expect(scale.columns.map((c) => c.x)).toEqual([0, 144, 368]);
    const ticks = compactTicks(scale, 0, 1, 1000);
    expect(ticks.slice(0, 3)).toEqual([
      { position: 0, left: 0, jump: false },
      { position: 5, left: 144, jump: true },
      { position: 6, left: 368, jump: false },
    ]);
    expect(ticks[3]).toMatchObject({ position: 7, left: 552 });
  });
});
