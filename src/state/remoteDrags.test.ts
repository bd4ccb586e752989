import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, initWorkshop, moveElements } from '../board';
import { CATALOGUE, COLUMN_GAP, xOfPosition, type BoardElement } from '../domain';
import { createBoardSession } from './boardSession';
import { RemoteDrags, SETTLE_MS, setRemoteDrags, withRemoteDrags } from './remoteDrags';

function element(id: string, position: number, y: number): BoardElement {
  return {
    id, type: 'event', name: id, description: '', notes: '', position, y, contextId: null,
    createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
  };
}

const byId = (...els: BoardElement[]) => new Map(els.map((e) => [e.id, e]));
const drag = (ids: string[], points: number[]) => ({ ids, points });

describe('live drags of others', () => {
  it('shows a dragged sticky where the other person has it, while they drag', () => {
    const d = new RemoteDrags();
    const els = byId(element('a', 1, 100), element('b', 2, 100));
    expect(d.update(new Map([[7, drag(['a'], [300, 150])]]), els, 0)).toEqual(new Map([['a', { x: 300, y: 150 }]]));
    expect(d.update(new Map([[7, drag(['a'], [320, 160])]]), els, 10)).toEqual(new Map([['a', { x: 320, y: 160 }]]));
  });

  it('shows two people dragging different stickies at once', () => {
    const d = new RemoteDrags();
    const els = byId(element('a', 1, 100), element('b', 2, 100));
    const out = d.update(new Map([[7, drag(['a'], [10, 10])], [8, drag(['b'], [20, 20])]]), els, 0);
    expect(out).toEqual(new Map([['a', { x: 10, y: 10 }], ['b', { x: 20, y: 20 }]]));
  });

  it('keeps a let-go sticky where it was dropped until the document has the drop, then follows the document', () => {
    const d = new RemoteDrags();
    const els = byId(element('a', 1, 100));
    d.update(new Map([[7, drag(['a'], [660, 120])]]), els, 0);
    // The drag ends before the drop reaches this page (awareness overtook the document update).
    expect(d.update(new Map([[7, null]]), els, 20)).toEqual(new Map([['a', { x: 660, y: 120 }]]));
    expect(d.nextExpiry()).toBe(20 + SETTLE_MS);
    // The drop arrives: the document's position stands.
    const dropped = byId(element('a', 3, 120));
    expect(d.update(new Map([[7, null]]), dropped, 40)).toEqual(new Map());
    expect(d.nextExpiry()).toBeNull();
  });

  it('gives up waiting after a while (a drop that changed nothing never arrives)', () => {
    const d = new RemoteDrags();
    const els = byId(element('a', 1, 100));
    d.update(new Map([[7, drag(['a'], [xOfPosition(1) + 3, 100])]]), els, 0);
    expect(d.update(new Map(), els, 10).size).toBe(1);
    expect(d.update(new Map(), els, 10 + SETTLE_MS).size).toBe(0);
  });

  it('does not wait when the drop arrived before the end of the drag', () => {
    const d = new RemoteDrags();
    d.update(new Map([[7, drag(['a'], [660, 120])]]), byId(element('a', 1, 100)), 0);
    const dropped = byId(element('a', 3, 120));
    expect(d.update(new Map([[7, drag(['a'], [660, 120])]]), dropped, 5).get('a')).toEqual({ x: 660, y: 120 });
    expect(d.update(new Map([[7, null]]), dropped, 10)).toEqual(new Map());
  });

  it("leaves this page's own drag alone, and stickies that are gone", () => {
    const d = new RemoteDrags();
    const out = d.update(new Map([[7, drag(['a', 'gone'], [1, 1, 2, 2])]]), byId(element('a', 1, 100)), 0, new Set(['a']));
    expect(out.size).toBe(0);
  });
});

describe('overrides on the board store', () => {
  function board() {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w1', { name: 'Drags' });
    const a = addElement(doc, { type: 'event', name: 'A', position: 1, y: 510 }).id;
    const b = addElement(doc, { type: 'event', name: 'B', position: 2, y: 510 }).id;
    const session = createBoardSession({ workshopId: 'w1', secret: 'k', access: 'edit' }, { connect: false, doc });
    return { doc, session, store: session.store, a, b };
  }
  const nodeOf = (store: ReturnType<typeof board>['store'], id: string) => store.getState().nodes.find((n) => n.id === id)!;

  it('moves only the overridden node, and back when the override ends', () => {
    const { store, a, b } = board();
    const before = nodeOf(store, b);
    setRemoteDrags(store, new Map([[a, { x: 999, y: 10 }]]));
    expect(nodeOf(store, a).position).toEqual({ x: 999, y: 10 });
    expect(nodeOf(store, b)).toBe(before);
    setRemoteDrags(store, new Map());
    // Compact timeline: positions 1 and 2 are the first two columns.
    expect(nodeOf(store, a).position).toEqual({ x: 0, y: 510 });
  });

  it('keeps an override through a rebuild of the nodes (another change to the board)', async () => {
    const { doc, store, session, a, b } = board();
    setRemoteDrags(store, new Map([[a, { x: 999, y: 10 }]]));
    moveElements(doc, { moves: [{ element_id: b, position: 5, y: 510 }] }, { origin: 'someone' });
    session.refresh();
    expect(nodeOf(store, a).position).toEqual({ x: 999, y: 10 });
    expect(nodeOf(store, b).position).toEqual({ x: CATALOGUE.event.width + COLUMN_GAP, y: 510 });
  });

  it('never moves a node this page is dragging', () => {
    const nodes = [{ id: 'a', type: 'sticky', position: { x: 1, y: 1 }, dragging: true, data: {} }] as never[];
    expect(withRemoteDrags(nodes, new Map([['a', { x: 5, y: 5 }]]))).toEqual(nodes);
  });
});
