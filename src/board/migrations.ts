// Named, ordered schema migrations, run by the server when it loads a room.
import type * as Y from 'yjs';
import { SCHEMA_VERSION, boardMaps } from './document';

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
    // New records are written in the schema-2 layout (records.ts); schema-1 records are read and edited where they
    // are, so nothing is rewritten under a client that may be editing it.
    version: 2,
    name: 'elements as one value plus field edits, links as one value; older records kept as they are',
    up(doc) {
      boardMaps(doc).meta.set('schemaVersion', 2);
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
