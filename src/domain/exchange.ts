// The exchange format (DESIGN.md "The exchange format"): a versioned JSON document with the seed's and the original
// server's field names. Export is a pure function of a snapshot; import validates the whole file first (zod, then
// every reference) and answers a plain plan that src/board writes in one transaction, or one `invalid` error
// naming every bad path. Import also reads the original Python server's export (origin-format.ts).
import { z } from 'zod';
import type { ElementType } from './catalogue';
import { EventStormError, type IssueDetail } from './errors';
import {
  fromOriginDocument,
  isOriginExport,
  originDocumentSchemaV1,
  originDocumentSchemaV2,
  originSchemaVersion,
  exchangeTimestampSchema,
} from './origin-format';
import {
  LIMITS,
  colorSchema,
  contextRefSchema,
  coordinateSchema,
  describeIssues,
  elementTypeSchema,
  idSchema,
  issuesOf,
  nameSchema,
  positionSchema,
  shortTextSchema,
  textSchema,
} from './schemas';
import { inTimelineOrder } from './analyses/board-index';
import { linkKey, type BoardElement, type WorkshopSnapshot } from './types';

export const EXCHANGE_FORMAT = 'eventstorm.workshop';
/**
 * The newest version this EventStorm reads and writes. An export says 2 only when it carries what version 1 could
 * not (an opportunity sticky, a type version 1 readers refuse); otherwise it says 1, so older EventStorms read it.
 */
export const EXCHANGE_VERSION = 2;
export type ExchangeVersion = 1 | 2;

/** The oldest version that can carry this board. */
export function exchangeVersionFor(elements: readonly { type: string }[]): ExchangeVersion {
  return elements.some((e) => e.type === 'opportunity') ? 2 : 1;
}
/** At most this many problems are listed in one error; the rest are counted. */
export const MAX_LISTED_ISSUES = 100;

// ---- the document ----

export interface ExchangeWorkshop {
  id: string;
  name: string;
  description: string;
  domain: string;
  facilitators: string[];
  /** With metadata only. */
  created_at?: string;
  updated_at?: string;
}

export interface ExchangeElement {
  id: string;
  type: ElementType;
  name: string;
  description: string;
  notes: string;
  position: number;
  y: number;
  bounded_context_id: string | null;
  /** Present (true) on a pivotal domain event only; a reader that does not know it ignores it. */
  pivotal?: true;
  /** Derived from the trigger links, sorted. */
  triggers: string[];
  /** Derived from the trigger links, sorted. */
  triggered_by: string[];
  created_by: string;
  /** With metadata only. */
  created_at?: string;
  updated_at?: string;
}

export interface ExchangeContext {
  id: string;
  name: string;
  description: string;
  color: string;
  /** The context's elements, in timeline order. */
  element_ids: string[];
  /** With metadata only. */
  created_at?: string;
  updated_at?: string;
}

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  version: ExchangeVersion;
  /** With metadata only. */
  exported_at?: string;
  workshop: ExchangeWorkshop;
  /** In timeline order: position, then the catalogue's row, then name, then id. */
  elements: ExchangeElement[];
  /** By name, then id. */
  bounded_contexts: ExchangeContext[];
}

export interface ExportWorkshopOptions {
  /** Timestamps (workshop, elements, contexts) and `exported_at`; without, the file is a pure function of the model. */
  includeMetadata: boolean;
  /** The `exported_at` stamp (ISO 8601); now when absent. */
  exportedAt?: string;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One element as the exchange format writes it (also how the MCP tools describe an element they changed). */
export function exchangeElement(e: BoardElement, withMetadata: boolean): ExchangeElement {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    description: e.description,
    notes: e.notes,
    position: e.position,
    y: e.y,
    bounded_context_id: e.contextId,
    ...(e.pivotal ? { pivotal: true as const } : {}),
    triggers: [...e.triggers],
    triggered_by: [...e.triggeredBy],
    created_by: e.createdBy,
    ...(withMetadata ? { created_at: e.createdAt, updated_at: e.updatedAt } : {}),
  };
}

export function exportWorkshop(snap: WorkshopSnapshot, options: ExportWorkshopOptions): ExchangeDocument {
  const withMetadata = options.includeMetadata;
  const elementIds = new Set(snap.elements.map((e) => e.id));
  const contextIds = new Set(snap.contexts.map((c) => c.id));

  const timeline = inTimelineOrder(snap.elements); // the timeline analysis's order: two exports of similar boards diff readably
  // Derived from the links themselves, so the two ends can never disagree.
  const triggers = new Map<string, Set<string>>();
  const triggeredBy = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, key: string, value: string) => {
    const set = index.get(key);
    if (set) set.add(value);
    else index.set(key, new Set([value]));
  };
  for (const link of snap.links) {
    if (link.from === link.to || !elementIds.has(link.from) || !elementIds.has(link.to)) continue;
    add(triggers, link.from, link.to);
    add(triggeredBy, link.to, link.from);
  }
  const sorted = (set: Set<string> | undefined) => (set ? [...set].sort(compareText) : []);

  const members = new Map<string, string[]>();
  const elements = timeline.map((e): ExchangeElement => {
    const contextId = e.contextId && contextIds.has(e.contextId) ? e.contextId : null;
    if (contextId) {
      const list = members.get(contextId);
      if (list) list.push(e.id);
      else members.set(contextId, [e.id]);
    }
    return exchangeElement({ ...e, contextId, triggers: sorted(triggers.get(e.id)), triggeredBy: sorted(triggeredBy.get(e.id)) }, withMetadata);
  });

  const contexts = [...snap.contexts].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
  return {
    format: EXCHANGE_FORMAT,
    version: exchangeVersionFor(snap.elements),
    ...(withMetadata ? { exported_at: options.exportedAt ?? new Date().toISOString() } : {}),
    workshop: {
      id: snap.meta.id,
      name: snap.meta.name,
      description: snap.meta.description,
      domain: snap.meta.domain,
      facilitators: [...snap.meta.facilitators],
      ...(withMetadata ? { created_at: snap.meta.createdAt, updated_at: snap.meta.updatedAt } : {}),
    },
    elements,
    bounded_contexts: contexts.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      color: c.color,
      element_ids: members.get(c.id) ?? [],
      ...(withMetadata ? { created_at: c.createdAt, updated_at: c.updatedAt } : {}),
    })),
  };
}

// ---- the schema (what import accepts in our format) ----

const idList = z.array(idSchema, { error: 'must be a list of ids' }).max(LIMITS.idsPerCall, `must hold at most ${LIMITS.idsPerCall} ids`);
/** A timestamp that may be absent; an empty string (a board that never stamped one) counts as absent. */
const optionalTimestamp = z
  .union([z.literal(''), z.null(), exchangeTimestampSchema], { error: 'must be an ISO 8601 date-time like 2025-10-21T09:00:00Z' })
  .optional()
  .transform((v) => (v ? v : undefined));

export const exchangeElementSchema = z.object(
  {
    id: idSchema,
    type: elementTypeSchema,
    name: nameSchema,
    description: textSchema.default(''),
    notes: textSchema.default(''),
    position: positionSchema,
    y: coordinateSchema.optional(),
    bounded_context_id: contextRefSchema.optional(),
    pivotal: z.boolean({ error: 'must be true or false' }).optional(),
    triggers: idList.default([]),
    triggered_by: idList.default([]),
    created_by: shortTextSchema.default(''),
    created_at: optionalTimestamp,
    updated_at: optionalTimestamp,
  },
  { error: 'must be an element object (id, type, name, position, ...)' },
);

export const exchangeContextSchema = z.object(
  {
    id: idSchema,
    name: nameSchema,
    description: textSchema.default(''),
    color: colorSchema.nullish(),
    element_ids: idList.default([]),
    created_at: optionalTimestamp,
    updated_at: optionalTimestamp,
  },
  { error: 'must be a bounded context object (id, name, description, color, element_ids)' },
);

export const exchangeWorkshopSchema = z.object(
  {
    id: idSchema.optional(),
    name: nameSchema,
    description: textSchema.default(''),
    domain: shortTextSchema.default(''),
    facilitators: z
      .array(nameSchema, { error: 'must be a list of names' })
      .max(LIMITS.facilitators, `must hold at most ${LIMITS.facilitators} names`)
      .default([]),
    created_at: optionalTimestamp,
    updated_at: optionalTimestamp,
  },
  { error: 'must be the workshop object (id, name, description, domain, facilitators)' },
);

/** Our exchange document, version 1 or 2 (2 adds the opportunity type). Missing optional fields default; unknown fields are ignored. */
export const exchangeDocumentSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT, { error: `must be "${EXCHANGE_FORMAT}"` }),
  version: z.union([z.literal(1), z.literal(2)], { error: `must be 1 or 2` }),
  exported_at: optionalTimestamp,
  workshop: exchangeWorkshopSchema,
  elements: z.array(exchangeElementSchema, { error: 'must be the list of elements' }),
  bounded_contexts: z.array(exchangeContextSchema, { error: 'must be the list of bounded contexts' }).default([]),
});

export type ExchangeDocumentInput = z.input<typeof exchangeDocumentSchema>;
export type ParsedExchangeDocument = z.output<typeof exchangeDocumentSchema>;

// ---- the import plan ----

export type ImportSource = 'eventstorm-v1' | 'origin-2.0' | 'origin-1.0';

export interface ImportMeta {
  name: string;
  description: string;
  domain: string;
  facilitators: string[];
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportElement {
  id: string;
  type: ElementType;
  name: string;
  description: string;
  notes: string;
  position: number;
  /** Absent in the original's files: the board places the sticky on its type's row. */
  y?: number;
  contextId: string | null;
  /** A pivotal domain event (kept only on events, as the board reads it). */
  pivotal?: true;
  createdBy: string;
  createdAt?: string;
  updatedAt?: string;
}

export interface ImportContext {
  id: string;
  name: string;
  description: string;
  /** Absent when the file names none: the board assigns one. */
  color?: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A validated file as plain data: every id it mentions exists in it, and nothing has been written anywhere yet. */
export interface ImportPlan {
  source: ImportSource;
  meta: ImportMeta;
  elements: ImportElement[];
  links: { from: string; to: string }[];
  contexts: ImportContext[];
}

/** What every source is reduced to before its links and context membership are settled. */
export interface WorkshopFileContent {
  meta: ImportMeta;
  elements: (Omit<ImportElement, 'contextId'> & {
    /** The element's own field; null or undefined when it names none. */
    contextId: string | null | undefined;
    triggers: string[];
    triggeredBy: string[];
  })[];
  contexts: (ImportContext & { elementIds: string[] })[];
}

// ---- reading ----

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: a file's `__proto__` or `constructor` key is data, never a way into the prototype. */
function own(value: unknown, key: string | number): unknown {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function refuse(issues: IssueDetail[], lead = 'This file cannot be imported'): never {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  if (issues.length > MAX_LISTED_ISSUES) listed.push({ path: '', message: `and ${issues.length - MAX_LISTED_ISSUES} more problems` });
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  throw new EventStormError('invalid', `${lead} (${count}): ${describeIssues(listed)}`, listed);
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Where JSON.parse gave up: the offset of the first character that cannot continue a JSON text (its length when
 * the text ends too early), or -1 when it is valid. Iterative, so deep nesting cannot overflow the stack; run only
 * after JSON.parse has failed, because V8 does not always say where.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  const n = text.length;
  const open: string[] = [];
  let i = 0;
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        JSON_ESCAPE.lastIndex = i;
        if (!JSON_ESCAPE.test(text)) return false;
        i = JSON_ESCAPE.lastIndex;
      } else i++;
    }
    return false;
  };
  const key = (): boolean => {
    space();
    if (!string()) return false;
    space();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let wantValue = true;
  for (;;) {
    space();
    if (wantValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        space();
        if (text[i] === (c === '{' ? '}' : ']')) {
          i++;
          wantValue = false;
          continue;
        }
        open.push(c);
        if (c === '{' && !key()) return i;
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else {
        JSON_NUMBER.lastIndex = i;
        if (!JSON_NUMBER.test(text)) return i;
        i = JSON_NUMBER.lastIndex;
      }
      wantValue = false;
      continue;
    }
    const top = open.at(-1);
    if (top === undefined) return i < n ? i : -1;
    if (text[i] === ',') {
      i++;
      if (top === '{' && !key()) return i;
      wantValue = true;
    } else if (text[i] === (top === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else return i;
  }
}

function parseJsonText(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    // V8 says what it expected, and may quote a piece of the input: keep what it expected; find where ourselves.
    const reason = (error instanceof Error ? error.message : String(error))
      .split(/ (?:in JSON )?at position |, "/)[0]
      .replace(/[\u0000-\u001f]/g, (c) => JSON.stringify(c).slice(1, -1))
      .slice(0, 120);
    const offset = jsonSyntaxErrorOffset(body);
    let where = '';
    if (body.trim() === '') where = ': the file is empty';
    else if (offset >= body.length) where = ': the file ends before the JSON does';
    else if (offset >= 0) {
      const before = body.slice(0, offset);
      const line = before.split('\n').length;
      where = ` at line ${line}, column ${offset - before.lastIndexOf('\n')}`;
    }
    const message = `${reason}${where}`;
    throw new EventStormError('invalid', `This file is not valid JSON: ${message}`, [{ path: '', message: `not valid JSON: ${message}` }]);
  }
}

/** Which format a parsed file is in; a newer version of ours or an unknown shape is refused here. */
function detectSource(value: Record<string, unknown>): ImportSource {
  if (isOriginExport(value)) return originSchemaVersion(value) === '2.0' ? 'origin-2.0' : 'origin-1.0';
  if (!Object.hasOwn(value, 'format')) {
    refuse(
      [{ path: 'format', message: `missing: expected "format": "${EXCHANGE_FORMAT}" (an EventStorm export) or "metadata" (an export of the original eventstorming-mcp server)` }],
      'This file is not a workshop export',
    );
  }
  const version = value.version;
  if (value.format === EXCHANGE_FORMAT && typeof version === 'number' && Number.isInteger(version) && version > EXCHANGE_VERSION) {
    throw new EventStormError(
      'invalid',
      `This file was made by a newer EventStorm (exchange format version ${version}); this one reads version ${EXCHANGE_VERSION}. Update EventStorm to import it.`,
      [{ path: 'version', message: `must be ${EXCHANGE_VERSION}: version ${version} was made by a newer EventStorm` }],
    );
  }
  return 'eventstorm-v1';
}

/** zod says "must be a string" for a missing field too; say that it is missing. */
function withMissingNamed(issues: IssueDetail[], zodIssues: z.core.$ZodIssue[], input: unknown): IssueDetail[] {
  return issues.map((issue, i) => {
    const raw = zodIssues[i];
    if (raw?.code !== 'invalid_type') return issue;
    let at: unknown = input;
    for (const key of raw.path) at = own(at, typeof key === 'number' ? key : String(key));
    return at === undefined ? { path: issue.path, message: `missing: ${issue.message}` } : issue;
  });
}

/** An id as a message quotes it: whole when it is a sane id, cut short when a hostile file made it huge. */
function quoted(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
}

function looseId(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

function looseIds(value: unknown): (string | undefined)[] {
  return Array.isArray(value) ? value.slice(0, LIMITS.idsPerCall).map(looseId) : [];
}

/**
 * The references of the file, read loosely from the raw input so they are checked even when some other field
 * is wrong: duplicate ids, and every trigger, triggered_by, bounded_context_id and element_ids entry must name
 * something in the file.
 */
function referenceIssues(rawElements: unknown[], rawContexts: unknown[]): IssueDetail[] {
  const issues: IssueDetail[] = [];
  const elementAt = new Map<string, number>();
  rawElements.forEach((raw, i) => {
    const id = looseId(own(raw, 'id'));
    if (!id) return;
    const first = elementAt.get(id);
    if (first === undefined) elementAt.set(id, i);
    else issues.push({ path: `elements.${i}.id`, message: `duplicate element id ${quoted(id)} (also elements.${first}.id): each element needs its own id` });
  });
  const contextAt = new Map<string, number>();
  rawContexts.forEach((raw, i) => {
    const id = looseId(own(raw, 'id'));
    if (!id) return;
    const first = contextAt.get(id);
    if (first === undefined) contextAt.set(id, i);
    else issues.push({ path: `bounded_contexts.${i}.id`, message: `duplicate bounded context id ${quoted(id)} (also bounded_contexts.${first}.id): each context needs its own id` });
  });

  rawElements.forEach((raw, i) => {
    const self = looseId(own(raw, 'id'));
    for (const field of ['triggers', 'triggered_by'] as const) {
      looseIds(own(raw, field)).forEach((id, k) => {
        if (!id) return;
        const path = `elements.${i}.${field}.${k}`;
        if (!elementAt.has(id)) issues.push({ path, message: `names no element in this file (${quoted(id)}): expected the id of one of the file's elements` });
        else if (id === self) issues.push({ path, message: 'names the element itself: an element cannot trigger itself' });
      });
    }
    const context = own(raw, 'bounded_context_id');
    const contextId = looseId(context);
    if (contextId && contextId !== 'null' && !contextAt.has(contextId)) {
      issues.push({
        path: `elements.${i}.bounded_context_id`,
        message: `names no bounded context in this file (${quoted(contextId)}): expected the id of one of the file's bounded_contexts, or null`,
      });
    }
  });
  rawContexts.forEach((raw, i) => {
    looseIds(own(raw, 'element_ids')).forEach((id, k) => {
      if (id && !elementAt.has(id)) {
        issues.push({ path: `bounded_contexts.${i}.element_ids.${k}`, message: `names no element in this file (${quoted(id)}): expected the id of one of the file's elements` });
      }
    });
  });
  return issues;
}

/** The whole file through its format's zod schema: the content, or every problem zod found. */
function validate(source: ImportSource, value: Record<string, unknown>): { content: WorkshopFileContent } | { issues: IssueDetail[] } {
  const failed = (error: z.ZodError) => ({ issues: withMissingNamed(issuesOf(error), error.issues, value) });
  if (source === 'eventstorm-v1') {
    const result = exchangeDocumentSchema.safeParse(value);
    return result.success ? { content: fromExchangeDocument(result.data) } : failed(result.error);
  }
  if (source === 'origin-2.0') {
    const result = originDocumentSchemaV2.safeParse(value);
    return result.success ? { content: fromOriginDocument(result.data, '2.0') } : failed(result.error);
  }
  const result = originDocumentSchemaV1.safeParse(value);
  return result.success ? { content: fromOriginDocument(result.data, '1.0') } : failed(result.error);
}

function fromExchangeDocument(data: ParsedExchangeDocument): WorkshopFileContent {
  return {
    meta: {
      name: data.workshop.name,
      description: data.workshop.description,
      domain: data.workshop.domain,
      facilitators: data.workshop.facilitators,
      createdAt: data.workshop.created_at,
      updatedAt: data.workshop.updated_at,
    },
    elements: data.elements.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      description: e.description,
      notes: e.notes,
      position: e.position,
      y: e.y,
      contextId: e.bounded_context_id,
      ...(e.pivotal && e.type === 'event' ? { pivotal: true as const } : {}),
      createdBy: e.created_by,
      createdAt: e.created_at,
      updatedAt: e.updated_at ?? e.created_at,
      triggers: e.triggers,
      triggeredBy: e.triggered_by,
    })),
    contexts: data.bounded_contexts.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      color: c.color ?? undefined,
      createdAt: c.created_at,
      updatedAt: c.updated_at ?? c.created_at,
      elementIds: c.element_ids,
    })),
  };
}

/**
 * Settle what a file may say twice: a link is the union of both ends' lists; an element's own
 * `bounded_context_id` wins when set, else the first context that lists it.
 */
function planOf(source: ImportSource, content: WorkshopFileContent): ImportPlan {
  const elementIds = new Set(content.elements.map((e) => e.id));
  const contextIds = new Set(content.contexts.map((c) => c.id));
  const listedIn = new Map<string, string>();
  for (const context of content.contexts) {
    for (const id of context.elementIds) if (!listedIn.has(id)) listedIn.set(id, context.id);
  }
  const links = new Map<string, { from: string; to: string }>();
  const link = (from: string, to: string) => {
    if (from === to || !elementIds.has(from) || !elementIds.has(to)) return;
    const key = linkKey(from, to);
    if (!links.has(key)) links.set(key, { from, to });
  };
  for (const e of content.elements) {
    for (const to of e.triggers) link(e.id, to);
    for (const from of e.triggeredBy) link(from, e.id);
  }
  return {
    source,
    meta: content.meta,
    elements: content.elements.map(({ triggers: _t, triggeredBy: _b, contextId, ...e }) => {
      const own = contextId && contextIds.has(contextId) ? contextId : null;
      return { ...e, contextId: own ?? listedIn.get(e.id) ?? null };
    }),
    links: [...links.values()],
    contexts: content.contexts.map(({ elementIds: _ids, ...c }) => c),
  };
}

/**
 * Read a workshop file (a JSON string, or the value it parses to) in our format or the original server's, and
 * answer the plan to write. Throws one `invalid` EventStormError listing every problem, each with its dotted
 * path, when anything in the file is wrong; nothing is ever half-read.
 */
export function parseWorkshopDocument(input: unknown): ImportPlan {
  const value = typeof input === 'string' ? parseJsonText(input) : input;
  if (!isRecord(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    refuse([{ path: '', message: `must be a JSON object, a workshop export (got ${got})` }], 'This file is not a workshop export');
  }
  const source = detectSource(value);

  // A list longer than a board could hold is refused up front, and only its first part is checked further, so
  // a huge file is refused quickly.
  const issues: IssueDetail[] = [];
  const checked: Record<string, unknown> = { ...value };
  const rawElements = own(value, 'elements');
  const rawContexts = own(value, 'bounded_contexts');
  let tooMany = false;
  for (const [field, list, noun] of [
    ['elements', rawElements, 'elements'],
    ['bounded_contexts', rawContexts, 'bounded contexts'],
  ] as const) {
    if (!Array.isArray(list) || list.length <= LIMITS.elementsPerBoard) continue;
    tooMany = true;
    issues.push({
      path: field,
      message: `must hold at most ${LIMITS.elementsPerBoard.toLocaleString('en')} ${noun}, the most a board holds (this file has ${list.length.toLocaleString('en')})`,
    });
    checked[field] = list.slice(0, LIMITS.elementsPerBoard);
  }

  const checkedContent = validate(source, checked);
  if ('issues' in checkedContent) issues.push(...checkedContent.issues);
  if (!tooMany) {
    issues.push(...referenceIssues(Array.isArray(rawElements) ? rawElements : [], Array.isArray(rawContexts) ? rawContexts : []));
  }
  if (issues.length > 0 || !('content' in checkedContent)) {
    const lead = source === 'eventstorm-v1' ? 'This EventStorm file cannot be imported' : `This export of the original server (schema ${source.slice('origin-'.length)}) cannot be imported`;
    refuse(issues, lead);
  }
  const content = checkedContent.content;
  return planOf(source, content);
}
