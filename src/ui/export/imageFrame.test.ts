import { describe, expect, it } from 'vitest';
import { IMAGE_MARGIN, imageFrame, MAX_IMAGE_PIXELS, MAX_IMAGE_SCALE, MAX_IMAGE_SIDE } from './imageFrame';

describe('the frame of a board picture', () => {
  it('is nothing for an empty board', () => {
    expect(imageFrame(null)).toBeNull();
    expect(imageFrame({ x: 0, y: 0, width: 0, height: 0 })).toBeNull();
  });

  it('covers every node with a margin, at 2× when the board is small', () => {
    const frame = imageFrame({ x: -10.5, y: 20, width: 1000, height: 400.2 })!;
    expect(frame.x).toBe(-11 - IMAGE_MARGIN);
    expect(frame.y).toBe(20 - IMAGE_MARGIN);
    expect(frame.x + frame.width).toBeGreaterThanOrEqual(-10.5 + 1000 + IMAGE_MARGIN);
    expect(frame.y + frame.height).toBeGreaterThanOrEqual(20 + 400.2 + IMAGE_MARGIN);
    expect(Number.isInteger(frame.width) && Number.isInteger(frame.height)).toBe(true);
    expect(frame.scale).toBe(MAX_IMAGE_SCALE);
    expect(frame.pixelWidth).toBe(frame.width * 2);
    expect(frame.pixelHeight).toBe(frame.height * 2);
  });

  it('scales a wide board down to what a browser can draw', () => {
    // The tutorial's timeline runs about a hundred columns wide.
    const frame = imageFrame({ x: 0, y: -36, width: 22_000, height: 1_400 })!;
    expect(frame.scale).toBeLessThan(1);
    expect(frame.pixelWidth).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    expect(frame.pixelWidth).toBe(Math.floor(frame.width * frame.scale));
    expect(frame.pixelHeight).toBe(Math.floor(frame.height * frame.scale));
  });

  it('keeps a large square board under the pixel budget', () => {
    const frame = imageFrame({ x: 0, y: 0, width: 11_000, height: 7_000 })!;
    expect(frame.pixelWidth * frame.pixelHeight).toBeLessThanOrEqual(MAX_IMAGE_PIXELS);
    expect(frame.pixelWidth).toBeLessThanOrEqual(MAX_IMAGE_SIDE);
    expect(frame.scale).toBeGreaterThan(0.5);
  });
});
