// The reverse door: turn document records into domain values, repairing whatever a peer wrote wrong, once, here.
import { LIMITS, colorSchema, isElementType, isId, isTimestamp, type BoardElement, type BoundedContext, type TriggerLink, type WorkshopMeta } from '../domain';
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
/** A name as nameSchema allows it: trimmed, cut to the limit, never empty. */
const name = (v: unknown, fallback: string): string => string(v).trim().slice(0, LIMITS.nameLength).trim() || fallback;
/** Short text as shortTextSchema allows it. */
const shortText = (v: unknown): string => string(v).trim().slice(0, LIMITS.nameLength).trim();
/** A timestamp an export can carry, or none. */
const timestamp = (v: unknown): string => (isTimestamp(v) ? v : '');

/**
 * An element record (with its field edits, when it has any) as a domain value without its derived links, or null
 * when it is beyond repair.
 */
export function readElement(id: string, value: unknown, edits: FieldEdits): BoardElement | null {
  // A key no operation could have made (a space, a ">", too long) cannot travel in an export: not an element.
  if (!isId(id)) return null;
  const raw = rawElement(value, edits);
  if (!raw || !isElementType(raw.type)) return null;
  const createdAt = timestamp(raw.createdAt);
  return {
    id,
    type: raw.type,
    name: name(raw.name, '(unnamed)'),
    description: string(raw.description).slice(0, LIMITS.textLength),
    notes: string(raw.notes).slice(0, LIMITS.textLength),
    position: finite(raw.position),
    y: finite(raw.y),
    contextId: isId(raw.contextId) ? raw.contextId : null,
    // Only a domain event is pivotal: a sticky whose type changed keeps the mark stored, and shows it again as an event.
    ...(raw.pivotal === true && raw.type === 'event' ? { pivotal: true as const } : {}),
    createdBy: shortText(raw.createdBy),
    createdAt,
    updatedAt: timestamp(raw.updatedAt) || createdAt,
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
  if (!isId(from) || !isId(to) || from === to) return null;
  return { from, to, createdBy: shortText(createdBy), createdAt: timestamp(createdAt) };
}

export function readContext(id: string, map: unknown): BoundedContext | null {
  if (!isId(id) || !isFields(map)) return null;
  const color = str(map, 'color');
  const createdAt = timestamp(map.get('createdAt'));
  return {
    id,
    name: name(map.get('name'), '(unnamed context)'),
    description: text(map, 'description'),
    color: colorSchema.safeParse(color).success ? color : DEFAULT_CONTEXT_COLOR,
    createdAt,
    updatedAt: timestamp(map.get('updatedAt')) || createdAt,
  };
}

/**
 * The workshop's meta, repaired: `workshopId` (the room's id, when the reader knows it) wins over whatever an editor
 * wrote into `meta.id`, so a board whose meta was vandalised still opens and exports as itself.
 */
export function readMeta(meta: Y.Map<unknown>, workshopId?: string): WorkshopMeta {
  const facilitators = meta.get('facilitators');
  const stored = meta.get('id');
  const createdAt = timestamp(meta.get('createdAt'));
  return {
    id: workshopId ?? (typeof stored === 'string' ? stored : ''),
    name: name(meta.get('name'), 'Untitled workshop'),
    description: string(meta.get('description')).slice(0, LIMITS.textLength),
    domain: shortText(meta.get('domain')),
    facilitators: Array.isArray(facilitators)
      ? facilitators
          .map((f) => shortText(f))
          .filter((f) => f !== '')
          .slice(0, LIMITS.facilitators)
      : [],
    createdAt,
    updatedAt: timestamp(meta.get('updatedAt')),
  };
}
