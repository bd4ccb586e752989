// Convergence (Yjs's own fuzz tests are the model): random catalogue operations on three documents that exchange
// updates in random order end in equal snapshots.
import fc from 'fast-check';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EventStormError } from '../domain';
import { randomCall } from '../../test-support/catalogue-calls';
import { OPERATIONS, initWorkshop, snapshot } from './index';

// Every operation of the catalogue, drawn with its input by test-support/catalogue-calls.ts from the seed a step
// carries (so fast-check shrinks a failing run to its fewest steps), on one of three peers; or a delivery of some
// of one peer's updates to another.
type Step = { kind: 'op'; peer: number; seed: number } | { kind: 'deliver'; from: number; to: number; count: number };

const peer = fc.integer({ min: 0, max: 2 });

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('op' as const), peer, seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: peer, to: peer, count: fc.integer({ min: 1, max: 5 }) }) },
);

/** The operations that went through at least once: the generator must reach every one, not only its refusals. */
const succeeded = new Set<string>();

function apply(doc: Y.Doc, seed: number): void {
  const { entry, input } = randomCall(prng.create(seed), doc);
  entry.run(doc, input);
  succeeded.add(entry.name);
}

describe('convergence', () => {
  it('three documents exchanging updates in random order converge to equal snapshots', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 30, maxLength: 150 }), (steps) => {
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
            apply(docs[s.peer], s.seed);
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
    expect([...succeeded].sort()).toEqual(OPERATIONS.map((e) => e.name).sort());
  });
});
