// What the browser benchmarks share: Chromium's flags here (as in playwright.config.ts), the test build they serve,
// a workshop, an open board.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchServer } from './server-process';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const VIEWPORT = { width: 1440, height: 900 };

/**
 * Builds the test build (`vite build --mode e2e` into dist-e2e/), the app with the `window.__eventstorm` hook the
 * browser benches drive (the production dist/ has none); returns the server environment that serves it.
 */
export async function buildTestApp(): Promise<{ DIST_DIR: string }> {
  await build({ root: repoRoot, mode: 'e2e', logLevel: 'warn', configFile: join(repoRoot, 'vite.config.ts') });
  return { DIST_DIR: join(repoRoot, 'dist-e2e') };
}

export interface Created {
  workshop_id: string;
  edit_key: string;
}

export async function createWorkshop(server: BenchServer, name: string): Promise<Created> {
  const res = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export async function openBoard(browser: Browser, server: BenchServer, w: Created): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx keeps function names with a `__name` helper that does not exist in the page the functions are sent to.
  await context.addInitScript('window.__name = (f) => f');
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
  await page.goto(`${server.url}/w/${w.workshop_id}#key=${w.edit_key}`);
  await page.waitForFunction(() => document.body.dataset.boardReady === 'true', null, { timeout: 60_000 });
  return page;
}
