// Issue 20, point 4: whatever an editor writes into a board's maps (the websocket lets through anything within the
// board's bounds), the board reads, and its export imports. Reads repair where data enters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ELEMENT_TYPES, LIMITS, exportWorkshop, parseWorkshopDocument } from '../domain';
import { boardMaps } from './document';
import { snapshot } from './snapshot';
import { initWorkshop } from './workshop';

const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: LIMITS.nameLength, maxLength: LIMITS.textLength }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.constant('2025-10-21T09:00:00Z'),
  fc.constant('not a date'),
);
const key = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant('has space'), fc.constant('a>b'), fc.string({ minLength: 129, maxLength: 140 }), fc.constant(''));
const elementValue = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...ELEMENT_TYPES), junk),
    name: junk,
    description: junk,
    notes: junk,
    at: fc.oneof(fc.tuple(junk, junk), junk),
    contextId: junk,
    created: fc.oneof(fc.tuple(junk, junk), junk),
  },
  { requiredKeys: [] },
);
const FIELDS = ['type', 'name', 'description', 'notes', 'at', 'contextId'];

const board = fc.record({
  elements: fc.array(fc.tuple(key, elementValue), { maxLength: 12 }),
  edits: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom(...FIELDS), fc.oneof(fc.tuple(junk, junk), junk)), { maxLength: 12 }),
  links: fc.array(fc.tuple(key, fc.oneof(fc.tuple(key, key, junk, junk), junk)), { maxLength: 8 }),
  contexts: fc.array(fc.tuple(key, fc.dictionary(fc.constantFrom('name', 'description', 'color', 'createdAt', 'updatedAt'), junk)), { maxLength: 5 }),
  meta: fc.dictionary(
    fc.constantFrom('id', 'name', 'description', 'domain', 'facilitators', 'createdAt', 'updatedAt'),
    fc.oneof(junk, fc.array(junk, { maxLength: 60 })),
  ),
  deleteMeta: fc.subarray(['id', 'name', 'facilitators']),
});

/** As a peer's Yjs would hold it: plain JSON (fast-check makes objects without a prototype, which Yjs refuses). */
const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

describe('a board holding anything an editor could write', () => {
  it('exports to a file that imports', () => {
    fc.assert(
      fc.property(board, (b) => {
        const doc = new Y.Doc();
        initWorkshop(doc, 'w1', { name: 'Hostile' });
        const maps = boardMaps(doc);
        doc.transact(() => {
          for (const [k, v] of b.elements) maps.elements.set(k, plain(v));
          const ids = [...maps.elements.keys()];
          for (const [i, field, v] of b.edits) if (ids.length > 0) maps.edits.set(`${ids[i % ids.length]}.${field}`, plain(v));
          for (const [k, v] of b.links) maps.links.set(k, plain(v));
          for (const [k, fields] of b.contexts) {
            const context = new Y.Map<unknown>();
            for (const [f, v] of Object.entries(fields)) context.set(f, plain(v));
            maps.contexts.set(k, context);
          }
          for (const [k, v] of Object.entries(b.meta)) maps.meta.set(k, plain(v));
          for (const k of b.deleteMeta) maps.meta.delete(k);
        });
        for (const includeMetadata of [true, false]) {
          const file = JSON.parse(JSON.stringify(exportWorkshop(snapshot(doc, 'w1'), { includeMetadata })));
          expect(() => parseWorkshopDocument(file)).not.toThrow();
        }
        // The workshop is always the room's, whatever its meta says.
        expect(snapshot(doc, 'w1').meta.id).toBe('w1');
      }),
      { numRuns: 300 },
    );
  });
});
