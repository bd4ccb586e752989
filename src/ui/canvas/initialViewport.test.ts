import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain';
import { detailOf } from './DetailLevel';
import { LEFT_GUTTER, TOP_GUTTER, initialViewport } from './initialViewport';
import { NAME_FLOOR_SIZE, READABLE_ZOOM, fitName, estimateWidth } from './stickyText';

describe('the view a board opens at', () => {
  it('starts an empty board at zoom 1 with room for the row labels', () => {
    expect(initialViewport(null, { width: 1200, height: 800 })).toEqual({ x: LEFT_GUTTER, y: TOP_GUTTER, zoom: 1 });
  });

  it('shows a small board whole, centred, never above zoom 1', () => {
    const v = initialViewport({ x: 0, y: 0, width: 400, height: 300 }, { width: 1200, height: 800 });
    expect(v.zoom).toBe(1);
    expect(v.x).toBeGreaterThan(LEFT_GUTTER);
  });

  it('starts a long timeline at its beginning at a readable zoom', () => {
    const v = initialViewport({ x: 0, y: 0, width: 22000, height: 1400 }, { width: 1200, height: 800 });
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x).toBe(LEFT_GUTTER);
    expect(v.y).toBe(TOP_GUTTER);
  });

  it('reads, at that zoom, even a long name in its smallest type', () => {
    const opened = initialViewport({ x: 0, y: 0, width: 22000, height: 1400 }, { width: 1200, height: 800 }).zoom;
    // The smallest type a name is set in at full detail: a name too long for the card.
    const tooLong = fitName('Payment Authorisation Requested '.repeat(6), CATALOGUE.event.width, CATALOGUE.event.height, false, estimateWidth);
    expect(tooLong).toMatchObject({ clamped: true, fontSize: NAME_FLOOR_SIZE });
    // Some 9 px on screen: smaller type is not read without effort.
    expect(opened * NAME_FLOOR_SIZE).toBeGreaterThanOrEqual(8.5);
    expect(detailOf(opened)).toBe('full');
  });
});
