import { describe, expect, it } from 'vitest';
import { triggerPath } from './triggerPath';

const box = (x: number, y: number, width = 160, height = 100) => ({ x, y, width, height });

describe('trigger arrow shape', () => {
  it('goes from the right side to the left side when the target is later on the timeline', () => {
    const p = triggerPath(box(0, 0), box(440, 200));
    expect([p.sourceX, p.sourceY, p.targetX, p.targetY]).toEqual([160, 50, 440, 250]);
    expect(p.path.startsWith('M160,50 C')).toBe(true);
  });

  it('goes from the left side to the right side when the target is earlier', () => {
    const p = triggerPath(box(440, 0), box(0, 0));
    expect([p.sourceX, p.targetX]).toEqual([440, 160]);
  });

  it('loops out to the right within a column, clear of the stickies stacked between', () => {
    const p = triggerPath(box(0, 170), box(0, 510));
    expect([p.sourceX, p.targetX]).toEqual([160, 160]);
    expect(p.midX).toBeGreaterThan(160 + 30);
    expect(p.midY).toBe((220 + 560) / 2);
  });
});
