// What the browser benchmarks share: Chromium's flags here (as in playwright.config.ts), a workshop, an open board.
import type { Browser, Page } from 'playwright-core';
import type { BenchServer } from './server-process';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const VIEWPORT = { width: 1440, height: 900 };

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
