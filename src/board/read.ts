// The reverse door: turn document records into domain values, repairing whatever a peer wrote wrong, once, here.
import { LIMITS, colorSchema, isElementType, type BoardElement, type BoundedContext, type TriggerLink, type WorkshopMeta } from '../domain';
import { isFields, type BoardMaps, type Fields } from './document';
import { editsOf, linkFields, rawElement, type FieldEdits } from './records';
import type * as Y from 'yjs';

function str(map: Fields, key: string, fallback = ''): string {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
}

/** Text as the schemas allow it: a peer that wrote more is cut to the limit, so every board exports importably. */
function text(map: Fields, key: string, limit: number = LIMITS.textLength): string {
  return str(map, key).slice(0, limit);
}

export const DEFAULT_CONTEXT_COLOR = '#94a3b8';

const string = (v: unknown): string => (typeof v === 'string' ? v : '');
const finite = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * An element record (with its field edits, when it has any) as a domain value without its derived links, or null
 * when it is beyond repair.
 */
export function readElement(id: string, value: unknown, edits: FieldEdits): BoardElement | null {
  const raw = rawElement(value, edits);
  if (!raw || !isElementType(raw.type)) return null;
  const createdAt = string(raw.createdAt);
  return {
    id,
    type: raw.type,
    name: string(raw.name).slice(0, LIMITS.nameLength).trim() || '(unnamed)',
    description: string(raw.description).slice(0, LIMITS.textLength),
    notes: string(raw.notes).slice(0, LIMITS.textLength),
    position: finite(raw.position),
    y: finite(raw.y),
    contextId: typeof raw.contextId === 'string' && raw.contextId ? raw.contextId : null,
    createdBy: string(raw.createdBy),
    createdAt,
    updatedAt: string(raw.updatedAt) || createdAt,
    triggers: [],
    triggeredBy: [],
  };
}

/** One element as it stands in the document, without its derived links. */
export function readElementIn(maps: BoardMaps, id: string): BoardElement | null {
  return readElement(id, maps.elements.get(id), editsOf(maps.edits, id));
}

export function readLink(value: unknown): TriggerLink | null {
  const fields = linkFields(value);
  if (!fields) return null;
  const { from, to, createdBy, createdAt } = fields;
  if (typeof from !== 'string' || typeof to !== 'string' || from === to) return null;
  return { from, to, createdBy: typeof createdBy === 'string' ? createdBy : '', createdAt: typeof createdAt === 'string' ? createdAt : '' };
}

export function readContext(id: string, map: unknown): BoundedContext | null {
  if (!isFields(map)) return null;
  const color = str(map, 'color');
  return {
    id,
    name: text(map, 'name', LIMITS.nameLength).trim() || '(unnamed context)',
    description: text(map, 'description'),
    color: colorSchema.safeParse(color).success ? color : DEFAULT_CONTEXT_COLOR,
    createdAt: str(map, 'createdAt'),
    updatedAt: str(map, 'updatedAt') || str(map, 'createdAt'),
  };
}

export function readMeta(meta: Y.Map<unknown>): WorkshopMeta {
  const facilitators = meta.get('facilitators');
  return {
    id: typeof meta.get('id') === 'string' ? (meta.get('id') as string) : '',
    name: typeof meta.get('name') === 'string' ? (meta.get('name') as string) : '',
    description: typeof meta.get('description') === 'string' ? (meta.get('description') as string) : '',
    domain: typeof meta.get('domain') === 'string' ? (meta.get('domain') as string) : '',
    facilitators: Array.isArray(facilitators) ? facilitators.filter((f): f is string => typeof f === 'string') : [],
    createdAt: typeof meta.get('createdAt') === 'string' ? (meta.get('createdAt') as string) : '',
    updatedAt: typeof meta.get('updatedAt') === 'string' ? (meta.get('updatedAt') as string) : '',
  };
}
