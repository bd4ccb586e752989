// The REST API (JSON in and out). Creating and importing need no secret; everything on one workshop needs its
// edit or view secret (`Authorization: Bearer <secret>`, or `?key=`/`?view=` on a plain download link).
// Creating and importing are counted per client address (429 past the burst, the rate or the hour's bytes), and a
// body must say it is JSON (415 otherwise), so another site's form or text/plain fetch creates nothing.
import { contentDisposition, EventStormError, exportFileName, exportWorkshop, statistics } from '../src/domain';
import { bearerToken, sameSecret } from './access';
import { HttpError, sendJson, type Route, type RouteContext } from './http';
import type { Access } from './rooms';
import type { CreatedWorkshop, Workshops } from './workshops';

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

const missingSecret = () =>
  new HttpError(401, 'unauthorized', 'This workshop needs its edit or view secret: send "Authorization: Bearer <secret>".', [], {
    'WWW-Authenticate': 'Bearer',
  });

const wrongSecret = () => new HttpError(403, 'forbidden', 'That secret does not open this workshop. Check the link you were given.');

/** Check the workshop's secret on a request: 401 when there is none, 404 when no such workshop, 403 when wrong. */
async function authorize(ctx: RouteContext, workshops: Workshops, allowQuery: boolean): Promise<Access> {
  let secret = bearerToken(ctx.req);
  let wanted: Access = 'edit';
  if (!secret && allowQuery) {
    const key = ctx.url.searchParams.get('key');
    const view = ctx.url.searchParams.get('view');
    secret = key ?? view ?? undefined;
    if (!key && view) wanted = 'view';
  }
  if (!secret) throw missingSecret();
  const granted = await workshops.authorize(ctx.params.id, secret, wanted);
  if (!granted) throw wrongSecret();
  return granted;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `application/json` or `application/<anything>+json`, with any parameters (a charset). */
export function isJsonContentType(header: string | undefined): boolean {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/**
 * 415 unless the request says its body is JSON. A page on another site can send a form or a text/plain fetch
 * without asking first (no CORS preflight), never an application/json one. Checked after the body is read, so a
 * body over the limit still gets its 413.
 */
function requireJsonBody(ctx: RouteContext): void {
  const header = ctx.req.headers['content-type'];
  if (isJsonContentType(header)) return;
  const said = header ? `this request sent "${header.slice(0, 80)}"` : 'this request named no content type';
  throw new HttpError(415, 'unsupported_media_type', `Send the body as JSON, with "Content-Type: application/json" (${said}).`, [
    { path: '', message: 'must be sent as application/json' },
  ]);
}

/** The body as JSON, once it is known to be declared JSON. Every route reading a JSON body reads it here. */
async function readJsonBody(ctx: RouteContext): Promise<unknown> {
  await ctx.readBody();
  requireJsonBody(ctx);
  return ctx.readJson();
}

export function restRoutes(options: RestOptions): Route[] {
  const { workshops } = options;
  return [
    {
      method: 'GET',
      path: '/healthz',
      handler: ({ res }) => {
        if (options.healthy()) sendJson(res, 200, { ok: true });
        else sendJson(res, 503, { ok: false });
      },
    },
    {
      method: 'POST',
      path: '/api/workshops/import',
      maxBodyBytes: options.maxImportBytes,
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
      method: 'POST',
      path: '/api/workshops',
      handler: async (ctx) => {
        const ticket = workshops.admit(ctx.address);
        const body = await readJsonBody(ctx);
        if (!isRecord(body)) {
          throw new EventStormError('invalid', 'Send the workshop as a JSON object: {"name": ..., "description"?, "domain"?, "facilitators"?}.', [
            { path: '', message: 'must be a JSON object' },
          ]);
        }
        const result = await workshops.create(body as never, ticket);
        sendJson(ctx.res, 201, created(result, 'created'), { Location: `/api/workshops/${encodeURIComponent(result.meta.id)}` });
      },
    },
    {
      method: 'GET',
      path: '/api/workshops',
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
    {
      method: 'GET',
      path: '/api/workshops/:id',
      handler: async (ctx) => {
        const access = await authorize(ctx, workshops, false);
        const body: Record<string, unknown> = await workshops.read(ctx.params.id, (snap) => ({ workshop: snap.meta, statistics: statistics(snap), access }));
        if (access === 'edit') {
          // Whoever may edit may share the board read-only: the view secret opens less than the edit secret sent.
          const keys = await workshops.keys(ctx.params.id);
          body.view_key = keys.viewKey;
          body.view_url = workshops.links(ctx.params.id, keys).viewUrl;
        }
        sendJson(ctx.res, 200, body);
      },
    },
    {
      method: 'GET',
      path: '/api/workshops/:id/export',
      handler: async (ctx) => {
        await authorize(ctx, workshops, true);
        const metadata = ['true', '1', 'yes'].includes((ctx.url.searchParams.get('metadata') ?? '').toLowerCase());
        const document = await workshops.read(ctx.params.id, (snap) => exportWorkshop(snap, { includeMetadata: metadata }));
        sendJson(ctx.res, 200, document, {
          // The name the board's Export menu gives the same file (src/domain/file-names.ts).
          'Content-Disposition': contentDisposition(exportFileName(document.workshop.name, 'json')),
        });
      },
    },
  ];
}
