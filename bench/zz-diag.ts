import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startBenchServer } from '/work/main/bench/server-process';
import { percentile } from '/work/main/bench/report';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
async function main() {
  const server = await startBenchServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const res = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'D' }) });
  const w = (await res.json()) as { workshop_id: string; edit_key: string };
  const open = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addInitScript('window.__name = (f) => f');
    const p = await ctx.newPage();
    await p.goto(`${server.url}/w/${w.workshop_id}#key=${w.edit_key}`);
    await p.waitForFunction(() => document.body.dataset.boardReady === 'true', null, { timeout: 60000 });
    return p;
  };
  const b = await open();
  await b.evaluate(() => {
    const { board, doc, origin } = window.__eventstorm!;
    const types = ['event', 'command', 'actor', 'policy', 'aggregate', 'read_model', 'external_system', 'hotspot'] as const;
    const ids: string[] = [];
    doc.transact(() => {
      for (let i = 0; i < 2000; i++) ids.push(board.addElement(doc, { type: types[i % 8], name: `${types[i % 8]} number ${i}`, position: i % 50, y: Math.floor(i / 50) * 170 }, { origin }).id);
      for (let i = 0; i < 1000; i++) board.linkElements(doc, { from: ids[2 * i + 1], to: ids[2 * i] }, { origin });
      for (let c = 0; c < 8; c++) { const ctx = board.createContext(doc, { name: `C${c}` }, { origin }); board.assignToContext(doc, { context_id: ctx.id, element_ids: ids.filter((_, i) => i % 8 === c && Math.floor(i / 8) % 4 !== 3) }, { origin }); }
    }, origin);
  });
  const a = await open();
  await a.waitForFunction(() => window.__eventstorm!.session.store.getState().elements.length === 2000, null, { timeout: 60000 });
  const tab = process.argv[2] ?? 'statistics';
  await a.getByTestId(`tab-${tab}`).click();
  await a.waitForTimeout(300);
  await a.evaluate((tab) => {
    const W = window as any;
    W.__rows = [];
    const { doc, origin, session } = window.__eventstorm!;
    let row: any = null;
    doc.on('update', (_u: unknown, from: unknown) => { if (from !== origin) { row = { t0: performance.now() }; } });
    session.store.subscribe(() => { if (row && !row.store) row.store = performance.now() - row.t0; });
    const canvas = document.querySelector('[data-testid="canvas"]')!;
    new MutationObserver(() => { if (row && !row.canvas) row.canvas = performance.now() - row.t0; }).observe(canvas, { subtree: true, childList: true, characterData: true, attributes: true });
    const panel = document.querySelector('[data-testid="side-panel"] [role=tabpanel]')!;
    new MutationObserver(() => { if (row && !row.panel) { row.panel = performance.now() - row.t0; const r = row; requestAnimationFrame(() => { r.frame = performance.now() - r.t0; W.__rows.push(r); }); row = null; } }).observe(panel, { subtree: true, childList: true, characterData: true });
  }, tab);
  const id = await b.evaluate(() => [...window.__eventstorm!.snapshot().elements].sort((x, y) => x.position - y.position || x.y - y.y)[0].id);
  for (let i = 0; i < 20; i++) {
    await b.evaluate(([id, i]) => { window.__eventstorm!.session.ops.rename(id, 'renamed ' + i); }, [id, String(i)] as const);
    await a.waitForFunction((n) => (window as any).__rows.length >= n, i + 1);
    await a.waitForTimeout(80);
  }
  const rows = await a.evaluate(() => (window as any).__rows);
  for (const k of ['store', 'canvas', 'panel', 'frame']) console.log(k, 'p50', percentile(rows.map((r: any) => r[k] ?? -1), 50).toFixed(1), 'p95', percentile(rows.map((r: any) => r[k] ?? -1), 95).toFixed(1));
  await browser.close(); await server.stop();
}
main();
