// Element operations: add, update, move, duplicate, delete. Each validates first, then writes in one transaction.
import type * as Y from 'yjs';
import {
  EventStormError,
  addElementInput,
  deleteElementInput,
  deleteElementsInput,
  duplicateElementsInput,
  moveElementsInput,
  parseInput,
  updateElementInput,
  type AddElementInput,
  type BoardElement,
  type DeleteElementInput,
  type DeleteElementsInput,
  type DuplicateElementsInput,
  type MoveElementsInput,
  type UpdateElementInput,
} from '../domain';
import type { BoardMaps } from './document';
import { refuseSelfLinks, requireContext, requireElement, requireElements, requireRoomFor } from './guards';
import { removeLinksTouching, replaceLinks, writeLink } from './links';
import { defaultPosition, placedOfType, stackedY } from './placement';
import { readElementIn } from './read';
import { editElement, linkEnds, putElement, removeElement, type ElementRecord } from './records';
import { newId, runOp, type OpOptions } from './transaction';

function linksOf(maps: BoardMaps, id: string): Pick<BoardElement, 'triggers' | 'triggeredBy'> {
  const triggers: string[] = [];
  const triggeredBy: string[] = [];
  maps.links.forEach((record) => {
    const ends = linkEnds(record);
    if (!ends) return;
    const { from, to } = ends;
    if (from === id && maps.elements.has(to)) triggers.push(to);
    if (to === id && maps.elements.has(from)) triggeredBy.push(from);
  });
  return { triggers: triggers.sort(), triggeredBy: triggeredBy.sort() };
}

/** The element as it now stands in the document, with its derived links. */
export function elementOf(maps: BoardMaps, id: string): BoardElement {
  const element = readElementIn(maps, id);
  if (!element) throw new EventStormError('not_found', `No element with id "${id}" in this workshop.`);
  if (element.contextId && !maps.contexts.has(element.contextId)) element.contextId = null;
  return { ...element, ...linksOf(maps, id) };
}

export type { ElementRecord };

/** Write one new element record, laid out exactly as every element operation writes it. Call inside a transaction. */
export function writeElement(maps: BoardMaps, record: ElementRecord): void {
  putElement(maps, record);
}

/** Only a domain event marks a turning point of the story. */
function requirePivotalEvent(type: string | undefined): void {
  if (type === 'event') return;
  throw new EventStormError('invalid', `Only a domain event can be pivotal; this element is ${type === undefined ? 'unknown' : `a ${type}`}.`, [
    { path: 'pivotal', message: 'only a domain event (type "event") can be pivotal' },
  ]);
}

export function addElement(doc: Y.Doc, input: AddElementInput, options?: OpOptions): BoardElement {
  const args = parseInput(addElementInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireRoomFor(maps, 1);
    const id = args.id ?? newId();
    if (maps.elements.has(id)) throw new EventStormError('conflict', `An element with id "${id}" already exists.`, [{ path: 'id', message: 'already in use' }]);
    requireElements(maps, args.triggers, 'triggers');
    requireElements(maps, args.triggered_by, 'triggered_by');
    if (args.bounded_context_id) requireContext(maps, args.bounded_context_id, 'bounded_context_id');
    if (args.pivotal) requirePivotalEvent(args.type);
    const sameType = args.position === undefined || args.y === undefined ? placedOfType(maps, args.type) : [];
    const position = args.position ?? defaultPosition(sameType);
    const y = args.y ?? stackedY(args.type, position, sameType);
    return () => {
      writeElement(maps, {
        id,
        type: args.type,
        name: args.name,
        description: args.description,
        notes: args.notes,
        position,
        y,
        contextId: args.bounded_context_id ?? null,
        ...(args.pivotal ? { pivotal: true as const } : {}),
        createdBy: args.created_by,
        createdAt: now,
        updatedAt: now,
      });
      for (const to of args.triggers) writeLink(maps, id, to, args.created_by, now);
      for (const from of args.triggered_by) writeLink(maps, from, id, args.created_by, now);
      return elementOf(maps, id);
    };
  });
}

export function updateElement(doc: Y.Doc, input: UpdateElementInput, options?: OpOptions & { by?: string }): BoardElement {
  const args = parseInput(updateElementInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireElement(maps, args.element_id);
    if (args.triggers) {
      requireElements(maps, args.triggers, 'triggers');
      refuseSelfLinks(args.element_id, args.triggers, 'triggers');
    }
    if (args.triggered_by) {
      requireElements(maps, args.triggered_by, 'triggered_by');
      refuseSelfLinks(args.element_id, args.triggered_by, 'triggered_by');
    }
    if (args.bounded_context_id) requireContext(maps, args.bounded_context_id, 'bounded_context_id');
    if (args.pivotal) requirePivotalEvent(args.type ?? readElementIn(maps, args.element_id)?.type);
    return () => {
      editElement(
        maps,
        args.element_id,
        {
          type: args.type,
          name: args.name,
          description: args.description,
          notes: args.notes,
          position: args.position,
          y: args.y,
          contextId: args.bounded_context_id,
          pivotal: args.pivotal,
        },
        now,
      );
      const by = options?.by ?? '';
      if (args.triggers) replaceLinks(maps, args.element_id, 'triggers', args.triggers, by, now);
      if (args.triggered_by) replaceLinks(maps, args.element_id, 'triggered_by', args.triggered_by, by, now);
      return elementOf(maps, args.element_id);
    };
  });
}

/** Write a drag once, on drop: every moved sticky in one transaction (one undo step). */
export function moveElements(doc: Y.Doc, input: MoveElementsInput, options?: OpOptions): { moved: number } {
  const args = parseInput(moveElementsInput, input);
  return runOp(doc, options, ({ maps, now }) => {
    requireElements(maps, args.moves.map((m) => m.element_id), 'moves');
    return () => {
      let moved = 0;
      for (const move of args.moves) {
        if (editElement(maps, move.element_id, { position: move.position, y: move.y }, now)) moved++;
      }
      return { moved };
    };
  });
}

export function deleteElements(doc: Y.Doc, input: DeleteElementsInput, options?: OpOptions): { deleted: string[] } {
  const args = parseInput(deleteElementsInput, input);
  return runOp(doc, options, ({ maps }) => {
    const ids = [...new Set(args.element_ids)];
    requireElements(maps, ids, 'element_ids');
    return () => {
      // An element's links go with it, in the same transaction.
      removeLinksTouching(maps, new Set(ids));
      for (const id of ids) removeElement(maps, id);
      return { deleted: ids };
    };
  });
}

export function deleteElement(doc: Y.Doc, input: DeleteElementInput, options?: OpOptions): { deleted: string[] } {
  const args = parseInput(deleteElementInput, input);
  return deleteElements(doc, { element_ids: [args.element_id] }, options);
}

/**
 * Copy stickies (with the links among them and their context) `offset` columns to the right and below,
 * returning the new ids in the order given.
 */
export function duplicateElements(doc: Y.Doc, input: DuplicateElementsInput, options?: OpOptions & { by?: string }): { created: string[] } {
  const args = parseInput(duplicateElementsInput, input);
  const offset = args.offset ?? { position: 0.5, y: 40 };
  return runOp(doc, options, ({ maps, now }) => {
    const ids = [...new Set(args.element_ids)];
    requireElements(maps, ids, 'element_ids');
    requireRoomFor(maps, ids.length);
    return () => {
      const copies = new Map<string, string>();
      for (const id of ids) {
        const source = readElementIn(maps, id);
        if (!source) continue;
        const copy = newId();
        copies.set(id, copy);
        writeElement(maps, {
          id: copy,
          type: source.type,
          name: source.name,
          description: source.description,
          notes: source.notes,
          position: source.position + offset.position,
          y: source.y + offset.y,
          contextId: source.contextId && maps.contexts.has(source.contextId) ? source.contextId : null,
          createdBy: options?.by ?? '',
          createdAt: now,
          updatedAt: now,
        });
      }
      const copiedLinks: [string, string][] = [];
      maps.links.forEach((record) => {
        const ends = linkEnds(record);
        const from = ends && copies.get(ends.from);
        const to = ends && copies.get(ends.to);
        if (from && to) copiedLinks.push([from, to]);
      });
      for (const [from, to] of copiedLinks) writeLink(maps, from, to, options?.by ?? '', now);
      return { created: ids.map((id) => copies.get(id)!).filter(Boolean) };
    };
  });
}
