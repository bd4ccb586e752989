// The server: one HTTP server for the built app, the REST API, extra routes (MCP) and the sync websocket.
// `startServer` is what tests call (port 0, a temporary DATA_DIR); server/cli.ts is the process entry.
import { mkdir } from 'node:fs/promises';
import { STATUS_CODES, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AccessControl } from './access';
import { isLoopbackAddress, publicOrigin, resolveConfig, type ServerConfig, type ServerOptions } from './config';
import { createHostGuard } from './host-guard';
import { clientAddress, createRouter, errorBody, type Route } from './http';
import { AddressThrottle, importBytesFor } from './limits';
import { createLogger, errorText, type Logger } from './log';
import { restRoutes } from './rest';
import { openApiRoute } from './rest/openapi';
import packageJson from '../package.json' with { type: 'json' };
import { Rooms, type Access, type RoomHooks } from './rooms';
import { mcpRoutes } from './mcp/route';
import { createStaticHandler } from './static';
import { Storage } from './storage';
import { Workshops } from './workshops';

/** What extra routes (the MCP endpoint) get to work with. */
export interface AppContext {
  config: ServerConfig;
  workshops: Workshops;
  rooms: Rooms;
  log: Logger;
  /** The origin links are built on. */
  origin(): string;
  /** True when every address the server listens on is loopback (MCP without a token is allowed only then). */
  listensOnLoopbackOnly(): boolean;
  /** Run `fn` on shutdown, before storage closes. */
  onClose(fn: () => Promise<void> | void): void;
}

export interface StartServerOptions extends ServerOptions {
  /** Defaults to a logger at `logLevel` writing to `logStream`, else stdout. */
  logger?: Logger;
  /** Where log lines go (the stdio MCP keeps stdout for MCP and logs to stderr). */
  logStream?: NodeJS.WritableStream;
  /** More routes, matched before REST's and the static files. */
  extraRoutes?: (app: AppContext) => Route[];
  /** Mount the MCP endpoint at /mcp (default true). */
  mcp?: boolean;
  /** Test hooks into the rooms. */
  hooks?: RoomHooks;
}

export interface RunningServer {
  /** Where the server listens, `http://<host>:<port>`. */
  url: string;
  port: number;
  workshops: Workshops;
  rooms: Rooms;
  /** The route table, in the order it is matched (the API document is made from it). */
  routes: readonly Route[];
  config: ServerConfig;
  /** Close every connection, store everything queued, close storage. */
  close(): Promise<void>;
}

const WS_PATH = /^\/ws\/([^/]+)$/;

function refuseUpgrade(socket: Duplex, status: number, code: string, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorBody(code, message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), 1_000).unref();
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const config = resolveConfig(options);
  const hostGuard = createHostGuard(config);
  const logStream = options.logStream;
  const log = options.logger ?? createLogger(config.logLevel, logStream ? (line) => void logStream.write(`${line}\n`) : undefined);
  await mkdir(config.dataDir, { recursive: true });
  const storage = await Storage.open(config.dataDir);
  const rooms = new Rooms({ storage, log, limits: config.limits, lingerMs: config.roomLingerMs, hooks: options.hooks });
  const access = new AccessControl(storage);
  let port = config.port;
  const origin = () => publicOrigin(config, port);
  const workshops = new Workshops({ storage, rooms, access, log, origin, maxDocumentBytes: importBytesFor(config.limits), limits: config.limits });

  let httpServer: Server | null = null;
  let closing: Promise<void> | null = null;
  const closeHooks: Array<() => Promise<void> | void> = [];
  // Before listening, judged by HOST; after, by the address actually bound.
  const listensOnLoopbackOnly = () => {
    const address = httpServer?.address() as AddressInfo | null;
    return isLoopbackAddress(address ? address.address : config.host);
  };
  const app: AppContext = { config, workshops, rooms, log, origin, listensOnLoopbackOnly, onClose: (fn) => closeHooks.push(fn) };

  const routes: Route[] = [
    ...(options.mcp === false ? [] : mcpRoutes(app)),
    ...(options.extraRoutes?.(app) ?? []),
    ...restRoutes({ workshops, adminToken: config.adminToken, listensOnLoopbackOnly, healthy: () => closing === null, maxImportBytes: importBytesFor(config.limits) }),
  ];
  routes.push(openApiRoute(() => routes, packageJson.version));
  const handler = createRouter({
    routes,
    log,
    maxBodyBytes: config.limits.maxBodyBytes,
    trustProxy: config.trustProxy,
    guard: (req, scope) => hostGuard.refusal(req, scope),
    fallback: createStaticHandler(config.distDir),
  });
  const server = createServer({ requestTimeout: 60_000 }, handler);
  httpServer = server;

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes, perMessageDeflate: false });
  const throttle = new AddressThrottle(config.limits.connectBurst, config.limits.connectPerSecond);

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const address = clientAddress(req, config.trustProxy);
    const match = WS_PATH.exec(url.pathname);
    let room = match?.[1] ?? '';
    try {
      room = decodeURIComponent(room);
    } catch {
      room = '';
    }
    const refuse = (status: number, code: string, message: string) => {
      log.info('ws.refused', { room: room || undefined, status, addr: address });
      refuseUpgrade(socket, status, code, message);
    };
    if (!room) return refuse(404, 'not_found', 'The sync websocket is /ws/<workshop id>.');
    // Browsers send every page's Origin on an upgrade; Node clients (y-websocket, tests) send none. Another site's
    // page holding a leaked link is refused here (DNS rebinding needs no Host check: the secret stops it).
    const originRefused = hostGuard.refusal(req, 'origin');
    if (originRefused) return refuse(403, 'forbidden', originRefused);
    if (closing) return refuse(503, 'unavailable', 'The server is shutting down; reconnect in a moment.');
    if (!throttle.allow(address)) return refuse(429, 'too_many_connections', 'Too many new connections from your address; wait a moment.');
    const editSecret = url.searchParams.get('key');
    const viewSecret = url.searchParams.get('view');
    const secret = editSecret || viewSecret;
    if (!secret) return refuse(401, 'unauthorized', 'The sync websocket needs ?key=<edit secret> or ?view=<view secret>.');
    let granted: Access | null;
    try {
      granted = await workshops.authorize(room, secret, editSecret ? 'edit' : 'view');
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'not_found') return refuse(404, 'not_found', `No workshop with id "${room}".`);
      log.error('ws.upgrade-failed', { room, error: errorText(error) });
      return refuse(500, 'internal', 'The server could not check this connection.');
    }
    if (!granted) return refuse(403, 'forbidden', 'That secret does not open this workshop.');
    if (socket.destroyed || closing) return;
    const access = granted;
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (error) => log.info('ws.error', { room, error: errorText(error) }));
      if (closing) {
        ws.close(1001, 'server shutting down');
        return;
      }
      try {
        rooms.attach(room, ws, access, address);
      } catch (error) {
        log.warn('ws.attach-failed', { room, error: errorText(error) });
        ws.close(1013, 'try again later');
      }
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch((error) => {
      log.error('ws.upgrade-failed', { error: errorText(error) });
      socket.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`;
  log.info('server.listening', { url, data: config.dataDir, public: origin(), loopback_only: listensOnLoopbackOnly(), names: hostGuard.names.join(',') });

  async function close(): Promise<void> {
    closing ??= (async () => {
      log.info('server.closing');
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await rooms.close();
      await workshops.close();
      for (const hook of closeHooks) {
        try {
          await hook();
        } catch (error) {
          log.error('server.close-hook-failed', { error: errorText(error) });
        }
      }
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await stopped;
      await storage.close();
      log.info('server.closed');
    })();
    return closing;
  }

  return { url, port, workshops, rooms, routes, config, close };
}
