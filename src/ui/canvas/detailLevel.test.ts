import { describe, expect, it } from 'vitest';
import { LOW_DETAIL_ZOOM, TINY_DETAIL_ZOOM, detailOf } from './DetailLevel';

describe('level of detail by zoom', () => {
  it('shows everything from the low-detail threshold up, a card with its name below it, colour only when tiny', () => {
    expect(detailOf(1)).toBe('full');
    expect(detailOf(LOW_DETAIL_ZOOM)).toBe('full');
    expect(detailOf(LOW_DETAIL_ZOOM - 0.01)).toBe('low');
    expect(detailOf(TINY_DETAIL_ZOOM)).toBe('low');
    expect(detailOf(TINY_DETAIL_ZOOM - 0.01)).toBe('tiny');
  });
});
