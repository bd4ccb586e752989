// How element and link records sit in the shared document (schema 2).
//
// An element is one plain value in `elements`, written once when it is made and never rewritten:
//   { type, name, description?, notes?, at: [position, y], contextId?, created: [by, at], updated? }
// Every later change is a field edit in `edits`, keyed `<id>.<field>` (fields: EDITABLE), valued [value, when], so
// one person moving a sticky while another renames it both win, two moving it at once end on one of their spots
// (never a mix), and the element's last change is its latest edit's `when` (`updated` only comes from an import).
// A Y.Map per element would say the same, but each Y.Map and each of its keys is an object every client builds
// when it opens a board: a never-edited 10,000-sticky board reaches its first sync three times sooner (README).
//
// A link is one plain value in `links`: [from, to, createdBy, createdAt]: it is made or removed, never edited.
//
// Schema 1 wrote each element and link as a Y.Map with a key per field. Those records are still read, and
// elements of that kind are edited in place, in their own keys, so a board made by an older version keeps working
// and no record is ever rewritten under a client that is editing it.
import type * as Y from 'yjs';
import type { BoardElement } from '../domain';
import { isFields, setChanged, type BoardMaps, type Fields } from './document';

/** An element's stored fields: everything but the links, which are records of their own. */
export type ElementRecord = Omit<BoardElement, 'triggers' | 'triggeredBy'>;

/** The fields an edit may change; undefined leaves a field alone, contextId null takes it out of its context. */
export interface ElementEdit {
  type?: BoardElement['type'];
  name?: string;
  description?: string;
  notes?: string;
  position?: number;
  y?: number;
  contextId?: string | null;
  pivotal?: boolean;
}

/** The fields that live in `edits`; `at` is [position, y], moved as one. */
export const EDITABLE = ['type', 'name', 'description', 'notes', 'at', 'contextId', 'pivotal'] as const;
export type EditableField = (typeof EDITABLE)[number];

/** An element's values as stored, before any repair: read.ts checks and repairs them. */
export interface RawElement {
  type: unknown;
  name: unknown;
  description: unknown;
  notes: unknown;
  position: unknown;
  y: unknown;
  contextId: unknown;
  pivotal: unknown;
  createdBy: unknown;
  createdAt: unknown;
  updatedAt: unknown;
}

/** Field edits of one element, as found in `edits` (each should be [value, when]; read.ts ignores what is not). */
export type FieldEdits = Partial<Record<EditableField, unknown>>;

export const isEdit = (edit: unknown): edit is [unknown, string] => Array.isArray(edit) && edit.length === 2 && typeof edit[1] === 'string';

export const editKey = (id: string, field: EditableField): string => `${id}.${field}`;

/** The element and field an `edits` key names (ids never hold a field name after their last dot), or null. */
export function editTarget(key: string): { id: string; field: EditableField } | null {
  const dot = key.lastIndexOf('.');
  const field = key.slice(dot + 1) as EditableField;
  return dot > 0 && EDITABLE.includes(field) ? { id: key.slice(0, dot), field } : null;
}

/** The field edits of one element. */
export function editsOf(edits: Y.Map<unknown>, id: string): FieldEdits {
  // Six lookups, each O(1); never Y.Map#size, which walks every entry.
  const out: FieldEdits = {};
  for (const field of EDITABLE) {
    const key = editKey(id, field);
    if (edits.has(key)) out[field] = edits.get(key);
  }
  return out;
}

/** Every element's field edits, in one pass over `edits`. */
export function allEdits(edits: Y.Map<unknown>): Map<string, FieldEdits> {
  const out = new Map<string, FieldEdits>();
  edits.forEach((value, key) => {
    const target = editTarget(key);
    if (!target) return;
    let fields = out.get(target.id);
    if (!fields) out.set(target.id, (fields = {}));
    fields[target.field] = value;
  });
  return out;
}

type Base = Record<string, unknown>;
export const isBase = (value: unknown): value is Base => typeof value === 'object' && value !== null && !Array.isArray(value) && !isFields(value);
const pair = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function newElementValue(record: ElementRecord): Base {
  const value: Base = { type: record.type, name: record.name };
  if (record.description) value.description = record.description;
  if (record.notes) value.notes = record.notes;
  value.at = [record.position, record.y];
  if (record.contextId) value.contextId = record.contextId;
  if (record.pivotal) value.pivotal = true;
  value.created = [record.createdBy, record.createdAt];
  // Only an imported record was last changed after it was made.
  if (record.updatedAt && record.updatedAt !== record.createdAt) value.updated = record.updatedAt;
  return value;
}

/** The stored values of an element record of either schema, or null when `value` is not one. */
export function rawElement(value: unknown, edits: FieldEdits): RawElement | null {
  if (isFields(value)) {
    return {
      type: value.get('type'),
      name: value.get('name'),
      description: value.get('description'),
      notes: value.get('notes'),
      position: value.get('position'),
      y: value.get('y'),
      contextId: value.get('contextId'),
      pivotal: value.get('pivotal'),
      createdBy: value.get('createdBy'),
      createdAt: value.get('createdAt'),
      updatedAt: value.get('updatedAt'),
    };
  }
  if (!isBase(value)) return null;
  const [createdBy, createdAt] = pair(value.created);
  let updatedAt = typeof value.updated === 'string' ? value.updated : undefined;
  const field = (name: EditableField) => {
    const edit = edits[name];
    if (!isEdit(edit)) return value[name];
    if (updatedAt === undefined || edit[1] > updatedAt) updatedAt = edit[1];
    return edit[0];
  };
  const [position, y] = pair(field('at'));
  return {
    type: field('type'),
    name: field('name'),
    description: field('description'),
    notes: field('notes'),
    position,
    y,
    contextId: field('contextId'),
    pivotal: field('pivotal'),
    createdBy,
    createdAt,
    updatedAt,
  };
}

/** An element's stored values, read from the document. */
export function rawElementIn(maps: BoardMaps, id: string): RawElement | null {
  const value = maps.elements.get(id);
  return rawElement(value, isFields(value) ? {} : editsOf(maps.edits, id));
}

/** One field of an element as it now reads, without reading the rest (placement scans every element). */
export function fieldIn(maps: BoardMaps, id: string, field: 'type' | 'at' | 'contextId'): unknown {
  const value = maps.elements.get(id);
  if (isFields(value)) return field === 'at' ? [value.get('position'), value.get('y')] : value.get(field);
  if (!isBase(value)) return undefined;
  const edit = maps.edits.get(editKey(id, field));
  return isEdit(edit) ? edit[0] : value[field];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const contextOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Write an element's first value (and forget any field edits an earlier element of that id left). */
export function putElement(maps: BoardMaps, record: ElementRecord): void {
  clearEdits(maps, record.id);
  maps.elements.set(record.id, newElementValue(record));
}

/** Remove an element's record and its field edits. */
export function removeElement(maps: BoardMaps, id: string): void {
  maps.elements.delete(id);
  clearEdits(maps, id);
}

function clearEdits(maps: BoardMaps, id: string): void {
  for (const field of EDITABLE) {
    const key = editKey(id, field);
    if (maps.edits.has(key)) maps.edits.delete(key);
  }
}

/** Apply an edit made at `now` to an existing element, writing only the fields whose value differs; true if any did. */
export function editElement(maps: BoardMaps, id: string, edit: ElementEdit, now: string): boolean {
  const value = maps.elements.get(id);
  if (isFields(value)) return editSchema1(value, edit, now);
  const current = rawElementIn(maps, id);
  if (!current) return false;
  const writes: [EditableField, unknown][] = [];
  if (edit.type !== undefined && edit.type !== current.type) writes.push(['type', edit.type]);
  if (edit.name !== undefined && edit.name !== current.name) writes.push(['name', edit.name]);
  if (edit.description !== undefined && edit.description !== text(current.description)) writes.push(['description', edit.description]);
  if (edit.notes !== undefined && edit.notes !== text(current.notes)) writes.push(['notes', edit.notes]);
  if (edit.contextId !== undefined && contextOf(edit.contextId) !== contextOf(current.contextId)) writes.push(['contextId', contextOf(edit.contextId)]);
  if (edit.pivotal !== undefined && edit.pivotal !== (current.pivotal === true)) writes.push(['pivotal', edit.pivotal]);
  if (edit.position !== undefined || edit.y !== undefined) {
    const position = edit.position ?? (finite(current.position) ? current.position : 0);
    const y = edit.y ?? (finite(current.y) ? current.y : 0);
    if (position !== current.position || y !== current.y) writes.push(['at', [position, y]]);
  }
  if (writes.length === 0) return false;
  for (const [field, next] of writes) maps.edits.set(editKey(id, field), [next, now]);
  return true;
}

/** A schema-1 record, edited in its own keys as schema 1 wrote them. */
function editSchema1(map: Fields, edit: ElementEdit, now: string): boolean {
  const { type, name, description, notes, position, y, pivotal } = edit;
  let changed = setChanged(map, { type, name, description, notes, position, y, pivotal });
  if (edit.contextId !== undefined && contextOf(edit.contextId) !== contextOf(map.get('contextId'))) {
    map.set('contextId', contextOf(edit.contextId));
    changed = true;
  }
  if (changed) map.set('updatedAt', now);
  return changed;
}

export function newLinkValue(from: string, to: string, createdBy: string, createdAt: string): unknown[] {
  return [from, to, createdBy, createdAt];
}

/** A link record's fields in either schema, or null when it is not a link record. */
export function linkFields(value: unknown): { from: unknown; to: unknown; createdBy: unknown; createdAt: unknown } | null {
  if (Array.isArray(value)) return { from: value[0], to: value[1], createdBy: value[2], createdAt: value[3] };
  if (isFields(value)) return { from: value.get('from'), to: value.get('to'), createdBy: value.get('createdBy'), createdAt: value.get('createdAt') };
  return null;
}

/** Both ends of a link record, or null when it has not two string ends. */
export function linkEnds(value: unknown): { from: string; to: string } | null {
  const fields = linkFields(value);
  if (!fields || typeof fields.from !== 'string' || typeof fields.to !== 'string') return null;
  return { from: fields.from, to: fields.to };
}
