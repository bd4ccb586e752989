import { describe, expect, it } from 'vitest';
import { CATALOGUE, COLUMN_WIDTH, STACK_GAP, rowTop, type BoardElement } from '../domain';
import { spotAt, spotInView } from './stickyPlacement';

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

  it('stays in the view: a full column sends it to the next one, a full view puts it where asked', () => {
    const view = { x: 0, y: 0, width: 3 * COLUMN_WIDTH, height: 250 };
    const column = [event('a', 1, 0), event('b', 1, 112)];
    const spot = spotAt('event', { x: COLUMN_WIDTH + 80, y: 50 }, column, view);
    expect(spot).toEqual({ position: 2, y: 0 });
    const full = [...column, event('c', 2, 0), event('d', 2, 112), event('e', 0, 0), event('f', 0, 112)];
    expect(spotAt('event', { x: COLUMN_WIDTH + 80, y: 50 }, full, view)).toEqual({ position: 1, y: 0 });
  });
});

describe('where a palette click puts a sticky', () => {
  it('uses the type row when it is in view, at the centre of the view on the timeline', () => {
    expect(spotInView('event', { x: 0, y: 0, width: 1000, height: 1400 }, [])).toEqual({ position: 1.9, y: rowTop('event') });
    expect(spotInView('hotspot', { x: 0, y: 0, width: 1000, height: 600 }, []).y).toBe(300 - CATALOGUE.hotspot.height / 2);
  });
});
