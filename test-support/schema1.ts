// For tests: records written the way schema 1 (and every client of that version) wrote them.
import * as Y from 'yjs';
import { boardMaps, type BoardMaps } from '../src/board/document';
import type { ElementRecord } from '../src/board/records';
import { snapshot } from '../src/board/snapshot';

export function writeSchema1Element(maps: BoardMaps, record: ElementRecord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  maps.elements.set(record.id, map);
  for (const key of ['id', 'type', 'name', 'description', 'notes', 'position', 'y', 'contextId', 'createdBy', 'createdAt', 'updatedAt'] as const) {
    map.set(key, record[key]);
  }
  return map;
}

export function writeSchema1Link(maps: BoardMaps, from: string, to: string, createdBy: string, createdAt: string): void {
  const map = new Y.Map<unknown>();
  maps.links.set(`${from}>${to}`, map);
  map.set('from', from);
  map.set('to', to);
  map.set('createdBy', createdBy);
  map.set('createdAt', createdAt);
}

/** Rewrite every element and link of `doc` as schema 1 wrote them (the same ids and fields), and mark it schema 1. */
export function downgradeToSchema1(doc: Y.Doc): void {
  const { elements, links } = snapshot(doc);
  const maps = boardMaps(doc);
  doc.transact(() => {
    for (const { triggers: _out, triggeredBy: _in, ...record } of elements) writeSchema1Element(maps, record);
    for (const link of links) writeSchema1Link(maps, link.from, link.to, link.createdBy, link.createdAt);
    for (const key of [...maps.edits.keys()]) maps.edits.delete(key);
    maps.meta.set('schemaVersion', 1);
  });
}
