// Convergence (Yjs's own fuzz tests are the model): random operations on three documents that exchange
// updates in random order end in equal snapshots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ELEMENT_TYPES, EventStormError } from '../domain';
import {
  addElement,
  assignToContext,
  boardMaps,
  createContext,
  deleteContext,
  deleteElements,
  initWorkshop,
  linkElements,
  moveElements,
  snapshot,
  unlinkElements,
  updateContext,
  updateElement,
} from './index';

type Step =
  | { kind: 'add'; peer: number; type: number; name: string; position: number }
  | { kind: 'rename'; peer: number; pick: number; name: string }
  | { kind: 'retype'; peer: number; pick: number; type: number }
  | { kind: 'move'; peer: number; pick: number; position: number; y: number }
  | { kind: 'delete'; peer: number; pick: number }
  | { kind: 'link'; peer: number; pick: number; pick2: number }
  | { kind: 'unlink'; peer: number; pick: number }
  | { kind: 'triggers'; peer: number; pick: number; picks: number[] }
  | { kind: 'context'; peer: number; name: string }
  | { kind: 'recolour'; peer: number; pick: number }
  | { kind: 'assign'; peer: number; pick: number; picks: number[] }
  | { kind: 'uncontext'; peer: number; pick: number }
  | { kind: 'deliver'; from: number; to: number; count: number };

const peer = fc.integer({ min: 0, max: 2 });
const pick = fc.nat(1000);
const text = fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s.trim().length > 0);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('add' as const), peer, type: fc.nat(ELEMENT_TYPES.length - 1), name: text, position: fc.integer({ min: 0, max: 60 }) }) },
  fc.record({ kind: fc.constant('rename' as const), peer, pick, name: text }),
  fc.record({ kind: fc.constant('retype' as const), peer, pick, type: fc.nat(ELEMENT_TYPES.length - 1) }),
  fc.record({ kind: fc.constant('move' as const), peer, pick, position: fc.double({ min: -5, max: 80, noNaN: true }), y: fc.integer({ min: 0, max: 2000 }) }),
  fc.record({ kind: fc.constant('delete' as const), peer, pick }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link' as const), peer, pick, pick2: pick }) },
  fc.record({ kind: fc.constant('unlink' as const), peer, pick }),
  fc.record({ kind: fc.constant('triggers' as const), peer, pick, picks: fc.array(pick, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('context' as const), peer, name: text }),
  fc.record({ kind: fc.constant('recolour' as const), peer, pick }),
  fc.record({ kind: fc.constant('assign' as const), peer, pick, picks: fc.array(pick, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('uncontext' as const), peer, pick }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: peer, to: peer, count: fc.integer({ min: 1, max: 5 }) }) },
);

function ids(map: Y.Map<unknown> | Y.Map<Y.Map<unknown>>): string[] {
  return [...map.keys()].sort();
}

function at<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

function apply(doc: Y.Doc, s: Exclude<Step, { kind: 'deliver' }>): void {
  const maps = boardMaps(doc);
  const elements = ids(maps.elements);
  const contexts = ids(maps.contexts);
  const links = ids(maps.links);
  const el = 'pick' in s ? at(elements, s.pick) : undefined;
  switch (s.kind) {
    case 'add':
      addElement(doc, { type: ELEMENT_TYPES[s.type], name: s.name, position: s.position });
      return;
    case 'rename':
      if (el) updateElement(doc, { element_id: el, name: s.name });
      return;
    case 'retype':
      if (el) updateElement(doc, { element_id: el, type: ELEMENT_TYPES[s.type] });
      return;
    case 'move':
      if (el) moveElements(doc, { moves: [{ element_id: el, position: s.position, y: s.y }] });
      return;
    case 'delete':
      if (el) deleteElements(doc, { element_ids: [el] });
      return;
    case 'link': {
      const to = at(elements, s.pick2);
      if (el && to && el !== to) linkElements(doc, { from: el, to });
      return;
    }
    case 'unlink': {
      const key = at(links, s.pick);
      if (key) {
        const [from, to] = key.split('>');
        unlinkElements(doc, { from, to });
      }
      return;
    }
    case 'triggers':
      if (el) updateElement(doc, { element_id: el, triggers: s.picks.map((p) => at(elements, p)!).filter((id) => id !== el) });
      return;
    case 'context':
      createContext(doc, { name: s.name });
      return;
    case 'recolour': {
      const ctx = at(contexts, s.pick);
      if (ctx) updateContext(doc, { context_id: ctx, color: `#${(s.pick * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}` });
      return;
    }
    case 'assign': {
      const ctx = at(contexts, s.pick);
      if (ctx && elements.length > 0) assignToContext(doc, { context_id: ctx, element_ids: s.picks.map((p) => at(elements, p)!) });
      return;
    }
    case 'uncontext': {
      const ctx = at(contexts, s.pick);
      if (ctx) deleteContext(doc, { context_id: ctx });
      return;
    }
  }
}

describe('convergence', () => {
  it('three documents exchanging updates in random order converge to equal snapshots', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 120 }), (steps) => {
        const docs = [0, 1, 2].map(() => new Y.Doc());
        initWorkshop(docs[0], 'w', { name: 'Fuzz' });
        const seed = Y.encodeStateAsUpdate(docs[0]);
        docs.slice(1).forEach((d) => Y.applyUpdate(d, seed));
        // inbox[to][from]: updates not yet delivered, in the order they were made.
        const inbox = docs.map(() => docs.map(() => [] as Uint8Array[]));
        docs.forEach((doc, from) =>
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin === 'remote') return;
            inbox.forEach((boxes, to) => to !== from && boxes[from].push(update));
          }),
        );
        for (const s of steps) {
          if (s.kind === 'deliver') {
            // Deliver some of the oldest updates from one peer to another, out of step with the rest.
            for (const update of inbox[s.to][s.from].splice(0, s.count)) Y.applyUpdate(docs[s.to], update, 'remote');
            continue;
          }
          try {
            apply(docs[s.peer], s);
          } catch (error) {
            if (!(error instanceof EventStormError)) throw error;
          }
        }
        // Everything delivered at last, in shuffled order per peer (Yjs holds what arrives before its dependencies).
        inbox.forEach((boxes, to) => {
          const pending = boxes.flat().reverse();
          for (const update of pending) Y.applyUpdate(docs[to], update, 'remote');
        });
        const [a, b, c] = docs.map((d) => snapshot(d));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        // Derived links always agree with the link records, and no link dangles.
        const known = new Set(a.elements.map((e) => e.id));
        for (const link of a.links) expect(known.has(link.from) && known.has(link.to)).toBe(true);
        expect(a.elements.reduce((n, e) => n + e.triggers.length, 0)).toBe(a.links.length);
      }),
      { numRuns: 150 },
    );
  });
});
