// The built app (dist/): its files, and index.html for the app's own pages, `/` and `/w/<workshop id>`.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * What the app may load and who may frame it, sent with every file of it. Scripts only from this server (the
 * build has no inline script); inline styles because React Flow positions nodes with them; data: and blob:
 * images for the PNG/SVG export (html-to-image draws through data URLs); ws:/wss: for the sync websocket (older
 * browsers do not count a same-host websocket as 'self'); the service worker from this server; no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
].join('; ');

/** The headers every response of the app carries. */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The app's own pages, answered with index.html (the board reads its secret from the fragment). */
export function isAppPage(pathname: string): boolean {
  return pathname === '/' || pathname === '/index.html' || /^\/w\/[^/]+\/?$/.test(pathname);
}

export function createStaticHandler(distDir: string): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const root = resolve(distDir);

  async function file(path: string): Promise<{ path: string; size: number; mtime: Date } | null> {
    try {
      const info = await stat(path);
      return info.isFile() ? { path, size: info.size, mtime: info.mtime } : null;
    } catch {
      return null;
    }
  }

  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    if (pathname.includes('\0')) return false;
    const page = isAppPage(pathname);
    const target = page ? resolve(root, 'index.html') : resolve(root, `.${pathname}`);
    if (target !== root && !target.startsWith(root + sep)) return false;
    const found = await file(target);
    if (!found) {
      if (!page) return false;
      const text = 'The app is not built yet: run `npm run build` (or `npm start`, which builds it first).\n';
      res.writeHead(503, { ...APP_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(req.method === 'HEAD' ? undefined : text);
      return true;
    }
    const immutable = !page && pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Last-Modified': found.mtime.toUTCString(),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...APP_SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(found.path);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', () => done());
      stream.pipe(res);
    });
    return true;
  };
}
