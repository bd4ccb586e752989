// Named, ordered schema migrations, run by the server when it loads a room.
import type * as Y from 'yjs';
import { SCHEMA_VERSION, boardMaps, isFields } from './document';
import { leanElementRecord } from './records';

export interface Migration {
  version: number;
  name: string;
  up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema: meta, elements, links and contexts maps',
    up(doc) {
      boardMaps(doc).meta.set('schemaVersion', 1);
    },
  },
  {
    // Half the keys per element, so a 10,000-sticky board decodes in about half the time (README, "The sync server").
    // Key by key, never a record replaced: an edit a client makes meanwhile survives the merge. Links stay as
    // they are (a replaced link would undo a concurrent removal); new links are written lean.
    version: 2,
    name: 'lean element records: at = [position, y], created = [by, at], no id key, no empty fields',
    up(doc) {
      const maps = boardMaps(doc);
      maps.elements.forEach((map) => {
        if (isFields(map)) leanElementRecord(map);
      });
      maps.contexts.forEach((map) => {
        if (isFields(map) && map.has('id')) map.delete('id');
      });
      maps.meta.set('schemaVersion', 2);
    },
  },
];

/** Bring an initialised document up to SCHEMA_VERSION, each step in its own transaction; returns the steps run. */
export function migrate(doc: Y.Doc, origin: unknown = 'migration'): string[] {
  const meta = boardMaps(doc).meta;
  if (typeof meta.get('id') !== 'string') return [];
  const from = typeof meta.get('schemaVersion') === 'number' ? (meta.get('schemaVersion') as number) : 0;
  const ran: string[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= from || migration.version > SCHEMA_VERSION) continue;
    doc.transact(() => migration.up(doc), origin);
    ran.push(`${migration.version}: ${migration.name}`);
  }
  return ran;
}
