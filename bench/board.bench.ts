// The board in headless Chromium (Debian's, through playwright-core), against the real server in its own process:
//   1. 2,000 stickies + 1,000 arrows at zoom 1: frame intervals while dragging a sticky and while panning;
//   2. the same board zoomed out so all 2,000 are in view: frame intervals while panning;
//   3. 5,000 elements: navigation start to interactive (the board's own mark, set once it is on screen);
//   4. bytes a 10-second drag adds to the stored document (written once, on drop);
//   5. edit in one browser context to paint in another: 100 renames, p95;
//   6. the production bundle's first load, gzip;
//   7. 5,000 stickies at 200 distinct positions (numbered with gaps, laid out compact): frame intervals while
//      dragging a sticky.
// Frame figures are intervals between requestAnimationFrame callbacks. Printed, never asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { ARGS, buildTestApp, createWorkshop, openBoard, type Created } from './browser';
import { percentile, report } from './report';
import { startBenchServer, type BenchServer } from './server-process';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MEASURE_MS = 2500;


/**
 * Fill the open board with `count` stickies on a grid of `columns` positions, `spacing` apart in numbers, and
 * `arrows` links between neighbours, in one transaction.
 */
async function populate(page: Page, count: number, arrows: number, columns: number, spacing = 1): Promise<void> {
  await page.evaluate(
    ({ count, arrows, columns, spacing }) => {
      const { board, doc, origin } = window.__eventstorm!;
      const types = ['event', 'command', 'actor', 'policy', 'aggregate', 'read_model', 'external_system', 'hotspot'] as const;
      const ids: string[] = [];
      doc.transact(() => {
        for (let i = 0; i < count; i++) {
          const type = types[i % types.length];
          ids.push(board.addElement(doc, { type, name: `${type} number ${i}`, position: (i % columns) * spacing, y: Math.floor(i / columns) * 170 }, { origin }).id);
        }
        for (let i = 0; i < arrows; i++) board.linkElements(doc, { from: ids[2 * i], to: ids[2 * i + 1] }, { origin });
      }, origin);
    },
    { count, arrows, columns, spacing },
  );
}

async function waitStored(server: BenchServer, w: Created, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${server.url}/api/workshops/${w.workshop_id}`, { headers: { authorization: `Bearer ${w.edit_key}` } });
    const body = (await res.json()) as { statistics?: { totals?: { elements?: number } } };
    if (body.statistics?.totals?.elements === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server never stored ${count} elements`);
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = 0;
    const tick = (t: number) => {
      if (last) w.__frames.push(t - last);
      last = t;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

function reportFrames(name: string, frames: number[], target: Record<string, unknown>) {
  report(`${name} frame p95`, percentile(frames, 95), 'ms', { frames: frames.length, ...target });
  report(`${name} frame max`, Math.max(...frames), 'ms', { frames: frames.length });
}

async function setViewport(page: Page, v: { x: number; y: number; zoom: number }) {
  await page.evaluate((v) => window.__eventstorm!.flow!.setViewport(v), v);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Centre the view (zoom 1) on the `index`-th sticky in the snapshot; answers its id. */
async function centreOn(page: Page, index: number): Promise<string> {
  const id = await page.evaluate(async (index) => {
    const e = window.__eventstorm!.snapshot().elements.slice().sort((a, b) => a.y - b.y || a.position - b.position)[index];
    // Where the canvas draws it (the timeline layout decides x).
    const x = window.__eventstorm!.session.store.getState().scale.xOf(e.position);
    await window.__eventstorm!.flow!.setCenter(x + 80, e.y + 50, { zoom: 1 });
    return e.id;
  }, index);
  await page.locator(`.react-flow__node[data-id="${id}"]`).waitFor();
  // Let a change of detail level (zooming back in from the overview) settle before measuring anything.
  await page.waitForTimeout(300);
  return id;
}

/** Drag the sticky under (x, y) around in small circles for `ms`, then drop it. */
async function dragFor(page: Page, x: number, y: number, ms: number): Promise<number> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  const start = Date.now();
  let moves = 0;
  while (Date.now() - start < ms) {
    const t = moves / 12;
    await page.mouse.move(x + 120 * Math.sin(t) + 5, y + 60 * Math.cos(t) - 60);
    moves++;
  }
  await page.mouse.up();
  return moves;
}

async function panFor(page: Page, ms: number, step: number): Promise<void> {
  const box = (await page.locator('[data-testid="canvas"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < ms) {
    const dir = Math.floor(i / 40) % 2 === 0 ? 1 : -1;
    await page.mouse.wheel(step * dir, (step / 2) * dir);
    i++;
  }
}

function bundleFirstLoad(): { gzip: number; raw: number; files: string[] } {
  const dist = join(repoRoot, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let gzip = 0;
  let raw = 0;
  for (const file of new Set(files)) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.byteLength;
    gzip += gzipSync(bytes).byteLength;
  }
  gzip += gzipSync(Buffer.from(html)).byteLength;
  return { gzip, raw, files };
}

async function main() {
  const started = Date.now();
  await build({ root: repoRoot, logLevel: 'warn', configFile: join(repoRoot, 'vite.config.ts') });
  const bundle = bundleFirstLoad();
  report('bundle first load (gzip)', bundle.gzip / 1024, 'KiB', { raw_kib: Math.round(bundle.raw / 1024), files: bundle.files.length, target: '<= 350 KB' });

  // The bundle above is the production one; the board is driven through the test build's hook.
  const server = await startBenchServer({ env: await buildTestApp() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    // ---- 2,000 stickies and 1,000 arrows ----
    const big = await createWorkshop(server, 'Bench 2000');
    const a = await openBoard(browser, server, big);
    await populate(a, 2000, 1000, 50);
    await a.waitForFunction(() => window.__eventstorm!.session.store.getState().elements.length === 2000);
    // A sticky in the middle of the board, centred in the view: the drag stays clear of the canvas edges (where
    // React Flow would start panning the board under the pointer).
    const middle = await centreOn(a, 1025);
    const box = (await a.locator(`.react-flow__node[data-id="${middle}"]`).boundingBox())!;

    await startFrames(a);
    await dragFor(a, box.x + box.width / 2, box.y + 30, MEASURE_MS);
    reportFrames('2000 stickies, zoom 1, drag', await stopFrames(a), { target_p95: '<= 20 ms', target_max: '<= 50 ms' });

    await setViewport(a, { x: 200, y: 80, zoom: 1 });
    await startFrames(a);
    await panFor(a, MEASURE_MS, 24);
    reportFrames('2000 stickies, zoom 1, pan', await stopFrames(a), { target_p95: '<= 20 ms', target_max: '<= 50 ms' });

    await a.evaluate(() => window.__eventstorm!.flow!.fitView({ padding: 0.02 }));
    await a.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const inView = await a.locator('.react-flow__node-sticky').count();
    await startFrames(a);
    await panFor(a, MEASURE_MS, 6);
    reportFrames('2000 stickies, zoomed out, pan', await stopFrames(a), { target_p95: '<= 34 ms', stickies_in_view: inView });

    // ---- a 10-second drag: what it adds to the stored document ----
    const dragged = await centreOn(a, 1075);
    const before = await a.evaluate(() => window.__eventstorm!.encodedSize());
    const dragBox = (await a.locator(`.react-flow__node[data-id="${dragged}"]`).boundingBox())!;
    const positionOf = (id: string) => a.evaluate((id) => window.__eventstorm!.snapshot().elements.find((e) => e.id === id), id);
    const was = await positionOf(dragged);
    const moves = await dragFor(a, dragBox.x + dragBox.width / 2, dragBox.y + 30, 10_000);
    const after = await a.evaluate(() => window.__eventstorm!.encodedSize());
    const now = await positionOf(dragged);
    if (!was || !now || (was.position === now.position && was.y === now.y)) throw new Error('the 10-second drag did not move the sticky');
    report('10 s drag, bytes added to the document', after - before, 'B', { pointer_moves: moves, target: '<= 1024 B' });

    // ---- edit in context A, paint in context B ----
    const b = await openBoard(browser, server, big);
    await setViewport(b, { x: 200, y: 80, zoom: 1 });
    const editedId = (await b.locator('.react-flow__node-sticky').first().getAttribute('data-id'))!;
    await b.evaluate((id) => {
      const w = window as unknown as { __latencies: number[] };
      w.__latencies = [];
      const node = document.querySelector(`.react-flow__node[data-id="${id}"]`)!;
      new MutationObserver(() => {
        const text = node.querySelector('[data-testid="sticky-name"]')?.textContent ?? '';
        const m = /@(\d+(?:\.\d+)?)$/.exec(text);
        if (!m) return;
        const sent = Number(m[1]);
        requestAnimationFrame(() => w.__latencies.push(performance.timeOrigin + performance.now() - sent));
      }).observe(node, { subtree: true, childList: true, characterData: true });
    }, editedId);
    for (let i = 0; i < 100; i++) {
      await a.evaluate(
        ({ id, i }) => window.__eventstorm!.session.ops.rename(id, `edit ${i} @${performance.timeOrigin + performance.now()}`),
        { id: editedId, i },
      );
      await b.waitForFunction((n) => (window as unknown as { __latencies: number[] }).__latencies.length >= n, i + 1, { timeout: 10_000 });
    }
    const latencies = await b.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
    report('edit to paint in another context p95', percentile(latencies, 95), 'ms', { edits: latencies.length, median: Math.round(percentile(latencies, 50) * 10) / 10, target: '<= 50 ms' });
    await a.context().close();
    await b.context().close();

    // ---- 5,000 elements: open to interactive ----
    const huge = await createWorkshop(server, 'Bench 5000');
    const filler = await openBoard(browser, server, huge);
    await populate(filler, 5000, 0, 100);
    await waitStored(server, huge, 5000);
    await filler.context().close();
    const opens: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await openBoard(browser, server, huge);
      const ms = await page.evaluate(() => {
        const count = window.__eventstorm!.session.store.getState().elements.length;
        if (count !== 5000) throw new Error(`opened with ${count} elements`);
        return performance.getEntriesByName('eventstorm:interactive')[0].startTime;
      });
      opens.push(ms);
      await page.context().close();
    }
    report('5000 elements, open to interactive', percentile(opens, 50), 'ms', { runs: opens.map((o) => Math.round(o)), target: '<= 2000 ms' });

    // ---- 5,000 stickies at 200 distinct positions, compact: dragging one ----
    const gapped = await createWorkshop(server, 'Bench 5000 compact');
    const c = await openBoard(browser, server, gapped);
    await populate(c, 5000, 1000, 200, 7);
    await c.waitForFunction(() => window.__eventstorm!.session.store.getState().scale.columns.length === 200);
    const held = await centreOn(c, 2510);
    const heldBox = (await c.locator(`.react-flow__node[data-id="${held}"]`).boundingBox())!;
    await startFrames(c);
    await dragFor(c, heldBox.x + heldBox.width / 2, heldBox.y + 30, MEASURE_MS);
    reportFrames('5000 stickies / 200 positions (compact), zoom 1, drag', await stopFrames(c), { target_p95: '<= 20 ms' });
    await c.context().close();
  } finally {
    await browser.close();
    await server.stop();
  }
  process.stderr.write(`board bench: ${Math.round((Date.now() - started) / 1000)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
