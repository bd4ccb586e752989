// The REST API (JSON in and out): every board entry of the catalogue at its own route (server/rest/
// catalogue-routes.ts), the server's own doors (create, import, list, health), and the OpenAPI document of all of
// them. Creating and importing need no secret; everything on one workshop needs its edit or view secret
// (`Authorization: Bearer <secret>`, or `?key=`/`?view=` on a plain download link). Creating and importing are
// counted per client address (429 past the burst, the rate or the hour's bytes), and a body must say it is JSON
// (415 otherwise), so another site's form or text/plain fetch creates nothing.
import { OPERATION_CATALOGUE, OPERATIONS, QUERIES, inputJsonSchema, type AnyQuery } from '../src/board';
import { bearerToken, sameSecret } from './access';
import { HttpError, sendJson, type Route } from './http';
import type { Access } from './rooms';
import { operationRoute, queryRoute } from './rest/catalogue-routes';
import { bodyInput } from './rest/entry-input';
import { readJsonBody, requireJsonBody } from './rest/request';
import type { CreatedWorkshop, Workshops } from './workshops';

export { isJsonContentType } from './rest/request';

export interface RestOptions {
  workshops: Workshops;
  /** When set, listing all workshops needs it as a bearer token. */
  adminToken?: string;
  /** Without an admin token, listing is allowed only while the server listens on loopback alone. */
  listensOnLoopbackOnly: () => boolean;
  /** False while the server is shutting down. */
  healthy: () => boolean;
  /** The largest workshop file an import takes (importBytesFor). */
  maxImportBytes: number;
}

function created(result: CreatedWorkshop, how: 'created' | 'imported') {
  return {
    workshop_id: result.meta.id,
    name: result.meta.name,
    edit_key: result.editKey,
    view_key: result.viewKey,
    board_url: result.boardUrl,
    view_url: result.viewUrl,
    message:
      `Workshop "${result.meta.name}" ${how}. Open board_url to edit it and share it with your team; view_url shows it read-only. ` +
      'Keep both links: the secrets in them are the only way in.',
  };
}

const createdDoc = { type: 'object', properties: { workshop_id: { type: 'string' }, edit_key: { type: 'string' }, view_key: { type: 'string' }, board_url: { type: 'string' }, view_url: { type: 'string' } } };

/** The server's own doors: the catalogue's server entries (create, import, list), with what only REST does. */
function serverRoutes(options: RestOptions): Route[] {
  const { workshops } = options;
  const { create_workshop: create, import_workshop: importing, list_workshops: list } = OPERATION_CATALOGUE;
  return [
    {
      method: 'GET',
      path: '/healthz',
      guard: 'none',
      doc: { operationId: 'health', path: '/healthz', summary: 'Health', description: 'For probes: 200 while serving, 503 while shutting down.', tag: 'Server', auth: 'none', success: { status: 200, description: '{"ok": true}' }, more: [503] },
      handler: ({ res }) => {
        if (options.healthy()) sendJson(res, 200, { ok: true });
        else sendJson(res, 503, { ok: false });
      },
    },
    {
      method: importing.rest.method,
      path: importing.rest.path,
      maxBodyBytes: options.maxImportBytes,
      doc: {
        operationId: importing.name,
        path: importing.rest.path,
        summary: importing.title,
        description: `${importing.description} The body is the exported file itself, or {"workshop_data": "<the file as a JSON string>", "new_name"?}; ?new_name= renames it.`,
        tag: 'Workshops',
        auth: 'none',
        query: { type: 'object', properties: { new_name: inputJsonSchema(importing).properties.new_name } },
        body: { type: 'object', description: 'An exchange document (format eventstorm.workshop) or an original eventstorm-mcp export.' },
        success: { status: 201, description: 'The new workshop, with its edit and view secrets and links.', schema: createdDoc },
        more: [429, 503],
      },
      handler: async (ctx) => {
        // Cheapest refusals first: a full import queue, then the address's allowance, before the body is read.
        workshops.requireImportRoom();
        const ticket = workshops.admit(ctx.address);
        const body = await ctx.readBody();
        requireJsonBody(ctx);
        // The file or the MCP tool's envelope; parsed, checked and built in an import worker.
        const result = await workshops.importBody(body, ctx.url.searchParams.get('new_name') ?? undefined, ticket);
        sendJson(ctx.res, 201, created(result, 'imported'), { Location: `/api/workshops/${encodeURIComponent(result.meta.id)}` });
      },
    },
    {
      method: create.rest.method,
      path: create.rest.path,
      doc: {
        operationId: create.name,
        path: create.rest.path,
        summary: create.title,
        description: `${create.description} REST answers the secrets too: edit_key opens the board for editing, view_key read-only.`,
        tag: 'Workshops',
        auth: 'none',
        body: inputJsonSchema(create),
        success: { status: 201, description: 'The new workshop, with its edit and view secrets and links.', schema: createdDoc },
        more: [429],
      },
      handler: async (ctx) => {
        const ticket = workshops.admit(ctx.address);
        const body = bodyInput(create, await readJsonBody(ctx));
        const result = await workshops.create(body as never, ticket);
        sendJson(ctx.res, 201, created(result, 'created'), { Location: `/api/workshops/${encodeURIComponent(result.meta.id)}` });
      },
    },
    {
      method: list.rest.method,
      path: list.rest.path,
      doc: { operationId: list.name, path: list.rest.path, summary: list.title, description: list.description, tag: 'Workshops', auth: 'admin', success: { status: 200, description: '{"workshops": [...]}' } },
      handler: async (ctx) => {
        if (options.adminToken) {
          const token = bearerToken(ctx.req);
          if (!token) throw new HttpError(401, 'unauthorized', 'Listing workshops needs the admin token: send "Authorization: Bearer <ADMIN_TOKEN>".', [], { 'WWW-Authenticate': 'Bearer' });
          if (!sameSecret(token, options.adminToken)) throw new HttpError(403, 'forbidden', 'That is not the admin token.');
        } else if (!options.listensOnLoopbackOnly()) {
          throw new HttpError(403, 'forbidden', 'Listing workshops is disabled: set ADMIN_TOKEN on the server to allow it with that token.');
        }
        sendJson(ctx.res, 200, { workshops: await workshops.list() });
      },
    },
  ];
}

export function restRoutes(options: RestOptions): Route[] {
  const { workshops } = options;
  // Whoever may edit may share the board read-only: reading the workshop with the edit secret answers the view link.
  const decorate = async (entry: AnyQuery, body: unknown, { id, access }: { id: string; access: Access }) => {
    if (entry !== OPERATION_CATALOGUE.load_workshop) return body;
    const out: Record<string, unknown> = { ...(body as Record<string, unknown>), access };
    if (access === 'edit') {
      const keys = await workshops.keys(id);
      out.view_key = keys.viewKey;
      out.view_url = workshops.links(id, keys).viewUrl;
    }
    return out;
  };
  return [
    ...serverRoutes(options),
    ...OPERATIONS.map((entry) => operationRoute(entry, { workshops })),
    ...QUERIES.map((entry) => queryRoute(entry, { workshops, decorate })),
  ];
}
