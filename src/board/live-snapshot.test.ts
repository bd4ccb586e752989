import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ELEMENT_TYPES } from '../domain';
import { addElement, assignToContext, createContext, deleteContext, deleteElements, initWorkshop, linkElements, snapshot, updateElement, updateWorkshop } from './index';
import { liveSnapshot } from './live-snapshot';
import { boardMaps } from './document';
import { writeSchema1Element } from '../../test-support/schema1';
import { readContext, readElementIn, readLink, readMeta } from './read';
import type { WorkshopSnapshot } from '../domain';

/** The obvious, slow reading of a document: the oracle the incremental snapshot must always equal. */
function reference(doc: Y.Doc): WorkshopSnapshot {
  const maps = boardMaps(doc);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const contexts = [...maps.contexts.entries()].map(([id, m]) => readContext(id, m)!).filter(Boolean).sort(byId);
  const elements = [...maps.elements.keys()].map((id) => readElementIn(maps, id)!).filter(Boolean).sort(byId);
  for (const e of elements) if (e.contextId && !contexts.some((c) => c.id === e.contextId)) e.contextId = null;
  const links = [...maps.links.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, m]) => [key, readLink(m)!] as const)
    .filter(([key, l]) => l && key === `${l.from}>${l.to}` && elements.some((e) => e.id === l.from) && elements.some((e) => e.id === l.to))
    .map(([, l]) => l);
  for (const e of elements) {
    e.triggers = links.filter((l) => l.from === e.id).map((l) => l.to).sort();
    e.triggeredBy = links.filter((l) => l.to === e.id).map((l) => l.from).sort();
  }
  return { meta: readMeta(maps.meta), elements, links, contexts };
}

describe('liveSnapshot', () => {
  it('always equals a fresh snapshot, through random edits', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(8), fc.nat(50), fc.nat(50)), { maxLength: 60 }), (steps) => {
        const doc = new Y.Doc();
        const live = liveSnapshot(doc);
        initWorkshop(doc, 'w', { name: 'Live' });
        expect(live.get()).toEqual(reference(doc));
        for (const [kind, a, b] of steps) {
          const snap = reference(doc);
          const el = snap.elements[a % Math.max(1, snap.elements.length)];
          const other = snap.elements[b % Math.max(1, snap.elements.length)];
          const ctx = snap.contexts[a % Math.max(1, snap.contexts.length)];
          if (kind === 0 || !el) addElement(doc, { type: ELEMENT_TYPES[a % 8], name: `E${a}`, position: b });
          else if (kind === 1) updateElement(doc, { element_id: el.id, name: `R${b}`, position: a });
          else if (kind === 2 && other && other.id !== el.id) linkElements(doc, { from: el.id, to: other.id });
          else if (kind === 3) deleteElements(doc, { element_ids: [el.id] });
          else if (kind === 4) createContext(doc, { name: `C${a}` });
          else if (kind === 5 && ctx) assignToContext(doc, { context_id: ctx.id, element_ids: [el.id] });
          else if (kind === 6 && ctx) deleteContext(doc, { context_id: ctx.id });
          else if (kind === 7 && !boardMaps(doc).elements.has(`old${a}`)) {
            // A record as schema 1 wrote it: read, edited in place, deleted like any other.
            const at = '2026-01-01T00:00:00.000Z';
            const record = { id: `old${a}`, type: ELEMENT_TYPES[b % 8], name: `Old ${a}`, description: '', notes: 'kept', position: b, y: a, contextId: ctx?.id ?? null, createdBy: 'v1', createdAt: at, updatedAt: at };
            doc.transact(() => writeSchema1Element(boardMaps(doc), record));
          } else if (kind === 8) updateElement(doc, { element_id: el.id, description: b % 2 ? '' : `D${b}`, bounded_context_id: null, y: b });
          expect(live.get()).toEqual(reference(doc));
        }
        live.dispose();
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the identity of unchanged elements and of the whole snapshot when nothing changed', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w', { name: 'Live' });
    const a = addElement(doc, { type: 'command', name: 'A' });
    const b = addElement(doc, { type: 'event', name: 'B' });
    const c = addElement(doc, { type: 'event', name: 'C' });
    const live = liveSnapshot(doc);
    const first = live.get();
    expect(live.get()).toBe(first);
    linkElements(doc, { from: a.id, to: b.id });
    const second = live.get();
    const find = (s: typeof first, id: string) => s.elements.find((e) => e.id === id)!;
    expect(find(second, c.id)).toBe(find(first, c.id));
    expect(find(second, a.id)).not.toBe(find(first, a.id));
    expect(find(second, a.id).triggers).toEqual([b.id]);
    updateWorkshop(doc, { name: 'Renamed' });
    expect(live.get().meta.name).toBe('Renamed');
    expect(find(live.get(), c.id)).toBe(find(first, c.id));
    live.dispose();
  });

  it('follows updates that arrive from another document', () => {
    const [d1, d2] = [new Y.Doc(), new Y.Doc()];
    initWorkshop(d1, 'w', { name: 'Remote' });
    const live = liveSnapshot(d2);
    d1.on('update', (u: Uint8Array) => Y.applyUpdate(d2, u));
    Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1));
    const x = addElement(d1, { type: 'event', name: 'X' });
    updateElement(d1, { element_id: x.id, notes: 'n' });
    expect(live.get()).toEqual(reference(d1));
    expect(snapshot(d2)).toEqual(reference(d2));
    live.dispose();
  });
});
