import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addElement,
  assignToContext,
  boardMaps,
  createContext,
  deleteContext,
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
import { downgradeToSchema1, writeSchema1Element } from './test-schema1';

function board(clientID?: number) {
  const doc = new Y.Doc();
  if (clientID !== undefined) doc.clientID = clientID;
  initWorkshop(doc, 'w1', { name: 'Coffee' });
  return doc;
}

const keysOf = (doc: Y.Doc, id: string) => [...(boardMaps(doc).elements.get(id) as Fields).keys()].sort();

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('record layout (schema 2)', () => {
  it('stores a plain sticky in four keys, and only the fields that say something', () => {
    const doc = board();
    const plain = addElement(doc, { type: 'event', name: 'Order Placed', position: 2, y: 300 });
    expect(keysOf(doc, plain.id)).toEqual(['at', 'created', 'name', 'type']);
    const context = createContext(doc, { name: 'Ordering' });
    const full = addElement(doc, { type: 'command', name: 'Place Order', description: 'why', notes: 'n', bounded_context_id: context.id });
    expect(keysOf(doc, full.id)).toEqual(['at', 'contextId', 'created', 'description', 'name', 'notes', 'type']);
    linkElements(doc, { from: full.id, to: plain.id }, { by: 'Mina' });
    expect(boardMaps(doc).links.get(`${full.id}>${plain.id}`)).toEqual([full.id, plain.id, 'Mina', expect.any(String)]);
  });

  it('writes an edit as the fewest keys, and clearing a field removes its key', () => {
    const doc = board();
    const context = createContext(doc, { name: 'Ordering' });
    const e = addElement(doc, { type: 'event', name: 'Order Placed', description: 'text', position: 1, y: 300 });
    moveElements(doc, { moves: [{ element_id: e.id, position: 4 }] });
    expect(boardMaps(doc).elements.get(e.id)!.get('at')).toEqual([4, 300]);
    expect(keysOf(doc, e.id)).toContain('updatedAt');
    updateElement(doc, { element_id: e.id, description: '' });
    assignToContext(doc, { context_id: context.id, element_ids: [e.id] });
    expect(keysOf(doc, e.id)).toEqual(['at', 'contextId', 'created', 'name', 'type', 'updatedAt']);
    unassignFromContext(doc, { element_ids: [e.id] });
    expect(keysOf(doc, e.id)).not.toContain('contextId');
    assignToContext(doc, { context_id: context.id, element_ids: [e.id] });
    deleteContext(doc, { context_id: context.id });
    expect(keysOf(doc, e.id)).not.toContain('contextId');
    expect(snapshot(doc).elements[0]).toMatchObject({ position: 4, y: 300, description: '', contextId: null });
    // Nothing to change writes nothing.
    const before = Y.encodeStateVector(doc);
    updateElement(doc, { element_id: e.id, description: '', position: 4, bounded_context_id: null });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('holds a 2,000-sticky board in little more than half the items schema 1 needed', () => {
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
    expect(items(lean)).toBeLessThan(items(old) * 0.55);
    expect(snapshot(old).elements).toEqual(snapshot(lean).elements);
  });
});

describe('migration to schema 2', () => {
  it('reads a schema-1 board exactly as before, and after migrating it', async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const expected = snapshot(doc);
    downgradeToSchema1(doc);
    expect(snapshot(doc)).toEqual(expected);
    expect(migrate(doc)).toEqual([expect.stringMatching(/^2: lean element records/)]);
    expect(snapshot(doc)).toEqual(expected);
    for (const id of boardMaps(doc).elements.keys()) {
      expect(keysOf(doc, id).filter((k) => ['id', 'position', 'y', 'createdBy', 'createdAt'].includes(k))).toEqual([]);
    }
  });

  it('keeps edits an older client made while the server migrated, key by key', () => {
    const server = board(1);
    const e = addElement(server, { type: 'event', name: 'Order Placed', position: 1, y: 300 });
    downgradeToSchema1(server);
    const oldClient = new Y.Doc();
    oldClient.clientID = 2;
    sync(server, oldClient);
    // Concurrently: the server migrates; the old client renames and moves, writing schema-1 keys.
    migrate(server);
    const record = boardMaps(oldClient).elements.get(e.id)!;
    oldClient.transact(() => {
      record.set('name', 'Order Accepted');
      record.set('position', 7);
      record.set('y', 480);
    });
    sync(server, oldClient);
    for (const doc of [server, oldClient]) {
      expect(snapshot(doc).elements[0]).toMatchObject({ name: 'Order Accepted', position: 7, y: 480 });
    }
  });

  it('keeps a move made by this version on a record the server had not yet migrated, whichever client id is higher', () => {
    for (const [serverId, clientId] of [[1, 2], [2, 1]]) {
      const server = board(serverId);
      const e = addElement(server, { type: 'event', name: 'Order Placed', position: 1, y: 300 });
      downgradeToSchema1(server);
      const client = new Y.Doc();
      client.clientID = clientId;
      sync(server, client);
      migrate(server);
      moveElements(client, { moves: [{ element_id: e.id, position: 9, y: 640 }] });
      sync(server, client);
      expect(snapshot(server).elements[0]).toMatchObject({ position: 9, y: 640 });
      expect(snapshot(client)).toEqual(snapshot(server));
      // Later moves on the merged record still land.
      moveElements(server, { moves: [{ element_id: e.id, position: 3 }] });
      expect(snapshot(server).elements[0]).toMatchObject({ position: 3, y: 640 });
    }
  });

  it('reads a schema-1 record an older client adds after the migration', () => {
    const doc = board();
    migrate(doc);
    doc.transact(() =>
      writeSchema1Element(boardMaps(doc), {
        id: 'late', type: 'policy', name: 'Whenever', description: '', notes: '', position: 5, y: 900,
        contextId: null, createdBy: 'old app', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(snapshot(doc).elements).toEqual([
      expect.objectContaining({ id: 'late', type: 'policy', position: 5, y: 900, createdBy: 'old app', createdAt: '2026-01-01T00:00:00.000Z' }),
    ]);
  });
});
