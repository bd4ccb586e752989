// The shared document's schema (DESIGN.md "The shared document"): four top-level maps; an element or context is a
// Y.Map with a key per field, a link one plain value (records.ts has the record layouts).
import * as Y from 'yjs';

export const SCHEMA_VERSION = 2;

export type Fields = Y.Map<unknown>;

export interface BoardMaps {
  meta: Y.Map<unknown>;
  elements: Y.Map<Fields>;
  /** `from>to` → a link record (records.ts): read through `linkEnds`/`readLink`, never directly. */
  links: Y.Map<unknown>;
  contexts: Y.Map<Fields>;
}

export function boardMaps(doc: Y.Doc): BoardMaps {
  return {
    meta: doc.getMap<unknown>('meta'),
    elements: doc.getMap<Fields>('elements'),
    links: doc.getMap<unknown>('links'),
    contexts: doc.getMap<Fields>('contexts'),
  };
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
