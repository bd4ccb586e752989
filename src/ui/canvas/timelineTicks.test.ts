import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH } from '../../domain';
import { tickStep, timelineTicks } from './timelineTicks';

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
