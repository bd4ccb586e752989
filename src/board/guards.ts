// Checks every operation runs before writing: ids exist, limits hold.
import { EventStormError, LIMITS, notFound } from '../domain';
import type { BoardMaps, Fields } from './document';

export function requireElement(maps: BoardMaps, id: string): void {
  if (!maps.elements.has(id)) throw notFound('element', id);
}

export function requireElements(maps: BoardMaps, ids: readonly string[], field: string): void {
  const missing = ids.filter((id) => !maps.elements.has(id));
  if (missing.length > 0) {
    throw new EventStormError(
      'not_found',
      `${field} names ${missing.length === 1 ? 'an element' : 'elements'} not on this board: ${missing.join(', ')}`,
      missing.map((id) => ({ path: field, message: `unknown element id ${id}` })),
    );
  }
}

export function requireContext(maps: BoardMaps, id: string, field = 'context_id'): Fields {
  const map = maps.contexts.get(id);
  if (!map) {
    throw new EventStormError('not_found', `No bounded context with id "${id}" in this workshop.`, [
      { path: field, message: `unknown context id ${id}` },
    ]);
  }
  return map;
}

export function requireRoomFor(maps: BoardMaps, adding: number): void {
  // Y.Map#size walks every entry (0.2–0.4 ms on a 10,000-element board, five times a whole add), and yjs has no
  // public count that does not. Its private `_map` holds one item per key ever set, deleted ones too, so its size
  // bounds the live count at no cost: the walk only happens near the limit. yjs is pinned for this;
  // ymap-seam.test.ts checks that bound on the real library.
  if (maps.elements._map.size + adding <= LIMITS.elementsPerBoard) return;
  if (maps.elements.size + adding > LIMITS.elementsPerBoard) {
    throw new EventStormError(
      'conflict',
      `This board is full: a board holds at most ${LIMITS.elementsPerBoard.toLocaleString('en')} elements and has ${maps.elements.size}. Delete some, or split the model into another workshop.`,
    );
  }
}

export function refuseSelfLinks(id: string, ids: readonly string[], field: string): void {
  if (ids.includes(id)) {
    throw new EventStormError('invalid', `${field}: an element cannot trigger itself`, [{ path: field, message: 'an element cannot trigger itself' }]);
  }
}
