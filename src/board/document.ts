// The shared document's schema (DESIGN.md "The shared document"): five top-level maps. records.ts has how element
// and link records are laid out in them; a context is a Y.Map with a key per field.
import * as Y from 'yjs';

export const SCHEMA_VERSION = 2;

export type Fields = Y.Map<unknown>;

export interface BoardMaps {
  meta: Y.Map<unknown>;
  /** id → an element record (records.ts): read through `readElement`, written through records.ts, never directly. */
  elements: Y.Map<unknown>;
  /** `<id>.<field>` → a later value of one field of one element (records.ts). */
  edits: Y.Map<unknown>;
  /** `from>to` → a link record (records.ts): read through `linkEnds`/`readLink`, never directly. */
  links: Y.Map<unknown>;
  contexts: Y.Map<Fields>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap<unknown>('meta'),
    elements: doc.getMap<unknown>('elements'),
    edits: doc.getMap<unknown>('edits'),
    links: doc.getMap<unknown>('links'),
    contexts: doc.getMap<Fields>('contexts'),
  };
}

/** Every top-level type of the board, e.g. the scope of an UndoManager that should undo whole operations. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the maps hold different record types
export function allBoardMaps(maps: BoardMaps): Y.AbstractType<any>[] {
  return [maps.meta, maps.elements, maps.edits, maps.links, maps.contexts];
}

/** A Y.Map holding `fields`, one key each, so concurrent edits of different fields both win. */
export function recordOf(fields: Record<string, unknown>): Fields {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) map.set(key, value);
  }
  return map;
}

/** Set only the fields whose value differs, so an update that changes nothing writes nothing. */
export function setChanged(map: Fields, fields: Record<string, unknown>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const current = map.get(key);
    const same = Array.isArray(value) ? JSON.stringify(current) === JSON.stringify(value) : current === value;
    if (!same) {
      map.set(key, value);
      changed = true;
    }
  }
  return changed;
}

export function isFields(value: unknown): value is Fields {
  return value instanceof Y.Map;
}
