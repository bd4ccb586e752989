import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain';
import { estimateWidth, fitName, wrappedLines, type Measure } from './stickyText';

/** Every character 0.6 em: easy numbers. */
const mono: Measure = (text, size) => text.length * size * 0.6;

describe('fitting a sticky name', () => {
  it('wraps at spaces and breaks words longer than a line', () => {
    expect(wrappedLines('Order Placed', 200, 10, mono)).toBe(1);
    expect(wrappedLines('Order Placed', 40, 10, mono)).toBe(2);
    expect(wrappedLines('Supercalifragilistic', 60, 10, mono)).toBe(2);
  });

  it('keeps the largest size when the name fits', () => {
    const { width, height } = CATALOGUE.event;
    expect(fitName('Order Placed', width, height, false, mono)).toMatchObject({ fontSize: 15, clamped: false });
  });

  it('shrinks a long name until it fits whole', () => {
    const { width, height } = CATALOGUE.hotspot;
    const fit = fitName('Payment Gateway Timeout Handling Strategy', width, height, false, mono);
    expect(fit.fontSize).toBeLessThan(15);
    expect(fit.clamped).toBe(false);
  });

  it('prefers a smaller size to splitting a word', () => {
    const fit = fitName('Customer', 86, 80, false, mono);
    expect(fit.fontSize).toBeLessThan(15);
    expect(wrappedLines('Customer', 86 - 20, fit.fontSize, mono)).toBe(1);
  });

  it('clamps what no size can fit, and says so', () => {
    const fit = fitName('word '.repeat(60), CATALOGUE.actor.width, CATALOGUE.actor.height, false, mono);
    expect(fit.clamped).toBe(true);
    expect(fit.lines).toBeGreaterThanOrEqual(1);
  });

  it('estimates Hangul wider than Latin', () => {
    expect(estimateWidth('주문', 10)).toBeGreaterThan(estimateWidth('ab', 10));
  });
});
