// Workshop meta: created once per document, then edited field by field.
import type * as Y from 'yjs';
import { EventStormError, createWorkshopInput, parseInput, updateWorkshopInput, type CreateWorkshopInput, type UpdateWorkshopInput, type WorkshopMeta } from '../domain';
import { SCHEMA_VERSION, boardMaps, setChanged, type BoardMaps } from './document';
import { readMeta } from './read';
import { runOp, type OpOptions } from './transaction';

/** Write a workshop's meta into a fresh document, keyed as every meta operation reads it. Call inside a transaction. */
export function writeMeta(maps: BoardMaps, meta: Omit<WorkshopMeta, 'updatedAt'> & { updatedAt?: string }): void {
  maps.meta.set('id', meta.id);
  maps.meta.set('name', meta.name);
  maps.meta.set('description', meta.description);
  maps.meta.set('domain', meta.domain);
  maps.meta.set('facilitators', meta.facilitators);
  maps.meta.set('createdAt', meta.createdAt);
  if (meta.updatedAt !== undefined) maps.meta.set('updatedAt', meta.updatedAt);
  maps.meta.set('schemaVersion', SCHEMA_VERSION);
}

/** Refuse to write a workshop into a document that already holds one. */
export function requireFreshDocument(maps: BoardMaps): void {
  if (maps.meta.get('id')) throw new EventStormError('conflict', `This document already holds workshop "${String(maps.meta.get('id'))}".`);
}

export function initWorkshop(doc: Y.Doc, id: string, input: CreateWorkshopInput, options?: OpOptions): WorkshopMeta {
  const args = parseInput(createWorkshopInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireFreshDocument(maps);
    return () => {
      writeMeta(maps, { id, name: args.name, description: args.description, domain: args.domain, facilitators: args.facilitators, createdAt: now });
      return readMeta(maps.meta);
    };
  });
}

export function updateWorkshop(doc: Y.Doc, input: UpdateWorkshopInput, options?: OpOptions): WorkshopMeta {
  const args = parseInput(updateWorkshopInput, input);
  return runOp(doc, options, ({ maps }) => () => {
    setChanged(maps.meta, { name: args.name, description: args.description, domain: args.domain, facilitators: args.facilitators });
    return readMeta(maps.meta);
  });
}

export function workshopMeta(doc: Y.Doc): WorkshopMeta {
  return readMeta(boardMaps(doc).meta);
}

export function isInitialised(doc: Y.Doc): boolean {
  return typeof boardMaps(doc).meta.get('id') === 'string';
}
