// How element and link records sit in the shared document. Every key of every record is an item each client
// decodes when it opens a board, so a record holds one key per field a person edits, and only keys that say
// something (schema 2):
//   element: type, name, description?, notes?, at: [position, y], contextId?, created: [by, at], updatedAt?
//            (absent text = '', absent contextId = none, absent updatedAt = created at)
//   link:    [from, to, createdBy, createdAt], one plain value: a link is made or removed, never edited.
// Schema 1 records (id, position, y, createdBy, createdAt, empty strings, null contextId; links as Y.Maps) are
// still read. The migration to 2 rewrites element records key by key, so an edit made concurrently is kept; a
// schema-1 key found beside its schema-2 one was written by an older client after that, so it is the newer and wins,
// and a writer keeps to the layout a record's position is in.
import * as Y from 'yjs';
import type { BoardElement } from '../domain';
import { isFields, setChanged, type Fields } from './document';

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
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const pair = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function newElementRecord(record: ElementRecord): Fields {
  const map = new Y.Map<unknown>();
  map.set('type', record.type);
  map.set('name', record.name);
  if (record.description) map.set('description', record.description);
  if (record.notes) map.set('notes', record.notes);
  map.set('at', [record.position, record.y]);
  if (record.contextId) map.set('contextId', record.contextId);
  map.set('created', [record.createdBy, record.createdAt]);
  if (record.updatedAt && record.updatedAt !== record.createdAt) map.set('updatedAt', record.updatedAt);
  return map;
}

function usesLegacyPlace(map: Fields): boolean {
  return map.has('position') || map.has('y');
}

/** Where an element stands; 0 for what a peer left unreadable. */
export function placeOf(map: Fields): { position: number; y: number } {
  const [atPosition, atY] = pair(map.get('at'));
  const position = map.get('position');
  const y = map.get('y');
  return {
    position: finite(position) ? position : finite(atPosition) ? atPosition : 0,
    y: finite(y) ? y : finite(atY) ? atY : 0,
  };
}

export function createdOf(map: Fields): { by: string; at: string } {
  const [by, at] = pair(map.get('created'));
  const legacyBy = map.get('createdBy');
  const legacyAt = map.get('createdAt');
  return {
    by: typeof legacyBy === 'string' ? legacyBy : typeof by === 'string' ? by : '',
    at: typeof legacyAt === 'string' ? legacyAt : typeof at === 'string' ? at : '',
  };
}

/** A field whose absence means empty: '' (or null) removes the key instead of storing an empty value. */
function setOptional(map: Fields, key: string, value: string): boolean {
  const current = map.get(key);
  if (value === '') {
    if (!map.has(key)) return false;
    map.delete(key);
    return typeof current === 'string' && current !== '';
  }
  if (current === value) return false;
  map.set(key, value);
  return true;
}

function setPlace(map: Fields, position: number | undefined, y: number | undefined): boolean {
  if (usesLegacyPlace(map)) return setChanged(map, { position, y });
  const current = placeOf(map);
  const next = [position ?? current.position, y ?? current.y];
  const [storedPosition, storedY] = pair(map.get('at'));
  if (storedPosition === next[0] && storedY === next[1]) return false;
  map.set('at', next);
  return true;
}

/** Apply an edit, writing only what differs; true when the element reads differently afterwards. */
export function editElement(map: Fields, edit: ElementEdit): boolean {
  let changed = setChanged(map, { type: edit.type, name: edit.name });
  if (edit.description !== undefined) changed = setOptional(map, 'description', edit.description) || changed;
  if (edit.notes !== undefined) changed = setOptional(map, 'notes', edit.notes) || changed;
  if (edit.contextId !== undefined) changed = setOptional(map, 'contextId', edit.contextId ?? '') || changed;
  if (edit.position !== undefined || edit.y !== undefined) changed = setPlace(map, edit.position, edit.y) || changed;
  return changed;
}

/** Rewrite a schema-1 element record in the schema-2 layout, key by key (the migration's step per element). */
export function leanElementRecord(map: Fields): void {
  const place = placeOf(map);
  const created = createdOf(map);
  if (usesLegacyPlace(map)) {
    map.set('at', [place.position, place.y]);
    map.delete('position');
    map.delete('y');
  }
  if (map.has('createdBy') || map.has('createdAt')) {
    map.set('created', [created.by, created.at]);
    map.delete('createdBy');
    map.delete('createdAt');
  }
  if (map.has('id')) map.delete('id');
  for (const key of ['description', 'notes', 'contextId']) {
    const value = map.get(key);
    if (map.has(key) && (value === '' || value === null)) map.delete(key);
  }
  if (map.get('updatedAt') === created.at) map.delete('updatedAt');
}

export function newLinkRecord(from: string, to: string, createdBy: string, createdAt: string): unknown[] {
  return [from, to, createdBy, createdAt];
}

/** A link record's fields in either layout, or null when it is not a link record. */
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
