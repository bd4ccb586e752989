// REST for every board entry of the catalogue (src/board/catalogue): one route each, at the entry's own path
// under /api/workshops/{workshop_id}, validated by the entry's schema, answered in the one error shape. Writes
// need the edit secret; reads the edit or the view secret.
import type { ServerResponse } from 'node:http';
import { contentDisposition, parseInput } from '../../src/domain';
import { hasResponseFormat, inputJsonSchema, jsonSchemaOf, workshopIdField, type AnyOperation, type AnyQuery, type JsonSchema } from '../../src/board';
import { sendJson, type Route, type RouteContext } from '../http';
import type { Access } from '../rooms';
import type { Workshops } from '../workshops';
import { bodyInput, queryInput, withPathFields } from './entry-input';
import type { RouteDoc } from './openapi';
import { authorize, readOptionalJsonBody, requireEdit } from './request';

/** The origin of edits made through REST (a person's undo on the board never reverts them). */
export const REST_ORIGIN = { kind: 'rest-api' } as const;

export const WORKSHOP_PATH = '/api/workshops/{workshop_id}';

/** Query parameters older clients send, by the field they mean (the export's download link said ?metadata=). */
const QUERY_ALIASES: Record<string, Record<string, string>> = { export_workshop: { metadata: 'include_metadata' } };

/** `{field}` segments as the router's `:field`. */
export function routerPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

function pathFieldsOf(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

/** What a request said about the workshop and the entry's own fields in the path. */
function fromPath(ctx: RouteContext, path: string): { id: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const name of pathFieldsOf(path)) if (name !== 'workshop_id') fields[name] = ctx.params[name];
  return { id: ctx.params.workshop_id, fields };
}

function sendMarkdown(res: ServerResponse, text: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/markdown; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

/** The entry's input schema without the fields the path carries: what the query string or body may hold. */
function restSchema(entry: AnyOperation | AnyQuery, path: string): JsonSchema {
  const json = inputJsonSchema(entry);
  const inPath = new Set(pathFieldsOf(path));
  const properties = Object.fromEntries(Object.entries(json.properties).filter(([k]) => !inPath.has(k)));
  const required = (json.required ?? []).filter((k) => !inPath.has(k));
  return { ...json, properties, ...(required.length ? { required } : { required: undefined }) };
}

function pathParams(entry: AnyOperation | AnyQuery, path: string): Record<string, JsonSchema> {
  const json = inputJsonSchema(entry);
  return Object.fromEntries(pathFieldsOf(path).map((name) => [name, name === 'workshop_id' ? jsonSchemaOf(workshopIdField) : json.properties[name]]));
}

export interface CatalogueRouteOptions {
  workshops: Workshops;
  /** Adds what only the server knows to an entry's JSON answer (the workshop's view link, for its editors). */
  decorate?: (entry: AnyQuery, body: unknown, ctx: { id: string; access: Access }) => Promise<unknown>;
}

export function operationRoute(entry: AnyOperation, options: CatalogueRouteOptions): Route {
  const path = `${WORKSHOP_PATH}${entry.rest.path}`;
  const status = entry.rest.status ?? 200;
  return {
    method: entry.rest.method,
    path: routerPath(path),
    // The handler checks the workshop's secret; whoever rebinds a name to us lacks it (server/host-guard.ts).
    guard: 'origin',
    doc: {
      operationId: entry.name,
      path,
      summary: entry.title,
      description: entry.description,
      tag: 'Board operations',
      auth: 'edit',
      pathParams: pathParams(entry, path),
      body: restSchema(entry, path),
      success: { status, description: entry.rest.body ? 'The resource as it now stands.' : 'What changed, with a message.' },
    } satisfies RouteDoc,
    handler: async (ctx) => {
      const { id, fields } = fromPath(ctx, path);
      requireEdit(await authorize(ctx, options.workshops, id, false));
      const input = parseInput(entry.input, withPathFields(bodyInput(entry, await readOptionalJsonBody(ctx)), fields));
      const result = await options.workshops.edit(id, (doc) => entry.run(doc, input, { origin: REST_ORIGIN }), REST_ORIGIN);
      sendJson(ctx.res, status, entry.rest.body ? entry.rest.body(result) : entry.answer(result, input));
    },
  };
}

export function queryRoute(entry: AnyQuery, options: CatalogueRouteOptions): Route {
  const path = `${WORKSHOP_PATH}${entry.rest.path}`;
  const download = entry.rest.download;
  const markdown = hasResponseFormat(entry) && entry.markdown !== undefined;
  return {
    method: 'GET',
    path: routerPath(path),
    guard: 'origin',
    doc: {
      operationId: entry.name,
      path,
      summary: entry.title,
      description: entry.description,
      tag: download ? 'Exchange' : 'Analyses',
      auth: download ? 'read-or-link' : 'read',
      pathParams: pathParams(entry, path),
      query: restSchema(entry, path),
      success: { status: 200, description: download ? 'The file, as a download.' : 'The report.', markdown },
    } satisfies RouteDoc,
    handler: async (ctx) => {
      const { id, fields } = fromPath(ctx, path);
      const access = await authorize(ctx, options.workshops, id, download !== undefined);
      const raw = withPathFields(queryInput(entry, ctx.url.searchParams, download !== undefined, QUERY_ALIASES[entry.name]), fields);
      // REST is for programs: JSON unless Markdown is asked for (MCP's default is the other way round).
      if (hasResponseFormat(entry) && raw.response_format === undefined) raw.response_format = 'json';
      const input = parseInput(entry.input, raw);
      const report = await options.workshops.read(id, (snap) => entry.run(snap, input));
      if (markdown && input.response_format === 'markdown') return sendMarkdown(ctx.res, entry.markdown!(report));
      let body = entry.json ? entry.json(report) : report;
      if (options.decorate) body = await options.decorate(entry, body, { id, access });
      sendJson(ctx.res, 200, body, download ? { 'Content-Disposition': contentDisposition(download(report)) } : {});
    },
  };
}
