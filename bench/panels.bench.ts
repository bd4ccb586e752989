// The insight panels on a 2,000-sticky board (1,000 arrows, 8 contexts), in headless Chromium (Debian's, through
// playwright-core), against the real server in its own process. A colleague in another browser context edits the
// board; for each panel, in the observing page:
//   - remote edit to panel painted: the Y.Doc update's arrival (performance.now()) to the first animation frame
//     after the panel's DOM changed. It includes the board's own handling of the same edit, which goes first by
//     design (snapshot, store, canvas; `board_store_updated_p50` is when the store had it), then the panel's
//     deferred render, then the wait for the frame;
//   - panel recompute + render: the panel's own work (analysis, React render, DOM commit; `eventstorm:panel:*`);
//   - analysis alone: the domain analysis (`eventstorm:insight:*`).
// Targets: statistics, timeline and lint under 16 ms; flows under 50 ms. Then the PNG export of the whole board.
// Printed, never asserted.
import { chromium, type Page } from 'playwright-core';
import { ARGS, buildTestApp, createWorkshop, openBoard } from './browser';
import { percentile, report } from './report';
import { startBenchServer } from './server-process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ELEMENTS = 2000;
const LINKS = 1000;
const CONTEXTS = 8;
const EDITS = Number(process.env.PANEL_EDITS ?? 30);
const WARMUP = 3;


/** 2,000 stickies on a grid, 1,000 arrows between neighbours, 8 contexts holding three quarters of the stickies. */
async function populate(page: Page): Promise<void> {
  await page.evaluate(
    ({ count, links, contexts }) => {
      const { board, doc, origin } = window.__eventstorm!;
      const types = ['event', 'command', 'actor', 'policy', 'aggregate', 'read_model', 'external_system', 'hotspot'] as const;
      const ids: string[] = [];
      doc.transact(() => {
        for (let i = 0; i < count; i++) {
          const type = types[i % types.length];
          ids.push(board.addElement(doc, { type, name: `${type} number ${i}`, position: i % 50, y: Math.floor(i / 50) * 170 }, { origin }).id);
        }
        for (let i = 0; i < links; i++) board.linkElements(doc, { from: ids[2 * i + 1], to: ids[2 * i] }, { origin });
        for (let c = 0; c < contexts; c++) {
          const context = board.createContext(doc, { name: `Context ${c}` }, { origin });
          const members = ids.filter((_, i) => i % contexts === c && Math.floor(i / contexts) % 4 !== 3);
          board.assignToContext(doc, { context_id: context.id, element_ids: members }, { origin });
        }
      }, origin);
    },
    { count: ELEMENTS, links: LINKS, contexts: CONTEXTS },
  );
}

/** In the observing page: time each remote update to the frame after `panel`'s DOM changed. */
async function watchPanel(page: Page, panel: string): Promise<void> {
  await page.evaluate((panel) => {
    const w = window as unknown as { __panelTimes: number[]; __storeTimes: number[]; __panelWatch?: { stop(): void } };
    w.__panelWatch?.stop();
    w.__panelTimes = [];
    w.__storeTimes = [];
    const { doc, origin, session } = window.__eventstorm!;
    let since: number | null = null;
    let stored = false;
    const onUpdate = (_update: Uint8Array, from: unknown) => {
      if (from !== origin) {
        since = performance.now();
        stored = false;
      }
    };
    doc.on('update', onUpdate);
    // When the board store (and so the canvas's nodes) has taken the edit in: the part of the time before any panel.
    const unsubscribe = session.store.subscribe(() => {
      if (since === null || stored) return;
      stored = true;
      w.__storeTimes.push(performance.now() - since);
    });
    const target = document.querySelector(`[data-testid="${panel}"]`)!;
    const observer = new MutationObserver(() => {
      if (since === null) return;
      const start = since;
      since = null;
      requestAnimationFrame(() => w.__panelTimes.push(performance.now() - start));
    });
    // Content only: the panel's "stale" marker flips before the new content is there and is not counted.
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributeFilter: ['style', 'data-element-id', 'data-count'] });
    w.__panelWatch = {
      stop() {
        doc.off('update', onUpdate);
        unsubscribe();
        observer.disconnect();
      },
    };
  }, panel);
}

async function measured(page: Page): Promise<{ painted: number[]; stored: number[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __panelTimes: number[]; __storeTimes: number[] };
    return { painted: w.__panelTimes, stored: w.__storeTimes };
  });
}

/** The last duration of a performance measure in the page (the analysis, or the panel's recompute and render). */
async function measureOf(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN, name);
}

interface PanelCase {
  tab: string;
  panel: string;
  analysis: string;
  target: string;
  /** Prepare the observing page (a query to type, …). */
  setup?: (a: Page) => Promise<void>;
  /** The colleague's edit number `i`, in page B; it must change what the panel shows. */
  edit: (b: Page, i: number) => Promise<unknown>;
}

async function main() {
  const started = Date.now();
  const server = await startBenchServer({ env: await buildTestApp() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const w = await createWorkshop(server, 'Panels 2000');
    const b = await openBoard(browser, server, w);
    await populate(b);
    const a = await openBoard(browser, server, w);
    await a.waitForFunction((n) => window.__eventstorm!.session.store.getState().elements.length === n, ELEMENTS, { timeout: 60_000 });
    const ids = await b.evaluate(() => {
      const snap = window.__eventstorm!.snapshot();
      const sorted = [...snap.elements].sort((x, y) => x.position - y.position || x.y - y.y);
      return {
        first: sorted[0].id,
        event: snap.elements.find((e) => e.type === 'event')!.id,
        loose: snap.elements.find((e) => e.contextId === null)!.id,
        command: snap.elements.find((e) => e.name === 'command number 1')!.id,
        context: [...snap.contexts].sort((x, y) => x.name.localeCompare(y.name))[0].id,
      };
    });
    const rename = (page: Page, id: string, name: string) => page.evaluate(([id, name]) => window.__eventstorm!.session.ops.rename(id, name), [id, name] as const);

    const cases: PanelCase[] = [
      {
        tab: 'statistics',
        panel: 'statistics-panel',
        analysis: 'statistics',
        target: '< 16 ms',
        // Add a sticky, then take it away again: every count moves.
        edit: async (page, i) =>
          page.evaluate((i) => {
            const w = window as unknown as { __added?: string };
            const ops = window.__eventstorm!.session.ops;
            if (i % 2 === 0) w.__added = ops.addSticky('event', { position: 60, y: 510 }, { edit: false, name: `Bench ${i}` }) ?? undefined;
            else ops.deleteElements([w.__added!]);
          }, i),
      },
      {
        tab: 'timeline',
        panel: 'timeline-panel',
        analysis: 'timeline',
        target: '< 16 ms',
        edit: (page, i) => rename(page, ids.first, `First sticky, take ${i}`),
      },
      {
        tab: 'flows',
        panel: 'flows-panel',
        analysis: 'flows',
        target: '< 50 ms',
        // Rename the start of the first flow shown.
        edit: (page, i) => rename(page, ids.command, `command number 1 (take ${i})`),
      },
      {
        tab: 'lint',
        panel: 'lint-panel',
        analysis: 'lint',
        target: '< 16 ms',
        // An event named in the past tense, then not: a finding comes and goes.
        edit: (page, i) => rename(page, ids.event, i % 2 === 0 ? `Order Placed ${i}` : `event number ${i}`),
      },
      {
        tab: 'map',
        panel: 'context-map-panel',
        analysis: 'contexts',
        target: '(no target)',
        edit: (page, i) =>
          page.evaluate(
            ([context, id, i]) => {
              const ops = window.__eventstorm!.session.ops;
              if (Number(i) % 2 === 0) ops.assign(context, [id]);
              else ops.unassign([id]);
            },
            [ids.context, ids.loose, String(i)] as const,
          ),
      },
      {
        tab: 'search',
        panel: 'search-panel',
        analysis: 'search',
        target: '(no target)',
        setup: async (page) => {
          await page.getByTestId('search-input').fill('number 1');
          await page.getByTestId('search-count').waitFor();
        },
        // In and out of the matches.
        edit: (page, i) => rename(page, ids.event, i % 2 === 0 ? `event number 1${i}` : `event number x${i}`),
      },
    ];

    for (const c of cases) {
      await a.getByTestId(`tab-${c.tab}`).click();
      await a.getByTestId(c.panel).waitFor();
      await c.setup?.(a);
      await a.waitForTimeout(200);
      await watchPanel(a, c.panel);
      const analysis: number[] = [];
      const rendering: number[] = [];
      for (let i = 0; i < EDITS + WARMUP; i++) {
        await c.edit(b, i);
        await a.waitForFunction((n) => (window as unknown as { __panelTimes: number[] }).__panelTimes.length >= n, i + 1, { timeout: 10_000, polling: 16 });
        analysis.push(await measureOf(a, `eventstorm:insight:${c.analysis}`));
        rendering.push(await measureOf(a, `eventstorm:panel:${c.analysis}`));
        // Let the pages settle (the server's write, the other page's own update) before the next edit.
        await a.waitForTimeout(60);
      }
      const { painted, stored } = await measured(a);
      const times = painted.slice(WARMUP);
      const computed = analysis.slice(WARMUP);
      const panelOwn = rendering.slice(WARMUP);
      report(`panels, ${ELEMENTS} stickies: ${c.tab}, remote edit to panel painted p50`, percentile(times, 50), 'ms', {
        edits: times.length,
        board_store_updated_p50: Math.round(percentile(stored.slice(WARMUP), 50) * 10) / 10,
      });
      report(`panels, ${ELEMENTS} stickies: ${c.tab}, remote edit to panel painted p95`, percentile(times, 95), 'ms', { edits: times.length, max: Math.round(Math.max(...times) * 10) / 10, target: c.target });
      report(`panels, ${ELEMENTS} stickies: ${c.tab}, panel recompute + render p95`, percentile(panelOwn, 95), 'ms', {
        median: Math.round(percentile(panelOwn, 50) * 100) / 100,
        target: c.target,
      });
      report(`panels, ${ELEMENTS} stickies: ${c.tab}, analysis alone p95`, percentile(computed, 95), 'ms', { median: Math.round(percentile(computed, 50) * 100) / 100 });
    }
    // The whole board as a PNG: every sticky drawn off screen, then rasterised.
    const pictures: number[] = [];
    for (let run = 0; run < 2; run++) {
      await a.getByTestId('export-menu-button').click();
      await a.getByTestId('export-png').waitFor();
      const size = `${await a.getByTestId('export-png').getAttribute('data-width')} × ${await a.getByTestId('export-png').getAttribute('data-height')}`;
      const t0 = Date.now();
      const [download] = await Promise.all([a.waitForEvent('download', { timeout: 120_000 }), a.getByTestId('export-png').click()]);
      await download.path();
      pictures.push(Date.now() - t0);
      if (run === 1) report(`PNG export, ${ELEMENTS} stickies and ${LINKS} arrows`, percentile(pictures, 50), 'ms', { runs: pictures, pixels: size });
    }
    await a.context().close();
    await b.context().close();
  } finally {
    await browser.close();
    await server.stop();
  }
  process.stderr.write(`panels bench: ${Math.round((Date.now() - started) / 1000)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
