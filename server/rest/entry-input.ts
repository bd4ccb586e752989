// A REST request as a catalogue entry's input: the path's `{field}` segments, then the query string (GET) or the
// JSON body (writes). A field REST does not know is refused by name, so a typo is an error, never ignored.
import { EventStormError, type IssueDetail } from '../../src/domain';
import { inputJsonSchema, jsonTypesOf, type AnyEntry, type JsonSchema } from '../../src/board';
import { isRecord } from './request';

/** Query parameters that are never input: the secrets a download link may carry. */
export const SECRET_PARAMS = ['key', 'view'] as const;

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** One query-string value as the JSON the field takes; what does not fit is passed on for zod to refuse by name. */
function fromQuery(values: string[], schema: JsonSchema): unknown {
  const types = jsonTypesOf(schema);
  if (types.has('array')) {
    // ?element_ids=a,b and ?element_ids=a&element_ids=b both work.
    const items = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    return items.map((item) => (schema.items ? fromQuery([item], schema.items) : item));
  }
  const value = values[values.length - 1];
  if ((types.has('number') || types.has('integer')) && NUMBER.test(value.trim())) return Number(value);
  if (types.has('boolean')) {
    const lower = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(lower)) return true;
    if (['false', '0', 'no'].includes(lower)) return false;
  }
  if (types.has('null') && value === 'null') return null;
  return value;
}

function unknownField(entry: AnyEntry, field: string, where: string): IssueDetail {
  const known = Object.keys(inputJsonSchema(entry).properties);
  return { path: field, message: `is not a ${where} of ${entry.name}${known.length ? `; it takes ${known.join(', ')}` : '; it takes none'}` };
}

function refuse(issues: IssueDetail[]): never {
  throw new EventStormError('invalid', `Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

export function queryInput(entry: AnyEntry, params: URLSearchParams, allowSecrets: boolean, aliases: Record<string, string> = {}): Record<string, unknown> {
  const { properties } = inputJsonSchema(entry);
  const input: Record<string, unknown> = {};
  const issues: IssueDetail[] = [];
  for (const raw of new Set(params.keys())) {
    if (allowSecrets && (SECRET_PARAMS as readonly string[]).includes(raw)) continue;
    const field = aliases[raw] ?? raw;
    const schema = properties[field];
    if (!schema) issues.push(unknownField(entry, raw, 'query parameter'));
    else input[field] = fromQuery(params.getAll(raw), schema);
  }
  if (issues.length > 0) refuse(issues);
  return input;
}

export function bodyInput(entry: AnyEntry, body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (!isRecord(body)) refuse([{ path: '', message: `must be a JSON object with the fields of ${entry.name}` }]);
  const { properties } = inputJsonSchema(entry);
  const unknown = Object.keys(body).filter((field) => !(field in properties));
  if (unknown.length > 0) refuse(unknown.map((field) => unknownField(entry, field, 'field')));
  return body;
}

/** The path's fields win only when the body does not say otherwise; a body naming another id is refused. */
export function withPathFields(input: Record<string, unknown>, pathFields: Record<string, string>): Record<string, unknown> {
  const issues: IssueDetail[] = [];
  for (const [field, value] of Object.entries(pathFields)) {
    if (field in input && input[field] !== value) issues.push({ path: field, message: `is ${value} in the path; leave it out of the body or send the same` });
  }
  if (issues.length > 0) refuse(issues);
  return { ...input, ...pathFields };
}
