// An entry's input as JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), from its zod schema: what
// the API document publishes, what REST reads query strings by and what the fuzz generators draw from.
import { z } from 'zod';
import type { AnyEntry } from './entry';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
}

const cache = new WeakMap<z.ZodType, JsonSchema>();

/** A zod schema as JSON Schema, describing what a caller sends (the input side of transforms and defaults). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema);
  if (!json) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
    json = rest;
    cache.set(schema, json);
  }
  return json;
}

export function inputJsonSchema(entry: AnyEntry): JsonSchema & { properties: Record<string, JsonSchema> } {
  const json = jsonSchemaOf(entry.input);
  return { ...json, properties: json.properties ?? {} };
}

/** The JSON types a field accepts, through anyOf. */
export function jsonTypesOf(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  const visit = (s: JsonSchema) => {
    if (Array.isArray(s.type)) s.type.forEach((t) => types.add(t));
    else if (typeof s.type === 'string') types.add(s.type);
    if (s.const === null) types.add('null');
    s.anyOf?.forEach(visit);
  };
  visit(schema);
  return types;
}
