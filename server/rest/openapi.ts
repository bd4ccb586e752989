// The API's OpenAPI 3.1 document, made from the route table itself: each route carries a RouteDoc (the
// catalogue's routes derive theirs from their entry, schemas included), so a route cannot be served without
// being documented, nor documented without being served. Never written by hand.
import type { JsonSchema } from '../../src/board';
import { sendJson, type Route } from '../http';

export interface RouteDoc {
  operationId: string;
  /** The path in OpenAPI's form, `{name}` for a parameter; the route's own path is this with `:name`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /**
   * Who may call it: 'edit' the edit secret; 'read' the edit or view secret; 'read-or-link' either, also as
   * `?key=`/`?view=` (a download link); 'admin' the admin token; 'mcp' the MCP token when the server has one.
   */
  auth: 'edit' | 'read' | 'read-or-link' | 'admin' | 'mcp' | 'none';
  pathParams?: Record<string, JsonSchema>;
  /** The query parameters, as one object schema (one parameter per property). */
  query?: JsonSchema;
  /** A JSON request body. */
  body?: JsonSchema;
  success: { status: number; description: string; markdown?: boolean; schema?: JsonSchema };
  /** Statuses this route may answer beyond what its auth and body imply (429 for creating). */
  more?: number[];
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: every bad field is named in error.issues; nothing changed.',
  401: 'No secret sent (Authorization: Bearer <secret>).',
  403: 'The secret does not open this, or opens it read-only for a write.',
  404: 'No such workshop, element or context.',
  409: 'Refused as it stands (an id in use, a full board); nothing changed.',
  413: 'The body is larger than the server takes.',
  415: 'The body was not sent as application/json.',
  429: 'Too many workshops created from this address; try again later (Retry-After).',
  503: 'The server is shutting down, or the import queue is full.',
};

function errorStatuses(doc: RouteDoc, method: string): number[] {
  const statuses = new Set<number>([400, ...(doc.more ?? [])]);
  if (doc.auth !== 'none' && doc.auth !== 'mcp') [401, 403].forEach((s) => statuses.add(s));
  if (doc.path.includes('{workshop_id}')) statuses.add(404);
  if (doc.auth === 'edit') statuses.add(409);
  if (doc.body && method !== 'GET') [413, 415].forEach((s) => statuses.add(s));
  return [...statuses].sort();
}

const SECURITY: Record<RouteDoc['auth'], Record<string, string[]>[] | undefined> = {
  edit: [{ workshopSecret: [] }],
  read: [{ workshopSecret: [] }],
  'read-or-link': [{ workshopSecret: [] }, { editKeyInQuery: [] }, { viewKeyInQuery: [] }],
  admin: [{ adminToken: [] }, {}],
  mcp: [{ mcpToken: [] }, {}],
  none: [],
};

function withoutDescription(schema: JsonSchema): JsonSchema {
  const { description: _description, ...rest } = schema;
  return rest;
}

function parameters(doc: RouteDoc): unknown[] {
  const out: unknown[] = [];
  for (const [name, schema] of Object.entries(doc.pathParams ?? {})) {
    out.push({ name, in: 'path', required: true, description: schema.description, schema: withoutDescription(schema) });
  }
  const required = new Set(doc.query?.required ?? []);
  for (const [name, schema] of Object.entries(doc.query?.properties ?? {})) {
    const isList = schema.type === 'array';
    out.push({
      name,
      in: 'query',
      required: required.has(name),
      description: schema.description,
      schema: withoutDescription(schema),
      ...(isList ? { style: 'form', explode: false } : {}),
    });
  }
  return out;
}

function operation(doc: RouteDoc, method: string, operationId: string) {
  const responses: Record<string, unknown> = {
    [String(doc.success.status)]: {
      description: doc.success.description,
      content: {
        'application/json': { schema: doc.success.schema ?? { type: 'object' } },
        ...(doc.success.markdown ? { 'text/markdown': { schema: { type: 'string' } } } : {}),
      },
    },
  };
  for (const status of errorStatuses(doc, method)) responses[String(status)] = { $ref: `#/components/responses/E${status}` };
  const security = SECURITY[doc.auth];
  return {
    operationId,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    parameters: parameters(doc),
    ...(doc.body && method !== 'GET'
      ? { requestBody: { required: (doc.body.required?.length ?? 0) > 0, content: { 'application/json': { schema: doc.body } } } }
      : {}),
    responses,
    ...(security ? { security } : {}),
  };
}

export function methodsOf(route: Route): string[] {
  return (typeof route.method === 'string' ? [route.method] : [...route.method]).map((m) => m.toUpperCase());
}

/** The document for every documented route of `routes`. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    if (!route.doc) continue;
    const methods = methodsOf(route);
    for (const method of methods) {
      const id = methods.length > 1 ? `${route.doc.operationId}_${method.toLowerCase()}` : route.doc.operationId;
      (paths[route.doc.path] ??= {})[method.toLowerCase()] = operation(route.doc, method, id);
    }
  }
  const errorSchema = {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'issues'],
        properties: {
          code: { type: 'string', description: 'invalid, not_found, conflict, unauthorized, forbidden, too_large, …' },
          message: { type: 'string', description: 'What went wrong and what to do, for a person.' },
          issues: {
            type: 'array',
            items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'EventStorm API',
      version,
      description:
        'A collaborative Event Storming board. Every board operation and analysis here is also an MCP tool (POST /mcp) and a change every open board shows live. Errors always answer {"error": {code, message, issues}}.',
    },
    paths,
    components: {
      securitySchemes: {
        workshopSecret: { type: 'http', scheme: 'bearer', description: "A workshop's edit secret (board link #key=) or view secret (#view=)." },
        editKeyInQuery: { type: 'apiKey', in: 'query', name: 'key', description: 'The edit secret in a download link.' },
        viewKeyInQuery: { type: 'apiKey', in: 'query', name: 'view', description: 'The view secret in a download link.' },
        adminToken: { type: 'http', scheme: 'bearer', description: "The server's ADMIN_TOKEN (listing is open on a loopback-only server without one)." },
        mcpToken: { type: 'http', scheme: 'bearer', description: "The server's MCP_TOKEN, when it has one." },
      },
      schemas: { Error: errorSchema },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, description]) => [
          `E${status}`,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
    },
  };
}

/** GET /api/openapi.json: the document of `routes()` (the server's whole table, this route included), made once. */
export function openApiRoute(routes: () => readonly Route[], version: string): Route {
  let document: Record<string, unknown> | undefined;
  return {
    method: 'GET',
    path: '/api/openapi.json',
    // Public and harmless: any page may read the API's description.
    guard: 'none',
    doc: {
      operationId: 'openapi',
      path: '/api/openapi.json',
      summary: 'This document',
      description: 'The OpenAPI 3.1 document of this API, made from the routes themselves.',
      tag: 'Server',
      auth: 'none',
      success: { status: 200, description: 'OpenAPI 3.1.' },
    },
    handler: ({ res }) => sendJson(res, 200, (document ??= openApiDocument(routes(), version))),
  };
}
