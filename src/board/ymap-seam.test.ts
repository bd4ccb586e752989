// The seam between guards.ts and yjs (13.6.33), on the real library: requireRoomFor bounds a board's live
// element count by the size of Y.Map's private `_map` (one item per key ever set, deleted ones too), because the
// public Y.Map#size walks every entry. These fail if a version of yjs renames or drops `_map`, or lets its size
// fall below the live count (then the limit would let a board grow past it).
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { LIMITS } from '../domain';
import { addElement, boardMaps, deleteElement, initWorkshop } from './index';
import { requireRoomFor } from './guards';

/** Every key's count the way Y.Map#size counts, and `_map`'s. */
const counts = (map: Y.Map<unknown>) => ({ live: map.size, bound: map._map.size });

describe('Y.Map `_map` as a free bound on Y.Map#size', () => {
  it('is a Map holding every live key, set here or arrived from another replica, and deleted keys too', () => {
    const a = new Y.Doc();
    const map = a.getMap<unknown>('elements');
    expect(map._map).toBeInstanceOf(Map);
    expect(counts(map)).toEqual({ live: 0, bound: 0 });
    for (let i = 0; i < 5; i++) map.set(`k${i}`, i);
    expect(counts(map)).toEqual({ live: 5, bound: 5 });
    map.delete('k0');
    map.set('k1', 'again');
    expect(counts(map)).toEqual({ live: 4, bound: 5 });

    // A replica built from updates, with concurrent sets of one key and a delete that arrives from afar.
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const remote = b.getMap<unknown>('elements');
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    c.getMap('elements').set('k2', 'from c');
    c.getMap('elements').set('k9', 'new in c');
    remote.set('k2', 'from b');
    c.getMap('elements').delete('k3');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(c, Y.encodeStateVector(b)));
    expect(remote.size).toBe(4);
    expect(remote._map.size).toBeGreaterThanOrEqual(remote.size);

    // A replica loaded from a state with its tombstones garbage-collected.
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(b));
    const loaded = d.getMap<unknown>('elements');
    expect(loaded.toJSON()).toEqual(remote.toJSON());
    expect(loaded._map.size).toBeGreaterThanOrEqual(loaded.size);
  });

  it('lets requireRoomFor skip the walk below the limit, and still refuse at it and allow once room is made', () => {
    const doc = new Y.Doc();
    initWorkshop(doc, 'w1', { name: 'Full' });
    const maps = boardMaps(doc);
    doc.transact(() => {
      for (let i = 0; i < LIMITS.elementsPerBoard - 1; i++) maps.elements.set(`e${i}`, { type: 'event', name: `E${i}`, at: [i % 50, 0], created: ['x', '2025-01-01T00:00:00Z'] });
    });
    const size = vi.spyOn(Object.getPrototypeOf(maps.elements) as Y.Map<unknown>, 'size', 'get');
    try {
      // One below the limit: no walk.
      expect(() => requireRoomFor(maps, 1)).not.toThrow();
      expect(size).not.toHaveBeenCalled();
      addElement(doc, { type: 'event', name: 'Last', position: 1, y: 0 });
      expect(() => addElement(doc, { type: 'event', name: 'One too many', position: 1, y: 0 })).toThrow(/board is full/);
      // A deleted element leaves its key in `_map`: the bound says full, the walk finds room.
      deleteElement(doc, { element_id: 'e0' });
      size.mockClear();
      expect(() => addElement(doc, { type: 'event', name: 'In its place', position: 1, y: 0 })).not.toThrow();
      expect(size).toHaveBeenCalled();
      expect(maps.elements.size).toBe(LIMITS.elementsPerBoard);
    } finally {
      size.mockRestore();
    }
  });
});
