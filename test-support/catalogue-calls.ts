// Random calls of the catalogue's operations, for the fuzz tests: an entry picked at random, its input drawn from
// the entry's own JSON Schema (src/board/catalogue/json-schema.ts), with id fields taken from what the board holds
// (now and then an id it does not hold, so refusals are fuzzed too). A new operation is fuzzed the day it is filed.
import * as prng from 'lib0/prng';
import type * as Y from 'yjs';
import { boardMaps, inputJsonSchema, linkEnds, OPERATIONS, type AnyOperation, type JsonSchema } from '../src/board';

/** Fields naming elements, and fields naming contexts, across the catalogue's inputs. */
const ELEMENT_FIELDS = new Set(['element_id', 'from', 'to', 'start_element_id', 'element_ids', 'triggers', 'triggered_by']);
const CONTEXT_FIELDS = new Set(['context_id', 'bounded_context_id']);

/** How often each operation is drawn, relative to 1: adding more than anything else, so boards grow. */
const WEIGHTS: Partial<Record<string, number>> = { add_element: 8, update_element: 3, move_elements: 3, link_elements: 3 };

export interface BoardCall {
  entry: AnyOperation;
  input: Record<string, unknown>;
}

interface Scope {
  gen: prng.PRNG;
  elements: string[];
  contexts: string[];
  links: { from: string; to: string }[];
  who: string;
}

function oneOf<T>(gen: prng.PRNG, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[prng.int32(gen, 0, list.length - 1)];
}

/** An id from `pool`, or one no board holds (one time in twenty, or when the pool is empty). */
function idFrom(scope: Scope, pool: readonly string[]): string {
  if (pool.length === 0 || prng.int32(scope.gen, 0, 19) === 0) return `missing-${prng.word(scope.gen, 4, 6)}`;
  return oneOf(scope.gen, pool)!;
}

function types(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(types);
  if (schema.const === null) return ['null'];
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

function valueFor(scope: Scope, field: string, schema: JsonSchema, required = true): unknown {
  const { gen } = scope;
  const kinds = types(schema);
  if (field === 'links' && scope.links.length > 0 && prng.int32(gen, 0, 9) > 0) {
    return [...new Set(Array.from({ length: prng.int32(gen, 1, 2) }, () => oneOf(gen, scope.links)!))];
  }
  if (ELEMENT_FIELDS.has(field) || CONTEXT_FIELDS.has(field)) {
    const pool = ELEMENT_FIELDS.has(field) ? scope.elements : scope.contexts;
    if (kinds.includes('array')) {
      const min = schema.minItems ?? 0;
      // An optional list stays empty on an empty board (its ids would all be refused); a required one says one.
      const max = pool.length === 0 ? min : Math.max(min, 3);
      return [...new Set(Array.from({ length: prng.int32(gen, min, max) }, () => idFrom(scope, pool)))];
    }
    if (kinds.includes('null') && prng.int32(gen, 0, 3) === 0) return null;
    // An optional reference is left out on a board with nothing to refer to.
    if (!required && pool.length === 0) return undefined;
    return idFrom(scope, pool);
  }
  if (schema.enum) return oneOf(gen, schema.enum);
  if (kinds.includes('array') && schema.items) {
    const min = schema.minItems ?? 0;
    return Array.from({ length: prng.int32(gen, min, Math.max(min, 3)) }, () => valueFor(scope, `${field}[]`, schema.items!));
  }
  if (kinds.includes('object')) return objectFor(scope, schema);
  if (kinds.includes('boolean')) return prng.bool(gen);
  if (kinds.includes('integer')) return prng.int32(gen, schema.minimum ?? 0, Math.min(schema.maximum ?? 50, 50));
  if (kinds.includes('number')) return field === 'y' ? prng.int32(gen, 0, 1200) : prng.int32(gen, 0, 60) + (prng.bool(gen) ? 0.5 : 0);
  if (kinds.includes('string')) {
    if (schema.pattern?.includes('#')) return `#${prng.uint32(gen, 0, 0xffffff).toString(16).padStart(6, '0')}`;
    const max = Math.min(schema.maxLength ?? 24, 24);
    const word = prng.word(gen, Math.max(schema.minLength ?? 0, 1), Math.max(max - scope.who.length - 1, 1));
    return scope.who && max > scope.who.length + 1 ? `${scope.who} ${word}` : word;
  }
  return undefined;
}

function objectFor(scope: Scope, schema: JsonSchema): Record<string, unknown> {
  const required = new Set(schema.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    // Optional fields half the time: an update names a few fields, not all.
    if (!required.has(field) && prng.bool(scope.gen)) continue;
    const value = valueFor(scope, field, property, required.has(field));
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** One random operation call for `doc` as it stands; `who` prefixes the text it writes (whose edit it was). */
export function randomCall(gen: prng.PRNG, doc: Y.Doc, who = ''): BoardCall {
  const maps = boardMaps(doc);
  const scope: Scope = {
    gen,
    elements: [...maps.elements.keys()].sort(),
    contexts: [...maps.contexts.keys()].sort(),
    links: [...maps.links.values()].map(linkEnds).filter((l): l is { from: string; to: string } => l !== null),
    who,
  };
  const weighted = OPERATIONS.flatMap((entry) => Array.from({ length: WEIGHTS[entry.name] ?? 1 }, () => entry));
  const entry = scope.elements.length < 3 ? OPERATIONS.find((e) => e.name === 'add_element')! : oneOf(gen, weighted)!;
  return { entry, input: objectFor(scope, inputJsonSchema(entry)) };
}
