import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH } from './geometry';
import { COLUMN_GAP, numberBetween, sameScale, timelineScale, timelineScaleOf } from './timelineScale';

const SEED = [0, 1, 10, 11, 12, 20, 21, 22, 23, 30, 31, 40, 41, 42, 43, 50, 51, 99];

describe('the compact timeline', () => {
  it("lays the seed's positions out as consecutive columns, and marks where the numbers skip", () => {
    const scale = timelineScale([...SEED, 10, 0, 99]);
    expect(scale.columns.map((c) => c.position)).toEqual(SEED);
    expect(scale.columns.map((c) => c.x)).toEqual(SEED.map((_, i) => i * COLUMN_WIDTH));
    expect(scale.xOf(99)).toBe(17 * COLUMN_WIDTH);
    expect(scale.columns.filter((c) => c.jump).map((c) => c.position)).toEqual([10, 20, 30, 40, 50, 99]);
  });

  it('gives a drop on a column its position, between two columns a position strictly between, beyond the ends one unit a column', () => {
    const scale = timelineScale(SEED);
    const at10 = scale.xOf(10);
    expect(scale.positionAt(at10)).toBe(10);
    expect(scale.positionAt(at10 + 0.2 * COLUMN_WIDTH)).toBe(10);
    expect(scale.positionAt(at10 + 0.5 * COLUMN_WIDTH)).toBe(10.5);
    const between = scale.positionAt(at10 + 0.3 * COLUMN_WIDTH);
    expect(between).toBeGreaterThan(10);
    expect(between).toBeLessThan(11);
    // Between 51 and 99 (one column apart on screen, 48 units in numbers).
    expect(scale.positionAt(scale.xOf(51) + 0.5 * COLUMN_WIDTH)).toBe(75);
    expect(scale.positionAt(scale.xOf(99) + COLUMN_WIDTH)).toBe(100);
    expect(scale.positionAt(-COLUMN_WIDTH)).toBe(-1);
    expect(scale.positionAt(-0.4 * COLUMN_WIDTH)).toBe(-0.4);
  });

  it('draws a position between two columns in proportion, so a new column lands between its neighbours', () => {
    const scale = timelineScale([10, 11]);
    expect(scale.xOf(10.5)).toBe(0.5 * COLUMN_WIDTH);
    const after = timelineScale([10, 10.5, 11]);
    expect(after.columns.map((c) => c.x)).toEqual([0, COLUMN_WIDTH, 2 * COLUMN_WIDTH]);
    expect(sameScale(scale, after)).toBe(false);
    expect(sameScale(after, timelineScale([11, 10.5, 10, 10]))).toBe(true);
  });

  it('moves a sticky by the arrow keys a column at a time (compact) or half a unit (to scale)', () => {
    const scale = timelineScale(SEED);
    expect(scale.step(51, 1)).toBe(99);
    expect(scale.step(99, 1)).toBe(100);
    expect(scale.step(10, -1)).toBe(1);
    expect(scale.step(0, -1)).toBe(-1);
    expect(scale.step(10.5, -1)).toBe(10);
    expect(scale.step(10.5, 1)).toBe(11);
    expect(timelineScale(SEED, 'to-scale').step(51, 1)).toBe(51.5);
  });

  it('is empty for an empty board, and to scale is one column per unit', () => {
    expect(timelineScale([]).columns).toEqual([]);
    expect(timelineScale([]).positionAt(2 * COLUMN_WIDTH)).toBe(2);
    const scaled = timelineScale(SEED, 'to-scale');
    expect(scaled.xOf(99)).toBe(99 * COLUMN_WIDTH);
    expect(scaled.positionAt(10.46 * COLUMN_WIDTH)).toBe(10.5);
  });

  it('keeps every column where it is when a sticky is dropped back on it, and never moves a drop across a neighbour', () => {
    const positions = fc.uniqueArray(fc.integer({ min: -50, max: 500 }).map((n) => n / 2), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(positions, fc.double({ min: -3, max: 45, noNaN: true }), (ps, c) => {
        const scale = timelineScale(ps);
        for (const col of scale.columns) expect(scale.positionAt(col.x)).toBe(col.position);
        const p = scale.positionAt(c * COLUMN_WIDTH);
        // The drop's position sits in the same gap between columns as the point it was dropped on.
        const cols = scale.columns;
        const left = [...cols].reverse().find((col) => col.x <= c * COLUMN_WIDTH + 0.25 * COLUMN_WIDTH + 1e-9);
        const right = cols.find((col) => col.x >= c * COLUMN_WIDTH - 0.25 * COLUMN_WIDTH - 1e-9);
        if (left) expect(p).toBeGreaterThanOrEqual(left.position);
        if (right) expect(p).toBeLessThanOrEqual(right.position);
      }),
    );
  });

  it('makes each column as wide as its widest sticky and a gap, and drops by the columns drawn', () => {
    const scale = timelineScaleOf([
      { position: 0, type: 'actor' },
      { position: 0, type: 'command' },
      { position: 10, type: 'aggregate' },
      { position: 11, type: 'event' },
    ]);
    expect(scale.columns.map((c) => c.x)).toEqual([0, 160 + COLUMN_GAP, 160 + 200 + 2 * COLUMN_GAP]);
    expect(scale.positionAt(scale.xOf(10) + 10)).toBe(10);
    const between = scale.positionAt((scale.xOf(10) + scale.xOf(11)) / 2);
    expect(between).toBe(10.5);
    // After the last column: its own width and a gap is the next unit, then a unit a column.
    const next = scale.xOf(11) + 160 + COLUMN_GAP;
    expect(scale.xOf(12)).toBe(next);
    expect(scale.positionAt(next)).toBe(12);
    expect(scale.positionAt(next + COLUMN_WIDTH)).toBe(13);
    expect(scale.xOf(13)).toBe(next + COLUMN_WIDTH);
  });

  it('reads a canvas x back as timeline units, the exact inverse of where it draws them', () => {
    const scale = timelineScale([{ position: 0, width: 120 }, { position: 10, width: 200 }, { position: 11, width: 160 }]);
    for (const x of [-300, -1, 0, 30, 144, 200, 368, 400, 551, 552, 900]) expect(scale.xOf(scale.unitsAt(x))).toBeCloseTo(x, 9);
    expect(scale.unitsAt(scale.xOf(10.5))).toBeCloseTo(10.5, 9);
    const scaled = timelineScale([0, 10], 'to-scale');
    expect(scaled.unitsAt(scaled.xOf(7.3))).toBeCloseTo(7.3, 9);
  });

  it('finds the shortest decimal strictly between two numbers', () => {
    expect(numberBetween(10, 11, 10.5)).toBe(10.5);
    expect(numberBetween(10, 10.1, 10.04)).toBe(10.04);
    expect(numberBetween(10, 10.5, 10.25)).toBe(10.3);
    expect(numberBetween(-Infinity, 0, -0.3)).toBe(-0.3);
  });
});
