// Workshop meta: created once per document, then edited field by field.
import type * as Y from 'yjs';
import { EventStormError, createWorkshopInput, parseInput, updateWorkshopInput, type CreateWorkshopInput, type UpdateWorkshopInput, type WorkshopMeta } from '../domain';
import { SCHEMA_VERSION, boardMaps, setChanged } from './document';
import { readMeta } from './read';
import { runOp, type OpOptions } from './transaction';

export function initWorkshop(doc: Y.Doc, id: string, input: CreateWorkshopInput, options?: OpOptions): WorkshopMeta {
  const args = parseInput(createWorkshopInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    if (maps.meta.get('id')) throw new EventStormError('conflict', `This document already holds workshop "${String(maps.meta.get('id'))}".`);
    return () => {
      maps.meta.set('id', id);
      maps.meta.set('name', args.name);
      maps.meta.set('description', args.description);
      maps.meta.set('domain', args.domain);
      maps.meta.set('facilitators', args.facilitators);
      maps.meta.set('createdAt', now);
      maps.meta.set('schemaVersion', SCHEMA_VERSION);
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
