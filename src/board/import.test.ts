import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CATALOGUE,
  ELEMENT_TYPES,
  EventStormError,
  LIMITS,
  exportWorkshop,
  parseWorkshopDocument,
  type ExchangeDocument,
  type ImportPlan,
} from '../domain';
import {
  CONTEXT_COLORS,
  SCHEMA_VERSION,
  addElement,
  applyImport,
  assignToContext,
  boardMaps,
  createContext,
  importWorkshop,
  initWorkshop,
  linkElements,
  snapshot,
} from './index';
import { replayOnDoc } from './tutorial-replay';

const sampleText = (name: string) => readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), 'utf8');
const NOW = '2026-03-04T05:06:07.000Z';

/** Export, serialise, parse and apply into a fresh document, then export again. */
function roundTrip(doc: Y.Doc, includeMetadata: boolean): { before: ExchangeDocument; after: ExchangeDocument; copy: Y.Doc } {
  const before = exportWorkshop(snapshot(doc), { includeMetadata, exportedAt: '2026-01-01T00:00:00.000Z' });
  const copy = new Y.Doc();
  applyImport(copy, 'imported-copy', parseWorkshopDocument(JSON.stringify(before)), { now: NOW });
  const after = exportWorkshop(snapshot(copy), { includeMetadata, exportedAt: '2026-02-02T00:00:00.000Z' });
  return { before, after, copy };
}

/** The file as JSON sees it (a -0 position is written as 0), without what an import may change. */
function comparable(file: ExchangeDocument): unknown {
  const { exported_at: _at, workshop, ...rest } = JSON.parse(JSON.stringify(file)) as ExchangeDocument;
  const { id: _id, ...kept } = workshop;
  return { ...rest, workshop: kept };
}

function expectRoundTrip(doc: Y.Doc): void {
  const withMeta = roundTrip(doc, true);
  expect(withMeta.after.workshop.id).toBe('imported-copy');
  expect(comparable(withMeta.after)).toEqual(comparable(withMeta.before));
  const withoutMeta = roundTrip(doc, false);
  expect(JSON.stringify(withoutMeta.before)).not.toMatch(/created_at|updated_at|exported_at/);
  expect(comparable(withoutMeta.after)).toEqual(comparable(withoutMeta.before));
  // The copy is the same board, record for record (links carry no author or date in the file).
  const a = snapshot(doc);
  const b = snapshot(withMeta.copy);
  const links = (s: typeof a) => s.links.map((l) => `${l.from}>${l.to}`);
  expect(JSON.parse(JSON.stringify(b.elements))).toEqual(JSON.parse(JSON.stringify(a.elements)));
  expect(b.contexts).toEqual(a.contexts);
  expect(links(b)).toEqual(links(a));
  expect({ ...b.meta, id: a.meta.id }).toEqual(a.meta);
}

function emptyUpdate(doc: Y.Doc): Buffer {
  return Buffer.from(Y.encodeStateAsUpdate(doc));
}

describe('applyImport', () => {
  it('writes the original 2.0 sample: its elements on their rows, its links, its contexts, its ids and dates', () => {
    const doc = new Y.Doc();
    const meta = applyImport(doc, 'coffee', parseWorkshopDocument(sampleText('origin-export-sample.json')), { now: NOW });
    expect(meta).toEqual({
      id: 'coffee',
      name: 'Coffee Shop Orders',
      description: 'Counter and barista flow',
      domain: 'Retail',
      facilitators: ['Mina'],
      createdAt: '2025-10-21T09:00:00.000000Z',
      updatedAt: '2025-10-21T10:30:00.000000Z',
    });
    expect(boardMaps(doc).meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
    const snap = snapshot(doc);
    expect(snap.elements.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(snap.links.map((l) => `${l.from}>${l.to}`)).toEqual(['e1>e2', 'e2>e3', 'e3>e4', 'e4>e5']);
    expect(snap.links.every((l) => l.createdAt === NOW)).toBe(true);
    expect(snap.contexts.map((c) => [c.id, c.name, c.color])).toEqual([
      ['c1', 'Counter', '#3498db'],
      ['c2', 'Bar', '#e67e22'],
    ]);
    const members = (id: string) => snap.elements.filter((e) => e.contextId === id).map((e) => e.id);
    expect([members('c1'), members('c2')]).toEqual([['e1', 'e2'], ['e3', 'e4', 'e5']]);
    const e1 = snap.elements[0];
    expect(e1).toMatchObject({ notes: 'At the counter', description: '', createdBy: 'Mina', createdAt: '2025-10-21T09:01:00Z', updatedAt: '2025-10-21T09:01:00Z' });
    expect(e1.triggers).toEqual(['e2']);
    for (const e of snap.elements) expect(e.y, e.name).toBe(CATALOGUE[e.type].row * 170);
  });

  it('writes the original 1.0 sample with its descriptions', () => {
    const doc = new Y.Doc();
    applyImport(doc, 'coffee-v1', parseWorkshopDocument(sampleText('origin-export-sample-v1.json')), { now: NOW });
    const snap = snapshot(doc);
    expect(snap.elements).toHaveLength(7);
    expect(snap.links).toHaveLength(4);
    expect(snap.contexts).toHaveLength(2);
    expect(snap.elements.every((e) => e.description === '(schema 1.0 kept a separate description)')).toBe(true);
    expect(snap.elements.filter((e) => e.contextId).length).toBe(5);
  });

  it('writes everything in one transaction, with the caller’s origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const origin = { who: 'importer' };
    applyImport(doc, 'coffee', parseWorkshopDocument(sampleText('origin-export-sample.json')), { origin });
    expect(origins).toEqual([origin]);
  });

  it('takes a new name in place of the file’s', () => {
    const doc = new Y.Doc();
    const plan = parseWorkshopDocument(sampleText('origin-export-sample.json'));
    expect(applyImport(doc, 'copy', plan, { newName: '  Coffee (copy) ' }).name).toBe('Coffee (copy)');
    expect(snapshot(doc).meta.name).toBe('Coffee (copy)');
    const other = new Y.Doc();
    let caught: unknown;
    try {
      applyImport(other, 'copy', plan, { newName: 'n'.repeat(201) });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStormError);
    expect((caught as EventStormError).issues[0].path).toBe('new_name');
    expect(emptyUpdate(other)).toEqual(emptyUpdate(new Y.Doc()));
  });

  it('refuses a document that already holds a workshop, changing nothing', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w', { name: 'Existing' });
    addElement(doc, { type: 'event', name: 'Kept' });
    const before = emptyUpdate(doc);
    const plan = parseWorkshopDocument(sampleText('origin-export-sample.json'));
    expect(() => applyImport(doc, 'w', plan)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(emptyUpdate(doc)).toEqual(before);
    const stray = new Y.Doc();
    boardMaps(stray).contexts.set('c', new Y.Map());
    expect(() => applyImport(stray, 'w', plan)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('refuses an inconsistent hand-built plan before writing', () => {
    const plan: ImportPlan = {
      source: 'eventstorm-v1',
      meta: { name: 'Hand made', description: '', domain: '', facilitators: [] },
      elements: [{ id: 'a', type: 'event', name: 'A', description: '', notes: '', position: 0, contextId: 'nowhere', createdBy: '' }],
      links: [{ from: 'a', to: 'b' }],
      contexts: [],
    };
    const doc = new Y.Doc();
    let caught: unknown;
    try {
      applyImport(doc, 'w', plan);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStormError);
    expect((caught as EventStormError).issues.map((i) => i.path)).toEqual(['elements.0.contextId', 'links.0']);
    expect(emptyUpdate(doc)).toEqual(emptyUpdate(new Y.Doc()));
  });

  it('places stickies without a y on their rows, stacked in timeline order, the same whatever the file’s order', () => {
    const elements = [
      { id: 'late', type: 'event', name: 'Z Late', position: 0 },
      { id: 'early', type: 'event', name: 'A Early', position: 0 },
      { id: 'near', type: 'event', name: 'Near', position: 0.5 },
      { id: 'fixed', type: 'event', name: 'Fixed', position: 0, y: 510 },
      { id: 'apart', type: 'event', name: 'Apart', position: 3 },
      { id: 'cmd', type: 'command', name: 'Do', position: 0 },
    ];
    const file = (list: typeof elements) => ({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'Stacks' }, elements: list });
    const ys = (list: typeof elements) => {
      const doc = new Y.Doc();
      applyImport(doc, 'w', parseWorkshopDocument(file(list)));
      return Object.fromEntries(snapshot(doc).elements.map((e) => [e.id, e.y]));
    };
    const placed = ys(elements);
    const row = 3 * 170;
    const step = CATALOGUE.event.height + 12;
    expect(placed).toEqual({ fixed: row, early: row + step, late: row + 2 * step, near: row + 3 * step, apart: row, cmd: 170 });
    expect(ys([...elements].reverse())).toEqual(placed);
  });

  it('gives a context without a colour the board’s next colour', () => {
    const doc = new Y.Doc();
    applyImport(
      doc,
      'w',
      parseWorkshopDocument({
        format: 'eventstorm.workshop',
        version: 1,
        workshop: { name: 'Colours' },
        elements: [],
        bounded_contexts: [{ id: 'a', name: 'A', color: '#123456' }, { id: 'b', name: 'B' }, { id: 'c', name: 'C' }],
      }),
    );
    expect(snapshot(doc).contexts.map((c) => c.color)).toEqual(['#123456', CONTEXT_COLORS[1], CONTEXT_COLORS[2]]);
  });
});

describe('export → import → export', () => {
  it('gives back the tutorial (44 elements, 18 links, 4 contexts), with and without metadata', async () => {
    const doc = new Y.Doc();
    await replayOnDoc(doc);
    const { before, after } = roundTrip(doc, true);
    expect(before.elements).toHaveLength(44);
    expect(before.elements.reduce((n, e) => n + e.triggers.length, 0)).toBe(18);
    expect(before.elements.reduce((n, e) => n + e.triggered_by.length, 0)).toBe(18);
    expect(before.bounded_contexts.map((c) => c.element_ids.length).sort((x, y) => x - y)).toEqual([4, 8, 8, 14]);
    expect(after.elements).toHaveLength(44);
    expectRoundTrip(doc);
  });

  it('gives back any board built through the board operations (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
    const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.constant('주문 접수됨 — 줄바꿈\n포함'));
    const when = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const coordinate = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.constant(10.5));
    const board = fc.record({
      workshop: fc.record({ name, description: text, domain: fc.string({ maxLength: 20 }), facilitators: fc.array(name, { maxLength: 3 }) }),
      elements: fc.array(
        fc.record({
          type: fc.constantFrom(...ELEMENT_TYPES),
          name: fc.oneof(name, fc.constantFrom('Order Placed', 'Order Placed', '주문됨')),
          description: text,
          notes: text,
          position: fc.option(coordinate, { nil: undefined }),
          y: fc.option(coordinate, { nil: undefined }),
          created_by: fc.constantFrom('', 'Mina', '김도메인'),
          at: when,
        }),
        { maxLength: 25 },
      ),
      links: fc.array(fc.tuple(fc.nat(), fc.nat(), when), { maxLength: 30 }),
      contexts: fc.array(fc.record({ name, description: text, color: fc.option(fc.constantFrom('#abc', '#A1B2C3', '#11223344'), { nil: undefined }), at: when }), { maxLength: 4 }),
      assignments: fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), when), { maxLength: 6 }),
      created: when,
    });
    fc.assert(
      fc.property(board, (b) => {
        const doc = new Y.Doc();
        initWorkshop(doc, 'original', b.workshop, { now: b.created });
        const ids = b.elements.map(({ at, ...input }) => addElement(doc, input, { now: at }).id);
        for (const [from, to, at] of b.links) {
          if (ids.length < 2 || from % ids.length === to % ids.length) continue;
          linkElements(doc, { from: ids[from % ids.length], to: ids[to % ids.length] }, { now: at, by: 'Mina' });
        }
        const contexts = b.contexts.map(({ at, ...input }) => createContext(doc, input, { now: at }).id);
        for (const [context, members, at] of b.assignments) {
          if (contexts.length === 0 || ids.length === 0) continue;
          assignToContext(doc, { context_id: contexts[context % contexts.length], element_ids: members.map((m) => ids[m % ids.length]) }, { now: at });
        }
        expectRoundTrip(doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a bad file never reaches the document', () => {
  const good = () => {
    const doc = new Y.Doc();
    applyImport(doc, 'w', parseWorkshopDocument(sampleText('origin-export-sample.json')));
    return exportWorkshop(snapshot(doc), { includeMetadata: true });
  };
  const bad: [string, () => unknown, string][] = [
    ['wrong types', () => ({ ...good(), elements: [{ ...good().elements[0], triggers: 'e2' }] }), 'elements.0.triggers'],
    ['a missing name', () => ({ ...good(), workshop: {} }), 'workshop.name'],
    ['an empty name', () => ({ ...good(), elements: good().elements.map((e, i) => (i === 2 ? { ...e, name: '' } : e)) }), 'elements.2.name'],
    ['a 300-character name', () => ({ ...good(), bounded_contexts: [{ ...good().bounded_contexts[0], name: 'c'.repeat(300) }] }), 'bounded_contexts.0.name'],
    ['an unknown element type', () => ({ ...good(), elements: good().elements.map((e, i) => (i === 5 ? { ...e, type: 'note' } : e)) }), 'elements.5.type'],
    ['a dangling trigger id', () => ({ ...good(), elements: good().elements.map((e, i) => (i === 1 ? { ...e, triggers: ['e3', 'e99'] } : e)) }), 'elements.1.triggers.1'],
    ['a context element_ids entry that does not exist', () => ({ ...good(), bounded_contexts: [{ ...good().bounded_contexts[0], element_ids: ['e99'] }] }), 'bounded_contexts.0.element_ids.0'],
    ['duplicate ids', () => ({ ...good(), elements: [...good().elements, good().elements[0]] }), 'elements.7.id'],
    ['10,001 elements', () => ({ ...good(), elements: Array.from({ length: LIMITS.elementsPerBoard + 1 }, (_, i) => ({ id: `x${i}`, type: 'event', name: 'E', position: i })) }), 'elements'],
    ['a 10 MB string', () => JSON.stringify({ ...good(), elements: good().elements.map((e, i) => (i === 0 ? { ...e, notes: 'n'.repeat(10_000_000) } : e)) }), 'elements.0.notes'],
    ['invalid JSON text', () => JSON.stringify(good()).replace('"elements":', '"elements"'), ''],
    ['a newer version', () => ({ ...good(), version: 3 }), 'version'],
  ];

  for (const [what, make, path] of bad) {
    it(`refuses ${what} at "${path || '(the whole file)'}" and leaves the document empty`, () => {
      const doc = new Y.Doc();
      const emptyState = emptyUpdate(doc);
      let caught: unknown;
      let applied = false;
      try {
        const plan = parseWorkshopDocument(make());
        applied = true;
        applyImport(doc, 'w', plan);
      } catch (error) {
        caught = error;
      }
      expect(applied, 'applyImport must never be reached').toBe(false);
      expect(caught).toBeInstanceOf(EventStormError);
      expect((caught as EventStormError).code).toBe('invalid');
      expect((caught as EventStormError).issues.map((i) => i.path)).toContain(path);
      expect(emptyUpdate(doc)).toEqual(emptyState);
      // The convenience that does both steps is just as careful.
      expect(() => importWorkshop(doc, 'w', make())).toThrow(EventStormError);
      expect(emptyUpdate(doc)).toEqual(emptyState);
    });
  }
});
