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

describe('where a palette click puts a sticky', () => {
  it('uses the type row when it is in view, at the centre of the view on the timeline', async () => {
    const { spotInView } = await import('./stickyPlacement');
    const { rowTop } = await import('../domain');
    expect(spotInView('event', { x: 0, y: 0, width: 1000, height: 1400 }, [])).toEqual({ position: 1.9, y: rowTop('event') });
    expect(spotInView('hotspot', { x: 0, y: 0, width: 1000, height: 600 }, []).y).toBe(300 - CATALOGUE.hotspot.height / 2);
  });
});
