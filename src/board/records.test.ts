import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addElement,
  assignToContext,
  boardMaps,
  createContext,
  deleteContext,
  deleteElements,
  initWorkshop,
  linkElements,
  migrate,
  moveElements,
  snapshot,
  unassignFromContext,
  updateElement,
  writeElement,
  type Fields,
} from './index';
import { replayOnDoc } from './tutorial-replay';
import { downgradeToSchema1, writeSchema1Element } from '../../test-support/schema1';

function board(clientID?: number) {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initWorkshop(doc, 'w1', { name: 'Coffee' });
  return doc;
}

/** A second replica of `doc`, under its own client id. */
function replica(doc: Y.Doc, clientID: number) {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const editsOf = (doc: Y.Doc) => Object.fromEntries(boardMaps(doc).edits.entries());
const only = (doc: Y.Doc) => snapshot(doc).elements[0];

describe('element records (schema 2)', () => {
  it('stores a sticky no one has edited as one value, and each later change as one field edit', () => {
    const doc = board();
    const context = createContext(doc, { name: 'Ordering' });
    const plain = addElement(doc, { type: 'event', name: 'Order Placed', position: 2, y: 300 }, { now: '2026-11-25T10:00:00.000Z' });
    expect(boardMaps(doc).elements.get(plain.id)).toEqual({ type: 'event', name: 'Order Placed', at: [2, 300], created: ['', '2026-11-25T10:00:00.000Z'] });
    const full = addElement(doc, { type: 'command', name: 'Place Order', description: 'why', notes: 'n', bounded_context_id: context.id });
    expect(boardMaps(doc).elements.get(full.id)).toMatchObject({ description: 'why', notes: 'n', contextId: context.id });
    expect(editsOf(doc)).toEqual({});

    moveElements(doc, { moves: [{ element_id: plain.id, position: 4 }] }, { now: '2026-11-25T10:01:00.000Z' });
    updateElement(doc, { element_id: plain.id, name: 'Order Accepted' }, { now: '2026-11-25T10:02:00.000Z' });
    expect(editsOf(doc)).toEqual({
      [`${plain.id}.at`]: [[4, 300], '2026-11-25T10:01:00.000Z'],
      [`${plain.id}.name`]: ['Order Accepted', '2026-11-25T10:02:00.000Z'],
    });
    expect(snapshot(doc).elements.find((e) => e.id === plain.id)).toMatchObject({
      name: 'Order Accepted', position: 4, y: 300, createdAt: '2026-11-25T10:00:00.000Z', updatedAt: '2026-11-25T10:02:00.000Z',
    });
    linkElements(doc, { from: full.id, to: plain.id }, { by: 'Mina' });
    expect(boardMaps(doc).links.get(`${full.id}>${plain.id}`)).toEqual([full.id, plain.id, 'Mina', expect.any(String)]);
  });

  it('lets two people edit different fields of one sticky at once; two moving it end on one spot, never a mix', () => {
    const ana = board(1);
    const e = addElement(ana, { type: 'event', name: 'Order Placed', position: 1, y: 300 });
    const ben = replica(ana, 2);
    moveElements(ana, { moves: [{ element_id: e.id, position: 6, y: 480 }] }, { now: '2026-11-25T10:05:00.000Z' });
    updateElement(ben, { element_id: e.id, name: 'Order Accepted', notes: 'from Ben' }, { now: '2026-11-25T10:04:00.000Z' });
    sync(ana, ben);
    // Its last change is the later of the two, whichever client id wins anything.
    expect(only(ana)).toMatchObject({ name: 'Order Accepted', notes: 'from Ben', position: 6, y: 480, updatedAt: '2026-11-25T10:05:00.000Z' });
    expect(snapshot(ben)).toEqual(snapshot(ana));

    moveElements(ana, { moves: [{ element_id: e.id, position: 2, y: 100 }] });
    moveElements(ben, { moves: [{ element_id: e.id, position: 9, y: 900 }] });
    sync(ana, ben);
    expect([[2, 100], [9, 900]]).toContainEqual([only(ana).position, only(ana).y]);
    expect(snapshot(ben)).toEqual(snapshot(ana));
  });

  it('clears a field over its first value, and writes nothing when nothing changes', () => {
    const doc = board();
    const context = createContext(doc, { name: 'Ordering' });
    const e = addElement(doc, { type: 'event', name: 'Order Placed', description: 'text', bounded_context_id: context.id });
    updateElement(doc, { element_id: e.id, description: '' });
    unassignFromContext(doc, { element_ids: [e.id] });
    expect(only(doc)).toMatchObject({ description: '', contextId: null });
    assignToContext(doc, { context_id: context.id, element_ids: [e.id] });
    expect(deleteContext(doc, { context_id: context.id }).unassigned).toBe(1);
    expect(only(doc).contextId).toBeNull();
    const before = Y.encodeStateVector(doc);
    updateElement(doc, { element_id: e.id, description: '', name: 'Order Placed', bounded_context_id: null });
    moveElements(doc, { moves: [{ element_id: e.id, position: e.position, y: e.y }] });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('removes a sticky with its field edits; one made again under that id starts clean', () => {
    const doc = board();
    const e = addElement(doc, { type: 'event', name: 'Order Placed', id: 'order-placed' });
    updateElement(doc, { element_id: e.id, notes: 'old notes' });
    deleteElements(doc, { element_ids: [e.id] });
    expect(editsOf(doc)).toEqual({});
    // A rename that raced the deletion leaves a field edit for nobody: it shows nowhere...
    boardMaps(doc).edits.set('order-placed.name', ['Raced', '2026-11-25T10:00:00.000Z']);
    expect(snapshot(doc).elements).toEqual([]);
    // ...and does not stick to a new element of the same id.
    addElement(doc, { type: 'command', name: 'Fresh', id: 'order-placed' });
    expect(only(doc)).toMatchObject({ name: 'Fresh', notes: '' });
    expect(editsOf(doc)).toEqual({});
  });

  it('keeps a deletion over an edit made at the same time', () => {
    const ana = board(1);
    const e = addElement(ana, { type: 'event', name: 'Order Placed' });
    const ben = replica(ana, 2);
    deleteElements(ana, { element_ids: [e.id] });
    updateElement(ben, { element_id: e.id, name: 'Renamed meanwhile' });
    sync(ana, ben);
    expect(snapshot(ana).elements).toEqual([]);
    expect(snapshot(ben)).toEqual(snapshot(ana));
  });

  it('undoes a move back to where the sticky was made', () => {
    const doc = board();
    const e = addElement(doc, { type: 'event', name: 'Order Placed', position: 1, y: 300 });
    const maps = boardMaps(doc);
    const me = { me: true };
    const undo = new Y.UndoManager([maps.elements, maps.edits, maps.links, maps.contexts], { trackedOrigins: new Set([me]), captureTimeout: 0 });
    moveElements(doc, { moves: [{ element_id: e.id, position: 5, y: 600 }] }, { origin: me });
    moveElements(doc, { moves: [{ element_id: e.id, position: 7, y: 700 }] }, { origin: me });
    undo.undo();
    expect(only(doc)).toMatchObject({ position: 5, y: 600 });
    undo.undo();
    expect(only(doc)).toMatchObject({ position: 1, y: 300 });
    deleteElements(doc, { element_ids: [e.id] }, { origin: me });
    undo.undo();
    expect(only(doc)).toMatchObject({ id: e.id, position: 1, y: 300 });
  });

  it('places a new sticky by where the others stand now: their moves, their type changes, schema-1 ones too', () => {
    const doc = board();
    const a = addElement(doc, { type: 'event', name: 'A', position: 0, y: 510 });
    const b = addElement(doc, { type: 'command', name: 'B', position: 1, y: 170 });
    moveElements(doc, { moves: [{ element_id: a.id, position: 4 }] });
    updateElement(doc, { element_id: b.id, type: 'event', position: 6 });
    doc.transact(() =>
      writeSchema1Element(boardMaps(doc), {
        id: 'old', type: 'event', name: 'Old', description: '', notes: '', position: 4, y: 700,
        contextId: null, createdBy: '', createdAt: '', updatedAt: '',
      }),
    );
    // Right of the rightmost event (b, now an event at 6)...
    expect(addElement(doc, { type: 'event', name: 'Next' }).position).toBe(7);
    // ...and below the lowest event in column 4 (the schema-1 one, under a's new spot).
    expect(addElement(doc, { type: 'event', name: 'Under', position: 4 }).y).toBeGreaterThan(700);
    expect(addElement(doc, { type: 'command', name: 'First command' }).position).toBe(0);
  });

  it('holds a never-edited 2,000-sticky board in a sixth of the items schema 1 needed', () => {
    const source = board();
    source.transact(() => {
      for (let i = 0; i < 2000; i++) addElement(source, { type: 'event', name: `Sticky ${i}`, description: 'A little text.', position: i % 50, y: 300 });
    });
    const records = snapshot(source).elements.map(({ triggers: _out, triggeredBy: _in, ...record }) => record);
    const lean = board();
    lean.transact(() => records.forEach((record) => writeElement(boardMaps(lean), record)));
    const old = board();
    old.transact(() => records.forEach((record) => writeSchema1Element(boardMaps(old), record)));
    const items = (doc: Y.Doc) => [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);
    expect(items(lean) * 6).toBeLessThan(items(old));
    expect(snapshot(old).elements).toEqual(snapshot(lean).elements);
  });
});

describe('schema-1 records', () => {
  it('reads a schema-1 board exactly as before; migrating it to 2 rewrites nothing', async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const expected = snapshot(doc);
    downgradeToSchema1(doc);
    expect(snapshot(doc)).toEqual(expected);
    const before = Y.encodeStateVector(doc);
    boardMaps(doc).meta.set('schemaVersion', 1);
    expect(migrate(doc)).toEqual([expect.stringMatching(/^2: /)]);
    expect(snapshot(doc)).toEqual(expected);
    expect(boardMaps(doc).elements.get(expected.elements[0].id)).toBeInstanceOf(Y.Map);
    expect(Y.encodeStateVector(doc)).not.toEqual(before);
  });

  it('edits a schema-1 record in its own keys, so an older client editing it at the same time merges field by field', () => {
    const server = board(1);
    const doc = server;
    doc.transact(() =>
      writeSchema1Element(boardMaps(doc), {
        id: 'old', type: 'event', name: 'Order Placed', description: 'd', notes: '', position: 1, y: 300,
        contextId: null, createdBy: 'v1', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    const oldClient = replica(server, 2);
    moveElements(server, { moves: [{ element_id: 'old', position: 7, y: 480 }] });
    updateElement(server, { element_id: 'old', description: '' });
    (boardMaps(oldClient).elements.get('old') as Fields).set('name', 'Order Accepted');
    sync(server, oldClient);
    const record = boardMaps(server).elements.get('old') as Fields;
    expect(record.toJSON()).toMatchObject({ id: 'old', name: 'Order Accepted', position: 7, y: 480, description: '' });
    expect(editsOf(server)).toEqual({});
    expect(only(server)).toMatchObject({ name: 'Order Accepted', position: 7, y: 480, description: '', createdBy: 'v1' });
    expect(snapshot(oldClient)).toEqual(snapshot(server));
    deleteElements(server, { element_ids: ['old'] });
    expect(snapshot(server).elements).toEqual([]);
  });
});
