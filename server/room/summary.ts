// What is kept about a document beside it, in meta records rather than in the Y.Doc: its list summary (so listing
// never loads a board) and its schema version (so a load knows, before applying anything, whether the stored
// document is current and may be sent to a cold client as stored). Pure functions of a document; the import
// worker uses them too.
import type * as Y from 'yjs';
import { boardMaps, type WorkshopListing } from '../../src/board';

/** The list entry of a workshop, kept beside its document so listing never loads a board: the catalogue's listing. */
export type WorkshopSummary = WorkshopListing;

export function summaryOf(id: string, doc: Y.Doc): WorkshopSummary {
  const maps = boardMaps(doc);
  const text = (key: string) => (typeof maps.meta.get(key) === 'string' ? (maps.meta.get(key) as string) : '');
  return {
    id,
    name: text('name'),
    domain: text('domain'),
    created_at: text('createdAt'),
    updated_at: text('updatedAt') || text('createdAt'),
    element_count: maps.elements.size,
    context_count: maps.contexts.size,
  };
}

/** The meta record keeping a stored document's schema version (so a load knows it before applying it). */
export const SCHEMA_META = 'schema_version';

export function schemaVersionOf(doc: Y.Doc): number | undefined {
  const v = boardMaps(doc).meta.get('schemaVersion');
  return typeof v === 'number' ? v : undefined;
}
