import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EventStormError, LIMITS, ROW_HEIGHT, CATALOGUE } from '../domain';
import {
  addElement,
  assignToContext,
  createContext,
  deleteContext,
  deleteElement,
  deleteElements,
  duplicateElements,
  initWorkshop,
  linkElements,
  moveElements,
  snapshot,
  unassignFromContext,
  unlinkElements,
  updateContext,
  updateElement,
  updateWorkshop,
  boardMaps,
  allBoardMaps,
  migrate,
  MIGRATIONS,
  SCHEMA_VERSION,
} from './index';

function board() {
  const doc = new Y.Doc();
  initWorkshop(doc, 'w1', { name: 'Coffee', domain: 'Retail', facilitators: ['Mina'] });
  return doc;
}

/** Assert that `fn` throws an EventStormError of `code` and leaves the document byte-for-byte unchanged. */
function refused(doc: Y.Doc, code: EventStormError['code'], fn: () => unknown): EventStormError {
  const before = Y.encodeStateAsUpdate(doc);
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EventStormError);
  expect((caught as EventStormError).code).toBe(code);
  expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(before))).toBe(true);
  return caught as EventStormError;
}

describe('board operations', () => {
  it('create a workshop once', () => {
    const doc = board();
    expect(snapshot(doc).meta).toMatchObject({ id: 'w1', name: 'Coffee', domain: 'Retail', facilitators: ['Mina'] });
    refused(doc, 'conflict', () => initWorkshop(doc, 'w2', { name: 'Other' }));
    updateWorkshop(doc, { name: 'Coffee Shop' });
    expect(snapshot(doc).meta.name).toBe('Coffee Shop');
  });

  it('add an element with its links and context, deriving triggered_by', () => {
    const doc = board();
    const ctx = createContext(doc, { name: 'Counter' });
    const cmd = addElement(doc, { type: 'command', name: 'Order Drink', position: 0, bounded_context_id: ctx.id, created_by: 'Mina' });
    const evt = addElement(doc, { type: 'event', name: 'Drink Ordered', position: 1, triggered_by: [cmd.id] });
    expect(evt.triggeredBy).toEqual([cmd.id]);
    const snap = snapshot(doc);
    expect(snap.elements.find((e) => e.id === cmd.id)).toMatchObject({ triggers: [evt.id], contextId: ctx.id, createdBy: 'Mina' });
    expect(snap.links).toEqual([expect.objectContaining({ from: cmd.id, to: evt.id })]);
  });

  it('place an element without y on its row, below stickies already in that column', () => {
    const doc = board();
    const a = addElement(doc, { type: 'event', name: 'A', position: 3 });
    const b = addElement(doc, { type: 'event', name: 'B', position: 3 });
    const c = addElement(doc, { type: 'event', name: 'C', position: 5 });
    expect(a.y).toBe(CATALOGUE.event.row * ROW_HEIGHT);
    expect(b.y).toBeGreaterThanOrEqual(a.y + CATALOGUE.event.height);
    expect(c.y).toBe(a.y);
    const auto = addElement(doc, { type: 'event', name: 'D' });
    expect(auto.position).toBe(6);
  });

  it('refuse bad calls and change nothing', () => {
    const doc = board();
    const a = addElement(doc, { type: 'event', name: 'A' });
    refused(doc, 'not_found', () => addElement(doc, { type: 'event', name: 'B', triggers: ['ghost'] }));
    refused(doc, 'not_found', () => addElement(doc, { type: 'event', name: 'B', bounded_context_id: 'ghost' }));
    refused(doc, 'invalid', () => addElement(doc, { type: 'event', name: '' }));
    refused(doc, 'not_found', () => updateElement(doc, { element_id: 'ghost', name: 'X' }));
    refused(doc, 'invalid', () => updateElement(doc, { element_id: a.id, triggers: [a.id] }));
    refused(doc, 'not_found', () => updateElement(doc, { element_id: a.id, name: 'Renamed', triggers: ['ghost'] }));
    refused(doc, 'not_found', () => deleteElements(doc, { element_ids: [a.id, 'ghost'] }));
    refused(doc, 'not_found', () => assignToContext(doc, { context_id: 'ghost', element_ids: [a.id] }));
    refused(doc, 'not_found', () => unlinkElements(doc, { from: a.id, to: a.id }));
    refused(doc, 'invalid', () => linkElements(doc, { from: a.id, to: a.id }));
    refused(doc, 'conflict', () => addElement(doc, { type: 'event', name: 'Dup', id: a.id }));
    expect(snapshot(doc).elements.map((e) => e.name)).toEqual(['A']);
  });

  it('update any field, and replace triggers and triggered_by on both ends', () => {
    const doc = board();
    const [a, b, c] = ['A', 'B', 'C'].map((name, i) => addElement(doc, { type: 'command', name, position: i }));
    updateElement(doc, { element_id: a.id, triggers: [b.id, c.id] });
    updateElement(doc, { element_id: c.id, triggered_by: [b.id], type: 'event', notes: 'n', position: 7.5 });
    const snap = snapshot(doc);
    const byName = (n: string) => snap.elements.find((e) => e.name === n)!;
    expect(byName('A').triggers).toEqual([b.id].sort());
    expect(byName('C')).toMatchObject({ type: 'event', notes: 'n', position: 7.5, triggeredBy: [b.id] });
    expect(byName('B').triggers).toEqual([c.id]);
  });

  it('delete elements with every link to them, in one transaction', () => {
    const doc = board();
    const [a, b, c] = ['A', 'B', 'C'].map((name, i) => addElement(doc, { type: 'event', name, position: i }));
    linkElements(doc, { from: a.id, to: b.id });
    linkElements(doc, { from: b.id, to: c.id });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    deleteElement(doc, { element_id: b.id });
    expect(transactions).toBe(1);
    const snap = snapshot(doc);
    expect(snap.links).toEqual([]);
    expect(boardMaps(doc).links.size).toBe(0);
    deleteElements(doc, { element_ids: [a.id, c.id] });
    expect(snapshot(doc).elements).toEqual([]);
  });

  it('move and duplicate a selection', () => {
    const doc = board();
    const [a, b] = ['A', 'B'].map((name, i) => addElement(doc, { type: 'event', name, position: i }));
    linkElements(doc, { from: a.id, to: b.id });
    expect(moveElements(doc, { moves: [{ element_id: a.id, position: 4, y: 900 }, { element_id: b.id, position: 1 }] }).moved).toBe(1);
    const { created } = duplicateElements(doc, { element_ids: [a.id, b.id] });
    const snap = snapshot(doc);
    expect(snap.elements).toHaveLength(4);
    expect(snap.links).toHaveLength(2);
    const copyA = snap.elements.find((e) => e.id === created[0])!;
    expect(copyA).toMatchObject({ name: 'A', position: 4.5, triggers: [created[1]] });
  });

  it('contexts: create, update, assign, unassign, delete (unassigning its elements)', () => {
    const doc = board();
    const ctx = createContext(doc, { name: 'Bar', description: 'drinks', color: '#e67e22' });
    const other = createContext(doc, { name: 'Counter' });
    expect(other.color).toMatch(/^#/);
    const a = addElement(doc, { type: 'event', name: 'A' });
    const b = addElement(doc, { type: 'event', name: 'B' });
    expect(assignToContext(doc, { context_id: ctx.id, element_ids: [a.id, b.id, a.id] }).assigned).toBe(2);
    updateContext(doc, { context_id: ctx.id, name: 'Barista' });
    expect(unassignFromContext(doc, { element_ids: [b.id] }).unassigned).toBe(1);
    expect(updateElement(doc, { element_id: b.id, bounded_context_id: other.id }).contextId).toBe(other.id);
    expect(updateElement(doc, { element_id: b.id, bounded_context_id: 'null' }).contextId).toBeNull();
    expect(deleteContext(doc, { context_id: ctx.id }).unassigned).toBe(1);
    const snap = snapshot(doc);
    expect(snap.contexts.map((c) => c.name)).toEqual(['Counter']);
    expect(snap.elements.every((e) => e.contextId === null)).toBe(true);
  });

  it('pass the caller origin, so an UndoManager undoes only its own edits', () => {
    const doc = board();
    const me = { person: 'me' };
    const undo = new Y.UndoManager(allBoardMaps(boardMaps(doc)), { trackedOrigins: new Set([me]) });
    const mine = addElement(doc, { type: 'event', name: 'Mine' }, { origin: me });
    const theirs = addElement(doc, { type: 'event', name: 'Theirs' }, { origin: 'assistant' });
    undo.stopCapturing();
    updateElement(doc, { element_id: mine.id, name: 'Mine, renamed' }, { origin: me });
    undo.undo();
    expect(snapshot(doc).elements.find((e) => e.id === mine.id)?.name).toBe('Mine');
    undo.undo();
    expect(snapshot(doc).elements.map((e) => e.id)).toEqual([theirs.id]);
    undo.redo();
    expect(snapshot(doc).elements).toHaveLength(2);
  });

  it('make one arrow when two people draw the same arrow at once', () => {
    const [d1, d2] = [new Y.Doc(), new Y.Doc()];
    initWorkshop(d1, 'w', { name: 'W' });
    const a = addElement(d1, { type: 'command', name: 'A' });
    const b = addElement(d1, { type: 'event', name: 'B' });
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    linkElements(d1, { from: a.id, to: b.id });
    linkElements(d2, { from: a.id, to: b.id });
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    expect(snapshot(d1).links).toHaveLength(1);
    expect(snapshot(d1)).toEqual(snapshot(d2));
  });

  it('repair on read: a link or an assignment that raced a deletion is dropped', () => {
    const [d1, d2] = [new Y.Doc(), new Y.Doc()];
    initWorkshop(d1, 'w', { name: 'W' });
    const a = addElement(d1, { type: 'command', name: 'A' });
    const b = addElement(d1, { type: 'event', name: 'B' });
    const ctx = createContext(d1, { name: 'C' });
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    deleteElement(d1, { element_id: b.id });
    deleteContext(d1, { context_id: ctx.id });
    linkElements(d2, { from: a.id, to: b.id });
    assignToContext(d2, { context_id: ctx.id, element_ids: [a.id] });
    Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    const snap = snapshot(d1);
    expect(snap.links).toEqual([]);
    expect(snap.elements).toEqual([expect.objectContaining({ id: a.id, contextId: null, triggers: [] })]);
    expect(snapshot(d2)).toEqual(snap);
  });

  it('repair on read: junk written by a misbehaving peer never reaches the analyses', () => {
    const doc = board();
    const maps = boardMaps(doc);
    maps.elements.set('bad', new Y.Map());
    maps.elements.set('text', 'not a record');
    maps.elements.set('list', ['event', 'x']);
    const odd = new Y.Map<unknown>();
    maps.elements.set('odd', odd);
    odd.set('type', 'event');
    odd.set('position', 'x');
    odd.set('name', 7);
    maps.elements.set('base', { type: 'command', name: 7, at: 'here', created: 5 });
    maps.edits.set('base.at', [['x', 40], '2026-01-01T00:00:00.000Z']);
    maps.edits.set('base.name', [7, '2026-01-01T00:00:00.000Z']);
    maps.edits.set('base.description', 12);
    maps.edits.set('base.notes', ['no date']);
    maps.edits.set('base.bogus', 'ignored');
    maps.edits.set('nodot', 'ignored');
    maps.links.set('odd>base', 'junk');
    maps.links.set('base>odd', ['base', 7]);
    const snap = snapshot(doc);
    expect(snap.elements).toEqual([
      expect.objectContaining({ id: 'base', type: 'command', name: '(unnamed)', description: '', notes: '', position: 0, y: 40, createdBy: '', createdAt: '', updatedAt: '2026-01-01T00:00:00.000Z' }),
      expect.objectContaining({ id: 'odd', name: '(unnamed)', position: 0 }),
    ]);
    expect(snap.links).toEqual([]);
    // Operations walk past the junk too.
    expect(addElement(doc, { type: 'command', name: 'Still works' }).position).toBe(0);
    expect(() => deleteElement(doc, { element_id: 'odd' })).not.toThrow();
    expect(() => moveElements(doc, { moves: [{ element_id: 'text', position: 3 }] })).not.toThrow();
  });

  it('refuse an element past the board limit', () => {
    const doc = board();
    const maps = boardMaps(doc);
    doc.transact(() => {
      for (let i = 0; i < LIMITS.elementsPerBoard; i++) {
        const m = new Y.Map<unknown>();
        maps.elements.set(`e${i}`, m);
        m.set('type', 'event');
      }
    });
    const error = refused(doc, 'conflict', () => addElement(doc, { type: 'event', name: 'One too many', y: 0 }));
    expect(error.message).toContain('10,000');
  });

  it('keep the workshop\'s last change to the minute, writing it at most once a minute', () => {
    const doc = board();
    const meta = boardMaps(doc).meta;
    const e = addElement(doc, { type: 'event', name: 'A' }, { now: '2026-11-25T10:00:00.000Z' });
    expect(meta.get('updatedAt')).toBe('2026-11-25T10:00:00.000Z');
    const before = Y.encodeStateVector(doc);
    updateElement(doc, { element_id: e.id, name: 'B' }, { now: '2026-11-25T10:00:59.000Z' });
    expect(meta.get('updatedAt')).toBe('2026-11-25T10:00:00.000Z');
    // The rename wrote its name (with its date), and nothing in meta.
    const written = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, before)).structs.map((item) => (item as Y.Item).parentSub);
    expect(written).toEqual([`${e.id}.name`]);
    updateElement(doc, { element_id: e.id, name: 'C' }, { now: '2026-11-25T10:01:00.000Z' });
    expect(meta.get('updatedAt')).toBe('2026-11-25T10:01:00.000Z');
    expect(snapshot(doc).meta.updatedAt).toBe('2026-11-25T10:01:00.000Z');
  });

  it('migrate an initialised document to the current schema once', () => {
    const doc = board();
    boardMaps(doc).meta.delete('schemaVersion');
    expect(migrate(doc)).toEqual(MIGRATIONS.map((m) => `${m.version}: ${m.name}`));
    expect(boardMaps(doc).meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(migrate(doc)).toHaveLength(0);
    expect(migrate(new Y.Doc())).toEqual([]);
  });
});
