// What every REST route reads off a request: a JSON body declared as JSON, and a workshop's secret.
import { bearerToken } from '../access';
import { HttpError, type RouteContext } from '../http';
import type { Access } from '../rooms';
import type { Workshops } from '../workshops';

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
export function requireJsonBody(ctx: RouteContext): void {
  const header = ctx.req.headers['content-type'];
  if (isJsonContentType(header)) return;
  const said = header ? `this request sent "${header.slice(0, 80)}"` : 'this request named no content type';
  throw new HttpError(415, 'unsupported_media_type', `Send the body as JSON, with "Content-Type: application/json" (${said}).`, [
    { path: '', message: 'must be sent as application/json' },
  ]);
}

/** The body as JSON, once it is known to be declared JSON. Every route reading a JSON body reads it here. */
export async function readJsonBody(ctx: RouteContext): Promise<unknown> {
  await ctx.readBody();
  requireJsonBody(ctx);
  return ctx.readJson();
}

/** The JSON body, or undefined when there is none (a DELETE); a body that is there must be declared JSON. */
export async function readOptionalJsonBody(ctx: RouteContext): Promise<unknown> {
  const body = await ctx.readBody();
  if (body.byteLength === 0) return undefined;
  requireJsonBody(ctx);
  return ctx.readJson();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const missingSecret = () =>
  new HttpError(401, 'unauthorized', 'This workshop needs its edit or view secret: send "Authorization: Bearer <secret>".', [], {
    'WWW-Authenticate': 'Bearer',
  });

const wrongSecret = () => new HttpError(403, 'forbidden', 'That secret does not open this workshop. Check the link you were given.');

/**
 * Check the workshop's secret on a request: 401 when there is none, 404 when no such workshop, 403 when wrong.
 * `allowQuery`: a plain download link may carry it as `?key=` (edit) or `?view=` (view) instead of a header.
 */
export async function authorize(ctx: RouteContext, workshops: Workshops, id: string, allowQuery: boolean): Promise<Access> {
  let secret = bearerToken(ctx.req);
  let wanted: Access = 'edit';
  if (!secret && allowQuery) {
    const key = ctx.url.searchParams.get('key');
    const view = ctx.url.searchParams.get('view');
    secret = key ?? view ?? undefined;
    if (!key && view) wanted = 'view';
  }
  if (!secret) throw missingSecret();
  const granted = await workshops.authorize(id, secret, wanted);
  if (!granted) throw wrongSecret();
  return granted;
}

/** 403 for a write sent with the view secret: it opens the board read-only. */
export function requireEdit(access: Access): void {
  if (access !== 'edit') {
    throw new HttpError(403, 'forbidden', 'That is the view secret: it opens this workshop read-only. Changing it needs the edit secret (the board link with #key=).');
  }
}
