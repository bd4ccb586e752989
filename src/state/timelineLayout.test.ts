// The board store lays the timeline out compact (the positions in use side by side) or to scale, and moves the
// stickies and regions when a new position appears or the person switches layouts.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, assignToContext, createContext, initWorkshop } from '../board';
import { CATALOGUE, COLUMN_GAP, COLUMN_WIDTH } from '../domain';

/** A compact column of events: the sticky and the gap. */
const EVENTS = CATALOGUE.event.width + COLUMN_GAP;
import { setTimelineMode } from './boardStore';
import { createBoardSession } from './boardSession';

function board() {
  const doc = new Y.Doc();
  initWorkshop(doc, 'w1', { name: 'Layout' });
  const ids = [0, 10, 20].map((position) => addElement(doc, { type: 'event', name: `At ${position}`, position, y: 510 }).id);
  const session = createBoardSession({ workshopId: 'w1', secret: 'k', access: 'edit' }, { connect: false, doc });
  session.refresh();
  return { doc, session, store: session.store, ids };
}

const xs = (store: ReturnType<typeof board>['store'], ids: string[]) => ids.map((id) => store.getState().nodes.find((n) => n.id === id)!.position.x);

describe('the timeline layout on the board', () => {
  it('moves the later stickies one column on when a position between appears, and leaves the earlier ones as they were', () => {
    const { doc, session, store, ids } = board();
    expect(xs(store, ids)).toEqual([0, EVENTS, 2 * EVENTS]);
    const first = store.getState().nodes.find((n) => n.id === ids[0]);
    const scale = store.getState().scale;
    const between = addElement(doc, { type: 'event', name: 'At 15', position: 15, y: 510 }).id;
    session.refresh();
    expect(xs(store, [...ids, between])).toEqual([0, EVENTS, 3 * EVENTS, 2 * EVENTS]);
    expect(store.getState().nodes.find((n) => n.id === ids[0])).toBe(first);
    expect(store.getState().scale).not.toBe(scale);
    // A change that adds no position keeps the layout object (nothing re-lays out).
    const kept = store.getState().scale;
    addElement(doc, { type: 'command', name: 'Also at 10', position: 10, y: 170 });
    session.refresh();
    expect(store.getState().scale).toBe(kept);
  });

  it('switches to one column per unit and back, regions included', () => {
    const { doc, session, store, ids } = board();
    const context = createContext(doc, { name: 'Ordering' }).id;
    assignToContext(doc, { element_ids: [ids[1]], context_id: context });
    session.refresh();
    const regionX = () => store.getState().regions[0].x;
    const compactRegion = regionX();
    setTimelineMode(store, 'to-scale');
    expect(store.getState().timelineMode).toBe('to-scale');
    expect(xs(store, ids)).toEqual([0, 10 * COLUMN_WIDTH, 20 * COLUMN_WIDTH]);
    expect(regionX() - compactRegion).toBe(10 * COLUMN_WIDTH - EVENTS);
    setTimelineMode(store, 'compact');
    expect(xs(store, ids)).toEqual([0, EVENTS, 2 * EVENTS]);
    expect(regionX()).toBe(compactRegion);
  });
});
