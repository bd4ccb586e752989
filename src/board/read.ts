// The reverse door: turn document records into domain values, repairing whatever a peer wrote wrong, once, here.
import { LIMITS, colorSchema, isElementType, type BoardElement, type BoundedContext, type TriggerLink, type WorkshopMeta } from '../domain';
import { isFields, type Fields } from './document';
import { createdOf, linkFields, placeOf } from './records';
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

/** An element record as a domain value without its derived links, or null when it is beyond repair. */
export function readElement(id: string, map: unknown): BoardElement | null {
  if (!isFields(map)) return null;
  const type = map.get('type');
  if (!isElementType(type)) return null;
  const contextId = map.get('contextId');
  const { position, y } = placeOf(map);
  const created = createdOf(map);
  return {
    id,
    type,
    name: text(map, 'name', LIMITS.nameLength).trim() || '(unnamed)',
    description: text(map, 'description'),
    notes: text(map, 'notes'),
    position,
    y,
    contextId: typeof contextId === 'string' && contextId ? contextId : null,
    createdBy: created.by,
    createdAt: created.at,
    updatedAt: str(map, 'updatedAt') || created.at,
    triggers: [],
    triggeredBy: [],
  };
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
