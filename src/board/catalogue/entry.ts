// What one catalogue entry is: a verb of the board (or a question to it) with everything every face needs to
// offer it — its name, its input schema in the seed's parameter names with a description per field, its MCP
// annotations, where REST serves it, the function it runs and how its answer reads. The faces (MCP tools, REST
// routes, the OpenAPI document, the UI's calls, the tutorial replay, the fuzz generators) are built from these
// records; none of them lists the verbs by hand.
import type * as Y from 'yjs';
import type { z } from 'zod';
import type { CreateWorkshopInput, WorkshopMeta, WorkshopSnapshot } from '../../domain';
import type { OpOptions } from '../transaction';

/** MCP's tool annotations (hints to the assistant; openWorldHint is always false: a board is a closed world). */
export interface Annotations {
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: false;
}

export const READ: Annotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const WRITE: Annotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
export const IDEMPOTENT_WRITE: Annotations = { ...WRITE, idempotentHint: true };
export const DELETE: Annotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false };

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RestSpec {
  method: HttpMethod;
  /**
   * OpenAPI-style: `{field}` segments are input fields. Board entries' paths are under
   * `/api/workshops/{workshop_id}` ('' is the workshop itself); server entries' paths are absolute.
   */
  path: string;
  /** The status of a success (200 unless said). */
  status?: 200 | 201;
}

/** The options a face runs an operation with: its origin (a person's undo tracks only their own) and author. */
export type RunOptions = OpOptions & { by?: string };

/** The JSON an operation answers MCP with: the seed's shape (`success`, the ids, a `message`). */
export type Answer = Record<string, unknown>;

interface EntryBase<S extends z.ZodObject> {
  /** The verb, snake_case; the MCP tool is `eventstorming_<name>`. */
  readonly name: string;
  readonly title: string;
  /** What it does, for the assistant and the API reference. */
  readonly description: string;
  /** The parameters (without workshop_id, which every board entry takes), each field described. */
  readonly input: S;
  readonly annotations: Annotations;
}

/** A change to one workshop's document: runs in one transaction, validated first, whole or not at all. */
export interface OperationEntry<S extends z.ZodObject = z.ZodObject, R = unknown> extends EntryBase<S> {
  readonly kind: 'operation';
  readonly rest: RestSpec & {
    /** What REST answers instead of the MCP answer: the resource itself (the element made or changed). */
    body?: (result: R) => unknown;
  };
  /** Run on a document. Validates `input` itself (with `this.input`'s rules) and throws EventStormError. */
  run(doc: Y.Doc, input: z.input<S>, options?: RunOptions): R;
  /** The MCP answer. */
  answer(result: R, input: z.output<S>): Answer;
}

/**
 * A question to one workshop, answered from a snapshot. Input with `response_format` answers JSON (the report)
 * or the seed's Markdown (`markdown`); without, it always answers JSON.
 */
export interface QueryEntry<S extends z.ZodObject = z.ZodObject, R = unknown> extends EntryBase<S> {
  readonly kind: 'query';
  readonly rest: RestSpec & {
    /** A download: the file name it is saved under (Content-Disposition); and its secret may come in the query. */
    download?: (result: R) => string;
  };
  run(snap: WorkshopSnapshot, input: z.output<S>): R;
  markdown?(report: R): string;
  /** The JSON answer, when it is not the report itself. */
  json?(report: R): unknown;
}

/** A workshop as the server made it, with the links that open it. */
export interface CreatedLinks {
  meta: WorkshopMeta;
  boardUrl: string;
  viewUrl: string;
}

/** One line of the server's list of workshops. */
export interface WorkshopListing {
  id: string;
  name: string;
  domain: string;
  created_at: string;
  updated_at: string;
  element_count: number;
  context_count: number;
}

/** What the server-wide entries need of the server (server/workshops.ts provides it). */
export interface WorkshopServer {
  create(input: CreateWorkshopInput): Promise<CreatedLinks>;
  importDocument(data: unknown, newName?: string): Promise<CreatedLinks>;
  list(): Promise<WorkshopListing[]>;
  read<T>(id: string, fn: (snap: WorkshopSnapshot) => T): Promise<T>;
}

/**
 * A verb on the server rather than on one workshop (create, import, list). REST serves these with handlers of
 * its own (they count the caller's allowance, hand files to the import worker, or need the admin token).
 */
export interface ServerEntry<S extends z.ZodObject = z.ZodObject, R = unknown> extends EntryBase<S> {
  readonly kind: 'server';
  readonly rest: RestSpec;
  run(server: WorkshopServer, input: z.output<S>): Promise<R>;
  answer(result: R, input: z.output<S>): Answer;
  /** For input with `response_format`: the Markdown answer. */
  markdown?(result: R): string;
}

// The registry holds entries of every input and result type; `any` here is what lets one list hold them all
// (each entry is checked against its own types where it is defined, with the define* functions below).
/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyOperation = OperationEntry<any, any>;
export type AnyQuery = QueryEntry<any, any>;
export type AnyServerEntry = ServerEntry<any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
export type AnyEntry = AnyOperation | AnyQuery | AnyServerEntry;

export function defineOperation<S extends z.ZodObject, R>(entry: Omit<OperationEntry<S, R>, 'kind'>): OperationEntry<S, R> {
  return { kind: 'operation', ...entry };
}

export function defineQuery<S extends z.ZodObject, R>(entry: Omit<QueryEntry<S, R>, 'kind'>): QueryEntry<S, R> {
  return { kind: 'query', ...entry };
}

export function defineServerEntry<S extends z.ZodObject, R>(entry: Omit<ServerEntry<S, R>, 'kind'>): ServerEntry<S, R> {
  return { kind: 'server', ...entry };
}

/** The MCP tool that offers an entry. */
export function toolName(entry: Pick<AnyEntry, 'name'>): string {
  return `eventstorming_${entry.name}`;
}

/** Whether an entry answers in a chosen format (its input has response_format). */
export function hasResponseFormat(entry: AnyEntry): boolean {
  return 'response_format' in entry.input.shape;
}
