// Zod schemas for every operation's input, in the parameter names of the seed and the original server.
// The board operations, the REST API and the MCP tools all validate with these; none writes its own.
import { z } from 'zod';
import { ELEMENT_TYPES } from './catalogue';
import { EventStormError, type IssueDetail } from './errors';

export const LIMITS = {
  nameLength: 200,
  textLength: 5_000,
  idLength: 128,
  elementsPerBoard: 10_000,
  facilitators: 50,
  idsPerCall: 10_000,
  pageSize: 500,
  maxDepth: 20,
  maxElements: 10_000,
} as const;

export const elementTypeSchema = z.enum(ELEMENT_TYPES, {
  error: () => `must be one of ${ELEMENT_TYPES.join(', ')}`,
});

const ID_PATTERN = /^[^>\s]+$/;

export const idSchema = z
  .string({ error: 'must be an id string' })
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, 'must not contain ">" or spaces');

/** What idSchema accepts unchanged, without zod's cost (reads check every record). */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LIMITS.idLength && ID_PATTERN.test(value);
}

export const nameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);

export const textSchema = z
  .string({ error: 'must be a string' })
  .max(LIMITS.textLength, `must be at most ${LIMITS.textLength} characters`);

export const shortTextSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .max(LIMITS.nameLength, `must be at most ${LIMITS.nameLength} characters`);

export const colorSchema = z
  .string({ error: 'must be a CSS hex colour string' })
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'must be a CSS hex colour like #3498db');

export const positionSchema = z.number({ error: 'must be a finite number' });
export const coordinateSchema = z.number({ error: 'must be a finite number' });

const idListSchema = z.array(idSchema, { error: 'must be a list of ids' }).max(LIMITS.idsPerCall);

/** `null`, "null" and "" all mean "no context" (the original server takes the string "null"). */
export const contextRefSchema = z
  .union([idSchema, z.null(), z.literal('null'), z.literal('')], { error: 'must be a context id, or null to remove it from its context' })
  .transform((v) => (v === null || v === 'null' || v === '' ? null : v));

export const responseFormatSchema = z.enum(['markdown', 'json'], { error: 'must be "markdown" or "json"' }).default('markdown');

/** The original names summary/full; concise/detailed are accepted as their synonyms. */
export const detailLevelSchema = z
  .enum(['summary', 'full', 'concise', 'detailed'], { error: 'must be "summary" or "full"' })
  .default('summary')
  .transform((v) => (v === 'detailed' || v === 'full' ? 'full' : 'summary'));

export const pageSchema = z.number({ error: 'must be a whole number ≥ 1' }).int('must be a whole number ≥ 1').min(1, 'must be ≥ 1').default(1);
export const pageSizeSchema = z
  .number({ error: `must be a whole number from 1 to ${LIMITS.pageSize}` })
  .int('must be a whole number')
  .min(1, 'must be ≥ 1')
  .max(LIMITS.pageSize, `must be at most ${LIMITS.pageSize}`)
  .default(50);

export const workshopIdSchema = idSchema;

// ---- workshop ----

export const createWorkshopInput = z.object({
  name: nameSchema,
  description: textSchema.default(''),
  domain: shortTextSchema.default(''),
  facilitators: z.array(nameSchema, { error: 'must be a list of names' }).max(LIMITS.facilitators).default([]),
});
export type CreateWorkshopInput = z.input<typeof createWorkshopInput>;

export const updateWorkshopInput = z.object({
  name: nameSchema.optional(),
  description: textSchema.optional(),
  domain: shortTextSchema.optional(),
  facilitators: z.array(nameSchema, { error: 'must be a list of names' }).max(LIMITS.facilitators).optional(),
});
export type UpdateWorkshopInput = z.input<typeof updateWorkshopInput>;

// ---- elements ----

export const addElementInput = z.object({
  type: elementTypeSchema,
  name: nameSchema,
  description: textSchema.default(''),
  position: positionSchema.optional(),
  y: coordinateSchema.optional(),
  notes: textSchema.default(''),
  created_by: shortTextSchema.default(''),
  triggers: idListSchema.default([]),
  triggered_by: idListSchema.default([]),
  bounded_context_id: contextRefSchema.optional(),
  /** A pivotal domain event closes a chapter of the story; only events can be. */
  pivotal: z.boolean().optional(),
  /** Only for import and duplicates of known ids; a fresh id is made when absent. */
  id: idSchema.optional(),
});
export type AddElementInput = z.input<typeof addElementInput>;

export const updateElementInput = z.object({
  element_id: idSchema,
  type: elementTypeSchema.optional(),
  name: nameSchema.optional(),
  description: textSchema.optional(),
  notes: textSchema.optional(),
  position: positionSchema.optional(),
  y: coordinateSchema.optional(),
  /** Replaces the element's outgoing links. */
  triggers: idListSchema.optional(),
  /** Replaces the element's incoming links (updating the sources). */
  triggered_by: idListSchema.optional(),
  bounded_context_id: contextRefSchema.optional(),
  pivotal: z.boolean().optional(),
});
export type UpdateElementInput = z.input<typeof updateElementInput>;

export const deleteElementInput = z.object({ element_id: idSchema });
export type DeleteElementInput = z.input<typeof deleteElementInput>;

export const deleteElementsInput = z.object({ element_ids: idListSchema.min(1, 'must name at least one element') });
export type DeleteElementsInput = z.input<typeof deleteElementsInput>;

export const duplicateElementsInput = z.object({
  element_ids: idListSchema.min(1, 'must name at least one element'),
  offset: z.object({ position: positionSchema, y: coordinateSchema }).optional(),
});
export type DuplicateElementsInput = z.input<typeof duplicateElementsInput>;

export const moveElementsInput = z.object({
  moves: z
    .array(z.object({ element_id: idSchema, position: positionSchema, y: coordinateSchema.optional() }))
    .min(1, 'must move at least one element')
    .max(LIMITS.idsPerCall),
});
export type MoveElementsInput = z.input<typeof moveElementsInput>;

// ---- links ----

export const linkInput = z.object({ from: idSchema, to: idSchema });
export type LinkInput = z.input<typeof linkInput>;

export const unlinkAllInput = z.object({ links: z.array(linkInput).min(1, 'must name at least one link').max(LIMITS.idsPerCall) });
export type UnlinkAllInput = z.input<typeof unlinkAllInput>;

// ---- bounded contexts ----

export const createContextInput = z.object({
  name: nameSchema,
  description: textSchema.default(''),
  color: colorSchema.optional(),
  id: idSchema.optional(),
});
export type CreateContextInput = z.input<typeof createContextInput>;

export const updateContextInput = z.object({
  context_id: idSchema,
  name: nameSchema.optional(),
  description: textSchema.optional(),
  color: colorSchema.optional(),
});
export type UpdateContextInput = z.input<typeof updateContextInput>;

export const deleteContextInput = z.object({ context_id: idSchema });
export type DeleteContextInput = z.input<typeof deleteContextInput>;

export const assignToContextInput = z.object({
  context_id: idSchema,
  element_ids: idListSchema.min(1, 'must name at least one element'),
});
export type AssignToContextInput = z.input<typeof assignToContextInput>;

export const unassignInput = z.object({ element_ids: idListSchema.min(1, 'must name at least one element') });
export type UnassignInput = z.input<typeof unassignInput>;

// ---- analyses and exchange ----

export const loadWorkshopInput = z.object({
  detail_level: detailLevelSchema,
  response_format: responseFormatSchema,
});

export const statisticsInput = z.object({ response_format: responseFormatSchema });

export const timelineInput = z.object({
  element_type: elementTypeSchema.optional(),
  bounded_context_id: idSchema.optional(),
  page: pageSchema,
  page_size: pageSizeSchema,
  detail_level: detailLevelSchema,
  response_format: responseFormatSchema,
});
export type TimelineInput = z.output<typeof timelineInput>;

export const searchInput = z.object({
  query: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(LIMITS.nameLength),
  element_type: elementTypeSchema.optional(),
  bounded_context_id: idSchema.optional(),
  page: pageSchema,
  page_size: pageSizeSchema,
  detail_level: detailLevelSchema,
  response_format: responseFormatSchema,
});
export type SearchInput = z.output<typeof searchInput>;

export const contextOverviewInput = z.object({
  context_id: idSchema.optional(),
  page: pageSchema,
  page_size: pageSizeSchema,
  detail_level: detailLevelSchema,
  response_format: responseFormatSchema,
});
export type ContextOverviewInput = z.output<typeof contextOverviewInput>;

export const flowInput = z.object({
  start_element_id: idSchema.optional(),
  max_depth: z.number({ error: `must be a whole number from 1 to ${LIMITS.maxDepth}` }).int().min(1).max(LIMITS.maxDepth).default(5),
  max_elements: z.number({ error: 'must be a whole number ≥ 1' }).int().min(1).max(LIMITS.maxElements).default(100),
  response_format: responseFormatSchema,
});
export type FlowInput = z.output<typeof flowInput>;

export const lintInput = z.object({
  page: pageSchema,
  page_size: pageSizeSchema,
  response_format: responseFormatSchema,
});
export type LintInput = z.output<typeof lintInput>;

export const exportInput = z.object({ include_metadata: z.boolean({ error: 'must be true or false' }).default(true) });

export const importInput = z.object({
  workshop_data: z.string({ error: 'must be the exported workshop as a JSON string' }).min(2, 'must not be empty'),
  new_name: nameSchema.optional(),
});

// ---- parsing ----

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Every problem in `error`, each with the path it is at. */
export function issuesOf(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export function describeIssues(issues: IssueDetail[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Parse or throw an `invalid` EventStormError that names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  throw new EventStormError('invalid', `Invalid ${what}: ${describeIssues(issues)}`, issues);
}
