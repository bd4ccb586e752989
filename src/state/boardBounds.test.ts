import { describe, expect, it } from 'vitest';
import { CATALOGUE, COLUMN_WIDTH, type BoardElement, type ElementType } from '../domain';
import { boardBounds } from './boardBounds';

const el = (type: ElementType, position: number, y: number): BoardElement => ({
  id: `${type}${position}`, type, name: 'x', description: '', notes: '', position, y, contextId: null,
  createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
});

describe('board bounds', () => {
  it('is null for an empty board', () => {
    expect(boardBounds([])).toBeNull();
  });

  it('covers every sticky at its catalogue size', () => {
    expect(boardBounds([el('actor', -1, -50), el('aggregate', 3, 400)])).toEqual({
      x: -COLUMN_WIDTH,
      y: -50,
      width: 3 * COLUMN_WIDTH + CATALOGUE.aggregate.width + COLUMN_WIDTH,
      height: 450 + CATALOGUE.aggregate.height,
    });
  });
});
