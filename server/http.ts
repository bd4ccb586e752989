// HTTP plumbing shared by REST, the static files and whatever routes are added later (MCP): a route table,
// JSON bodies with a size limit, and one error shape, `{ "error": { code, message, issues } }`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventStormError, isEventStormError, type IssueDetail } from '../src/domain';
import { errorText, pathForLog, type Logger } from './log';
import type { RouteDoc } from './rest/openapi';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: IssueDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** The request URL, parsed (its query string is never logged). */
  url: URL;
  /** `:name` segments of the route's path. */
  params: Record<string, string>;
  log: Logger;
  /** The body, at most the configured limit (413 past it). */
  readBody(): Promise<Buffer>;
  /** The body as JSON (400 when it is not). An empty body reads as `undefined`. */
  readJson(): Promise<unknown>;
  /** The client's address (X-Forwarded-For's first entry only with TRUST_PROXY), for per-address limits. */
  address: string;
}

export interface Route {
  /** One method or several; 'HEAD' is served by 'GET' routes too. */
  method: string | readonly string[];
  /** `/api/workshops/:id/export`, or a RegExp whose named groups become params. */
  path: string | RegExp;
  handler(ctx: RouteContext): Promise<void> | void;
  /**
   * Which requests the router refuses before the handler runs (DNS rebinding, other sites' pages; see
   * server/host-guard.ts). 'host', the default: Host must be one of the server's own names and Origin, when
   * sent, the app's own — every door that needs no secret. 'origin': only the Origin check, for a door that
   * checks a secret itself (whoever rebinds a name lacks it). 'none': nothing (/healthz, which probes call by
   * any name).
   */
  guard?: RouteGuard;
  /** A body limit of its own (the import takes whole workshop files); the router's otherwise. */
  maxBodyBytes?: number;
  /** How this route says 403 when its guard refuses (MCP answers JSON-RPC); the one error shape otherwise. */
  refuse?(res: ServerResponse, status: number, message: string): void;
  /** Its entry in the API's OpenAPI document (server/rest/openapi.ts); undocumented routes are not in it. */
  doc?: RouteDoc;
}

export type RouteGuard = 'host' | 'origin' | 'none';

interface CompiledRoute {
  methods: readonly string[];
  pattern: RegExp;
  route: Route;
}

function compile(route: Route): CompiledRoute {
  const methods = (typeof route.method === 'string' ? [route.method] : route.method).map((m) => m.toUpperCase());
  if (route.path instanceof RegExp) return { methods, pattern: route.path, route };
  const source = route.path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { methods, pattern: new RegExp(`^${source}/?$`), route };
}

export const ERROR_STATUS: Record<string, number> = { invalid: 400, not_found: 404, conflict: 409 };

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

export function errorBody(code: string, message: string, issues: IssueDetail[] = []): { error: { code: string; message: string; issues: IssueDetail[] } } {
  return { error: { code, message, issues } };
}

/** Send `error` in the one error shape: EventStormError → 400/404/409, HttpError → its status, anything else → 500. */
export function sendError(res: ServerResponse, error: unknown, log: Logger): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, errorBody(error.code, error.message, error.issues), error.headers);
  } else if (isEventStormError(error)) {
    sendJson(res, ERROR_STATUS[error.code] ?? 400, errorBody(error.code, error.message, error.issues));
  } else {
    log.error('http.error', { path: pathForLog(res.req?.url), error: errorText(error) });
    sendJson(res, 500, errorBody('internal', 'Something went wrong on the server; try again. If it persists, the server log says what.'));
  }
}

/**
 * Read the whole body, up to `limit` bytes. Past the limit the rest is read and thrown away (so the client gets
 * its 413 instead of a reset connection), up to ten times the limit; beyond that the connection is cut.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const mib = Math.round((limit / 1024 / 1024) * 10) / 10;
    const refuse = () =>
      reject(new HttpError(413, 'too_large', `The request body is larger than ${mib} MiB.`, [{ path: '', message: `must be at most ${mib} MiB` }], { Connection: 'close' }));
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (size > limit * 10) {
          req.destroy();
          refuse();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? refuse() : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

export function parseJson(body: Buffer): unknown {
  if (body.byteLength === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new EventStormError('invalid', `The request body is not valid JSON: ${errorText(error)}`, [{ path: '', message: 'must be valid JSON' }]);
  }
}

/** The client's address: the socket's, or X-Forwarded-For's first entry when the proxy in front is trusted. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export interface RouterOptions {
  routes: Route[];
  log: Logger;
  maxBodyBytes: number;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
  /**
   * Why a request to a route guarded `scope` is refused, or null (server/host-guard.ts). Required, and applied
   * here rather than in each handler, so a route added later is guarded by default and no handler can forget it.
   */
  guard(req: IncomingMessage, scope: Exclude<RouteGuard, 'none'>): string | null;
  /** Requests no route matches (the static files); answers false when it has nothing either. */
  fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

/** A request handler dispatching on the route table; /api and unknown paths answer JSON 404/405. */
export function createRouter(options: RouterOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const routes = options.routes.map(compile);
  return (req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      const path = pathForLog(req.url);
      const fields = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) options.log.warn('http.request', fields);
      else if (path.startsWith('/api/') || path === '/mcp' || res.statusCode >= 400) options.log.info('http.request', fields);
      else options.log.debug('http.request', fields);
    });
    void dispatch(req, res).catch((error) => sendError(res, error, options.log));
  };

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const allowed = new Set<string>();
    for (const { methods, pattern, route } of routes) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      if (!methods.includes(method) && !(method === 'HEAD' && methods.includes('GET'))) {
        for (const m of methods) allowed.add(m);
        continue;
      }
      const scope = route.guard ?? 'host';
      const refusal = scope === 'none' ? null : options.guard(req, scope);
      if (refusal) {
        options.log.info('http.refused', { method, path: pathForLog(url.pathname), host: req.headers.host?.slice(0, 200), origin: req.headers.origin?.slice(0, 200) });
        if (route.refuse) return route.refuse(res, 403, refusal);
        throw new HttpError(403, 'forbidden', refusal);
      }
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(match.groups ?? {})) {
        try {
          params[key] = decodeURIComponent(value);
        } catch {
          params[key] = value;
        }
      }
      let body: Promise<Buffer> | null = null;
      const readOnce = () => (body ??= readBody(req, route.maxBodyBytes ?? options.maxBodyBytes));
      await route.handler({
        req,
        res,
        url,
        params,
        log: options.log,
        readBody: readOnce,
        readJson: async () => parseJson(await readOnce()),
        address: clientAddress(req, options.trustProxy ?? false),
      });
      return;
    }
    if (allowed.size > 0) {
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here; use ${[...allowed].join(' or ')}.`, [], { Allow: [...allowed].join(', ') });
    }
    if (!url.pathname.startsWith('/api/') && options.fallback && (await options.fallback(req, res, url))) return;
    throw new HttpError(404, 'not_found', `Nothing at ${url.pathname}.`);
  }
}
