import { describe, expect, it } from 'vitest';
import { CATALOGUE, STACK_GAP, type BoardElement } from '../domain';
import { spotAt } from './stickyPlacement';

const event = (id: string, position: number, y: number): BoardElement => ({
  id, type: 'event', name: id, description: '', notes: '', position, y, contextId: null,
  createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
});

describe('where an added sticky lands', () => {
  it('is centred on the point, on the timeline', () => {
    const spot = spotAt('event', { x: 1000, y: 600 }, []);
    expect(spot).toEqual({ position: 4.2, y: 600 - CATALOGUE.event.height / 2 });
  });

  it('moves below stickies it would cover, so two clicks never stack exactly', () => {
    const first = spotAt('event', { x: 80, y: 50 }, []);
    const second = spotAt('event', { x: 80, y: 50 }, [event('a', first.position, first.y)]);
    expect(second.position).toBe(first.position);
    expect(second.y).toBe(first.y + CATALOGUE.event.height + STACK_GAP);
  });
});
