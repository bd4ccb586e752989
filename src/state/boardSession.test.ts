import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, initWorkshop, linkElements, snapshot, updateElement } from '../board';
import { isStickyNode } from './canvasNodes';
import { createBoardSession } from './boardSession';

function openBoard() {
  const doc = new Y.Doc();
  initWorkshop(doc, 'w1', { name: 'Checkout' });
  const session = createBoardSession({ workshopId: 'w1', secret: 'k', access: 'edit' }, { connect: false, doc });
  return { doc, session, store: session.store };
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('a board session', () => {
  it('loads the document into the store', () => {
    const { store } = openBoard();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().meta.name).toBe('Checkout');
  });

  it('adds a sticky through the operations, selects it and opens its name for editing', () => {
    const { session, store } = openBoard();
    const id = session.ops.addSticky('event', { position: 2, y: 510 })!;
    const state = store.getState();
    expect(state.elements.map((e) => e.name)).toEqual(['New domain event']);
    expect(state.selectedIds).toEqual([id]);
    expect(state.editingId).toBe(id);
    const node = state.nodes.find((n) => n.id === id)!;
    // The board's only position is its first column (the compact timeline).
    expect(node.position).toEqual({ x: 0, y: 510 });
    expect(node.selected).toBe(true);
  });

  it('reuses the node objects of stickies a remote edit did not touch', async () => {
    const { doc, session, store } = openBoard();
    const a = session.ops.addSticky('event', { position: 0, y: 510 }, { edit: false })!;
    const b = session.ops.addSticky('command', { position: 0, y: 170 }, { edit: false })!;
    const before = new Map(store.getState().nodes.map((n) => [n.id, n]));
    // A colleague renames b: an update with another origin, picked up by the observer.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    updateElement(remote, { element_id: b, name: 'Place Order' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    await flush();
    const after = new Map(store.getState().nodes.map((n) => [n.id, n]));
    expect(after.get(a)).toBe(before.get(a));
    expect(after.get(b)).not.toBe(before.get(b));
    const nodeB = after.get(b)!;
    expect(isStickyNode(nodeB) && nodeB.data.element.name).toBe('Place Order');
  });

  it("undoes only this page's own edits", () => {
    const { doc, session, store } = openBoard();
    const mine = session.ops.addSticky('event', { position: 0, y: 510 }, { edit: false })!;
    const theirs = addElement(doc, { type: 'command', name: 'Theirs', position: 0, y: 170 }, { origin: 'assistant' }).id;
    session.ops.rename(mine, 'Order Placed');
    expect(store.getState().canUndo).toBe(true);
    session.ops.undo();
    expect(store.getState().elementsById.get(mine)?.name).toBe('New domain event');
    session.ops.undo();
    expect(store.getState().elementsById.has(mine)).toBe(false);
    expect(store.getState().elementsById.has(theirs)).toBe(true);
    session.ops.redo();
    expect(store.getState().elementsById.has(mine)).toBe(true);
  });

  it('shows a refused operation as a toast and changes nothing', () => {
    const { session, store } = openBoard();
    const id = session.ops.addSticky('event', { position: 0, y: 0 }, { edit: false })!;
    expect(session.ops.link(id, id)).toBe(false);
    expect(store.getState().toasts.at(-1)?.message).toMatch(/cannot trigger itself/);
    expect(store.getState().links).toEqual([]);
  });

  it('writes a drop once, for every sticky of the selection, as one undo step', () => {
    const { session, store } = openBoard();
    const a = session.ops.addSticky('event', { position: 0, y: 510 }, { edit: false })!;
    const b = session.ops.addSticky('event', { position: 1, y: 510 }, { edit: false })!;
    session.ops.move([{ id: a, position: 3, y: 520 }, { id: b, position: 4, y: 530 }]);
    expect(store.getState().elementsById.get(a)).toMatchObject({ position: 3, y: 520 });
    session.ops.undo();
    expect(store.getState().elementsById.get(a)).toMatchObject({ position: 0, y: 510 });
    expect(store.getState().elementsById.get(b)).toMatchObject({ position: 1, y: 510 });
  });

  it('builds an arrow per link and dims what is outside a focused context', async () => {
    const { doc, session, store } = openBoard();
    const a = session.ops.addSticky('command', { position: 0, y: 170 }, { edit: false })!;
    const b = session.ops.addSticky('event', { position: 0, y: 510 }, { edit: false })!;
    linkElements(doc, { from: a, to: b }, { origin: 'other' });
    await flush();
    expect(store.getState().edges.map((e) => [e.source, e.target])).toEqual([[a, b]]);
    const ctx = session.ops.createContext('Ordering')!;
    session.ops.assign(ctx, [a]);
    expect(store.getState().regions).toHaveLength(1);
    const { setFocusContext } = await import('./boardStore');
    setFocusContext(store, ctx);
    const nodes = new Map(store.getState().nodes.map((n) => [n.id, n]));
    expect(nodes.get(a)?.className).toBeUndefined();
    expect(nodes.get(b)?.className).toBe('es-dimmed');
    expect(store.getState().edges[0].className).toBe('es-dimmed');
    expect(snapshot(doc).elements).toHaveLength(2);
  });

  it('refuses every write from a view link', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w1', { name: 'Checkout' });
    const session = createBoardSession({ workshopId: 'w1', secret: 'v', access: 'view' }, { connect: false, doc });
    expect(session.ops.addSticky('event', { position: 0, y: 0 })).toBeNull();
    expect(snapshot(doc).elements).toEqual([]);
    expect(session.store.getState().toasts.at(-1)?.tone).toBe('info');
  });
});
