// EventStorm's service worker: keeps the app shell (the page and its built assets) so a board opens — from the
// copy IndexedDB keeps — when the network is down, a reload included. Pages are network-first (a new version is
// picked up as soon as it is online); built assets, whose names carry their content hash, are cache-first.
// The API, the sync websocket, MCP and health checks are never cached or answered from the cache.
/* eslint-env serviceworker */

const CACHE = 'eventstorm-shell-v1';
const SHELL = '/index.html';
/** Files of earlier builds kept at most (the current build's are always kept). */
const MAX_OLD_ASSETS = 120;
const NEVER = [/^\/api(\/|$)/, /^\/ws(\/|$)/, /^\/mcp(\/|$)/, /^\/healthz$/, /^\/sw\.js$/];

/** The app's own pages: the server answers each with index.html. */
function isAppPage(pathname) {
  return pathname === '/' || pathname === '/index.html' || /^\/w\/[^/]+\/?$/.test(pathname);
}

/** The same-origin assets a page loads first (its scripts, styles, icons), read from its HTML. */
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/[^"?#]+)"/g)) {
    const path = match[1];
    if (path.startsWith('/assets/') || /^\/[\w.-]+\.(?:svg|png|ico|webmanifest)$/.test(path)) found.add(path);
  }
  return [...found];
}

/** Keep this HTML as the shell, with everything it loads. */
async function keepShell(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await Promise.all(
    assets.map(async (path) => {
      if (await cache.match(path)) return;
      try {
        const res = await fetch(path, { cache: 'no-cache' });
        if (res.ok) await cache.put(path, res);
      } catch {
        // offline mid-way: the next online visit completes it
      }
    }),
  );
  await cache.put(SHELL, response);
  // Hashed names never change meaning, so old builds' files are harmless; only their number is bounded
  // (oldest first, never what this shell loads). Lazily loaded chunks are cached as they load.
  const keep = new Set(assets);
  const old = (await cache.keys()).filter((request) => {
    const path = new URL(request.url).pathname;
    return path.startsWith('/assets/') && !keep.has(path);
  });
  for (const request of old.slice(0, Math.max(0, old.length - MAX_OLD_ASSETS))) await cache.delete(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      try {
        const response = await fetch('/', { cache: 'no-cache' });
        if (response.ok) await keepShell(response);
      } catch {
        // installed offline: the shell is kept on the next page load
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE && name.startsWith('eventstorm-')) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const copy = response.clone();
      // Kept in the background: the page must not wait for its assets to be cached.
      keepShell(copy).catch(() => {});
    }
    return response;
  } catch (error) {
    const cached = await caches.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === 'navigate' && isAppPage(url.pathname)) {
    event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg') event.respondWith(asset(request));
});
