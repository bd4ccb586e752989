// The original Python server's export (eventstorming-mcp, seed/README.md), read so its users can bring their
// workshops onto the board. Two schemas: "2.0" (metadata.schema_version "2.0"; the element description was merged
// into notes) and "1.0" (no schema_version; elements carry a separate description). This file only reads: the
// reference checks and the union of both link ends happen in exchange.ts, the same for every source.
import { z } from 'zod';
import { EventStormError } from './errors';
import type { WorkshopFileContent } from './exchange';
import {
  LIMITS,
  colorSchema,
  contextRefSchema,
  elementTypeSchema,
  idSchema,
  nameSchema,
  positionSchema,
  shortTextSchema,
  textSchema,
} from './schemas';

/**
 * An ISO 8601 date-time as both formats write it: ours (`2025-10-21T09:00:00.000Z`) and Python's isoformat
 * (`2025-10-21T09:00:00.000000Z`, `+00:00`, or no zone at all).
 */
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export const exchangeTimestampSchema = z
  .string({ error: 'must be an ISO 8601 date-time string' })
  .trim()
  .max(64, 'must be an ISO 8601 date-time of at most 64 characters')
  .regex(TIMESTAMP_PATTERN, 'must be an ISO 8601 date-time like 2025-10-21T09:00:00Z');

/** What exchangeTimestampSchema accepts unchanged (a read keeps a timestamp only when an export can carry it). */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && TIMESTAMP_PATTERN.test(value);
}

export type OriginSchemaVersion = '1.0' | '2.0';

/** `null` and absent both mean "not given": the original wrote Python's None as null. */
function orDefault<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return schema.nullish().transform((v): z.output<T> => (v ?? fallback) as z.output<T>);
}

const idList = z.array(idSchema, { error: 'must be a list of ids' }).max(LIMITS.idsPerCall, `must hold at most ${LIMITS.idsPerCall} ids`);

const originMetadataSchema = z.object(
  {
    name: nameSchema,
    description: orDefault(textSchema, ''),
    domain: orDefault(shortTextSchema, ''),
    facilitators: orDefault(
      z.array(nameSchema, { error: 'must be a list of names' }).max(LIMITS.facilitators, `must hold at most ${LIMITS.facilitators} names`),
      [],
    ),
    created_at: exchangeTimestampSchema.nullish(),
    updated_at: exchangeTimestampSchema.nullish(),
  },
  { error: 'must be the workshop metadata object (name, description, domain, facilitators, ...)' },
);

const originElementShape = {
  id: idSchema,
  type: elementTypeSchema,
  name: nameSchema,
  position: positionSchema,
  notes: orDefault(textSchema, ''),
  created_by: orDefault(shortTextSchema, ''),
  created_at: exchangeTimestampSchema.nullish(),
  updated_at: exchangeTimestampSchema.nullish(),
  triggers: orDefault(idList, []),
  triggered_by: orDefault(idList, []),
  bounded_context_id: contextRefSchema.nullish(),
};
const elementError = { error: 'must be an element object (id, type, name, position, ...)' };

const originContextSchema = z.object(
  {
    id: idSchema,
    name: nameSchema,
    description: orDefault(textSchema, ''),
    color: colorSchema.nullish(),
    element_ids: orDefault(idList, []),
  },
  { error: 'must be a bounded context object (id, name, description, color, element_ids)' },
);

function originDocumentSchemaWith<E extends z.ZodType>(element: E) {
  return z.object({
    metadata: originMetadataSchema,
    elements: z.array(element, { error: 'must be the list of elements' }),
    bounded_contexts: orDefault(z.array(originContextSchema, { error: 'must be the list of bounded contexts' }), []),
  });
}

/** Schema 2.0: no element description (the original merged it into notes). */
export const originDocumentSchemaV2 = originDocumentSchemaWith(z.object(originElementShape, elementError));
/** Schema 1.0: elements keep their own description. */
export const originDocumentSchemaV1 = originDocumentSchemaWith(
  z.object({ ...originElementShape, description: orDefault(textSchema, '') }, elementError),
);

export type OriginDocumentV2 = z.output<typeof originDocumentSchemaV2>;
export type OriginDocumentV1 = z.output<typeof originDocumentSchemaV1>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` looks like the original server's export rather than ours. */
export function isOriginExport(value: Record<string, unknown>): boolean {
  return !Object.hasOwn(value, 'format') && Object.hasOwn(value, 'metadata');
}

/**
 * Which schema an original export is in: `metadata.schema_version` "2.0", or none at all (the original's first
 * schema, whose `export_info.version` is "1.0"). Any other version is refused with a clear error.
 */
export function originSchemaVersion(value: Record<string, unknown>): OriginSchemaVersion {
  const metadata = value.metadata;
  const declared = isRecord(metadata) && Object.hasOwn(metadata, 'schema_version') ? metadata.schema_version : undefined;
  if (declared === undefined || declared === null) return '1.0';
  const version = typeof declared === 'number' ? declared.toFixed(1) : typeof declared === 'string' ? declared.trim() : '';
  if (version === '1.0' || version === '1') return '1.0';
  if (version === '2.0' || version === '2') return '2.0';
  const shown = typeof declared === 'string' ? `"${declared.slice(0, 20)}"` : typeof declared === 'number' ? String(declared) : `a ${typeof declared}`;
  throw new EventStormError(
    'invalid',
    `This file comes from the original eventstorming-mcp server with schema version ${shown}; EventStorm reads its schemas 1.0 and 2.0.`,
    [{ path: 'metadata.schema_version', message: `must be "1.0" or "2.0" (got ${shown})` }],
  );
}

/** An original export, already validated, as the content every source is reduced to. */
export function fromOriginDocument(data: OriginDocumentV1 | OriginDocumentV2, version: OriginSchemaVersion): WorkshopFileContent {
  return {
    meta: {
      name: data.metadata.name,
      description: data.metadata.description,
      domain: data.metadata.domain,
      facilitators: data.metadata.facilitators,
      createdAt: data.metadata.created_at ?? undefined,
      updatedAt: data.metadata.updated_at ?? undefined,
    },
    elements: data.elements.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      // 2.0 merged the description into notes, so there is none to keep; 1.0 kept it apart.
      description: version === '1.0' && 'description' in e ? e.description : '',
      notes: e.notes,
      position: e.position,
      contextId: e.bounded_context_id,
      createdBy: e.created_by,
      createdAt: e.created_at ?? undefined,
      updatedAt: e.updated_at ?? undefined,
      triggers: e.triggers,
      triggeredBy: e.triggered_by,
    })),
    contexts: data.bounded_contexts.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      color: c.color ?? undefined,
      elementIds: c.element_ids,
    })),
  };
}
