import { describe, expect, it } from 'vitest';
import { LEFT_GUTTER, READABLE_ZOOM, TOP_GUTTER, initialViewport } from './initialViewport';

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
});
