// Bounded contexts: create, update, delete (unassigning its elements), assign and unassign elements.
import type * as Y from 'yjs';
import {
  assignToContextInput,
  createContextInput,
  deleteContextInput,
  EventStormError,
  parseInput,
  unassignInput,
  updateContextInput,
  type AssignToContextInput,
  type BoundedContext,
  type CreateContextInput,
  type DeleteContextInput,
  type UnassignInput,
  type UpdateContextInput,
} from '../domain';
import { recordOf, setChanged, type BoardMaps } from './document';
import { editElement, fieldIn } from './records';
import { requireContext, requireElements } from './guards';
import { readContext } from './read';
import { newId, runOp, type OpOptions } from './transaction';

/** Distinct, readable colours handed to new contexts in turn when the caller names none. */
export const CONTEXT_COLORS = ['#3498db', '#2ecc71', '#f39c12', '#9b59b6', '#e74c3c', '#1abc9c', '#e67e22', '#34495e'] as const;

/** The colour a new context gets when its creator names none: the next in CONTEXT_COLORS. */
export function nextContextColor(maps: BoardMaps): string {
  return CONTEXT_COLORS[maps.contexts.size % CONTEXT_COLORS.length];
}

/** Write one context record, keyed exactly as every context operation writes it. Call inside a transaction. */
export function writeContext(maps: BoardMaps, record: BoundedContext): void {
  maps.contexts.set(
    record.id,
    recordOf({
      name: record.name,
      description: record.description,
      color: record.color,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    }),
  );
}

function contextOf(maps: BoardMaps, id: string): BoundedContext {
  const context = readContext(id, maps.contexts.get(id));
  if (!context) throw new EventStormError('not_found', `No bounded context with id "${id}" in this workshop.`);
  return context;
}

export function createContext(doc: Y.Doc, input: CreateContextInput, options?: OpOptions): BoundedContext {
  const args = parseInput(createContextInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    const id = args.id ?? newId();
    if (maps.contexts.has(id)) throw new EventStormError('conflict', `A bounded context with id "${id}" already exists.`, [{ path: 'id', message: 'already in use' }]);
    const color = args.color ?? nextContextColor(maps);
    return () => {
      writeContext(maps, { id, name: args.name, description: args.description, color, createdAt: now, updatedAt: now });
      return contextOf(maps, id);
    };
  });
}

export function updateContext(doc: Y.Doc, input: UpdateContextInput, options?: OpOptions): BoundedContext {
  const args = parseInput(updateContextInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    const map = requireContext(maps, args.context_id);
    return () => {
      if (setChanged(map, { name: args.name, description: args.description, color: args.color })) map.set('updatedAt', now);
      return contextOf(maps, args.context_id);
    };
  });
}

export function deleteContext(doc: Y.Doc, input: DeleteContextInput, options?: OpOptions): { deleted: string; unassigned: number } {
  const args = parseInput(deleteContextInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireContext(maps, args.context_id);
    return () => {
      let unassigned = 0;
      for (const id of maps.elements.keys()) {
        if (fieldIn(maps, id, 'contextId') === args.context_id && editElement(maps, id, { contextId: null }, now)) unassigned++;
      }
      maps.contexts.delete(args.context_id);
      return { deleted: args.context_id, unassigned };
    };
  });
}

/** Put elements in a context (moving them out of any other): the whole list is checked first, nothing half-done. */
export function assignToContext(doc: Y.Doc, input: AssignToContextInput, options?: OpOptions): { assigned: number; context: BoundedContext } {
  const args = parseInput(assignToContextInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireContext(maps, args.context_id);
    const ids = [...new Set(args.element_ids)];
    requireElements(maps, ids, 'element_ids');
    return () => {
      for (const id of ids) editElement(maps, id, { contextId: args.context_id }, now);
      return { assigned: ids.length, context: contextOf(maps, args.context_id) };
    };
  });
}

export function unassignFromContext(doc: Y.Doc, input: UnassignInput, options?: OpOptions): { unassigned: number } {
  const args = parseInput(unassignInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    const ids = [...new Set(args.element_ids)];
    requireElements(maps, ids, 'element_ids');
    return () => {
      let unassigned = 0;
      for (const id of ids) if (editElement(maps, id, { contextId: null }, now)) unassigned++;
      return { unassigned };
    };
  });
}
