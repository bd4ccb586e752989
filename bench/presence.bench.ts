// Working together, in headless Chromium (Debian's, through playwright-core) against the real server in its own
// process:
//   1. ten browser contexts moving their cursors over a 1,000-sticky board: the receiving page's frame intervals
//      (requestAnimationFrame), the awareness updates it receives a second, and whether a single sticky's DOM
//      changed meanwhile (cursors are drawn without re-rendering stickies);
//      — and, as a control, the same ten moving cursors sent by ten light y-websocket clients in Node instead of
//      ten more Chromium pages, to tell the receiver's own cost from this machine's (all eleven pages share its cores);
//   2. 100 edits made offline in one context: time from reconnecting until another context shows all of them,
//      and until the editing page has the server's confirmation of all 100.
// Printed, never asserted. BENCH_SENDERS_PAINT=1 lets the ten sender pages paint too; BENCH_PROFILE=1 prints the
// receiver's hottest functions while the cursors move.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { WebsocketProvider, messageAwareness } from 'y-websocket';
import * as Y from 'yjs';
import { replaceAwarenessSender } from '../src/sync/connection';
import { ARGS, buildTestApp, createWorkshop, type Created } from './browser';
import { percentile, report } from './report';
import { startBenchServer, type BenchServer } from './server-process';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RECEIVER_VIEWPORT = { width: 1440, height: 900 };
/** The senders are real board pages too, on small screens (the machine running all eleven is one machine). */
const SENDER_VIEWPORT = { width: 800, height: 500 };
const STICKIES = 1000;
const SENDERS = 10;
const MEASURE_MS = 5000;
const OFFLINE_EDITS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openBoard(browser: Browser, server: BenchServer, w: Created, name: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  // tsx keeps function names with a `__name` helper that does not exist in the page the functions are sent to.
  await context.addInitScript('window.__name = (f) => f');
  // Each person has said their name before (no first-visit prompt).
  await context.addInitScript(`localStorage.setItem('eventstorm.participant', ${JSON.stringify(JSON.stringify({ id: `bench-${name}`, name, named: true }))})`);
  const page = await context.newPage();
  page.on('pageerror', (e) => process.stderr.write(`page error (${name}): ${e.message}\n`));
  await page.goto(`${server.url}/w/${w.workshop_id}#key=${w.edit_key}`);
  await page.waitForFunction(() => document.body.dataset.boardReady === 'true', null, { timeout: 60_000 });
  return { context, page };
}

async function populate(page: Page, count: number, columns: number): Promise<void> {
  await page.evaluate(
    ({ count, columns }) => {
      const { board, doc, origin } = window.__eventstorm!;
      const types = ['event', 'command', 'actor', 'policy', 'aggregate', 'read_model', 'external_system', 'hotspot'] as const;
      doc.transact(() => {
        for (let i = 0; i < count; i++) {
          const type = types[i % types.length];
          board.addElement(doc, { type, name: `${type} number ${i}`, position: i % columns, y: Math.floor(i / columns) * 170 }, { origin });
        }
      }, origin);
    },
    { count, columns },
  );
}

async function waitStored(server: BenchServer, w: Created, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${server.url}/api/workshops/${w.workshop_id}`, { headers: { authorization: `Bearer ${w.edit_key}` } });
    const body = (await res.json()) as { statistics?: { totals?: { elements?: number } } };
    if (body.statistics?.totals?.elements === count) return;
    await sleep(100);
  }
  throw new Error(`the server never stored ${count} elements`);
}

/** Start recording frame intervals, remote awareness updates and sticky DOM mutations on the receiver. */
async function startWatching(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { frames: number[]; recording: boolean; updates: number; mutations: number; stop: () => void } };
    const bench = { frames: [] as number[], recording: true, updates: 0, mutations: 0, stop: () => {} };
    w.__bench = bench;
    let last = 0;
    const tick = (t: number) => {
      if (last) bench.frames.push(t - last);
      last = t;
      if (bench.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const awareness = window.__eventstorm!.session.connection!.provider.awareness;
    const onUpdate = (_: unknown, origin: unknown) => {
      if (origin !== 'local') bench.updates++;
    };
    awareness.on('update', onUpdate);
    const observer = new MutationObserver((records) => (bench.mutations += records.length));
    observer.observe(document.querySelector('.react-flow__nodes')!, { subtree: true, childList: true, attributes: true, characterData: true });
    bench.stop = () => {
      bench.recording = false;
      awareness.off('update', onUpdate);
      observer.disconnect();
    };
  });
}

async function stopWatching(page: Page): Promise<{ frames: number[]; updates: number; mutations: number }> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __bench: { frames: number[]; updates: number; mutations: number; stop: () => void } }).__bench;
    bench.stop();
    return { frames: bench.frames, updates: bench.updates, mutations: bench.mutations };
  });
}

/**
 * Move a sender's pointer over its canvas along its own curve for `ms`, at the display's rate: pointer events
 * dispatched in the page, as the browser dispatches a real mouse's (a CDP round trip per move from here would
 * measure the driver, not the app). Answers the number of moves.
 */
async function wander(page: Page, index: number, ms: number): Promise<number> {
  return page.evaluate(
    ({ index, ms }) =>
      new Promise<number>((resolve) => {
        const target = document.querySelector('.react-flow__pane')!;
        const box = target.getBoundingClientRect();
        const end = performance.now() + ms;
        let moves = 0;
        const step = () => {
          const t = moves / 20 + index;
          const clientX = box.x + box.width * (0.5 + 0.4 * Math.sin(t * (1 + index / 10)));
          const clientY = box.y + box.height * (0.5 + 0.4 * Math.cos(t * 1.3));
          target.dispatchEvent(new PointerEvent('pointermove', { clientX, clientY, bubbles: true, pointerId: 1, pointerType: 'mouse' }));
          moves++;
          if (performance.now() < end) requestAnimationFrame(step);
          else resolve(moves);
        };
        requestAnimationFrame(step);
      }),
    { index, ms },
  );
}

type Rect = { x: number; y: number; width: number; height: number };

function presenceOf(index: number, view: Rect, t: number, since: number) {
  return {
    v: 1,
    user: { id: `node-${index}`, name: `Node ${index + 1}`, color: '#0891b2' },
    access: 'edit',
    cursor: { x: view.x + view.width * (0.5 + 0.4 * Math.sin(t * 2 + index)), y: view.y + view.height * (0.5 + 0.4 * Math.cos(t * 2.6 + index)) },
    selection: [],
    drag: null,
    view,
    lead: null,
    since,
  };
}

/** Ten presence clients in Node (y-websocket), present on the board, cursors still. */
async function nodeClients(server: BenchServer, w: Created, view: Rect) {
  // y-websocket adds a process exit listener per provider in Node.
  process.setMaxListeners(SENDERS + 5);
  const clients = Array.from({ length: SENDERS }, (_, i) => {
    const p = new WebsocketProvider(`${server.url.replace('http', 'ws')}/ws`, w.workshop_id, new Y.Doc(), {
      params: { key: w.edit_key },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // As the app does: send one's own presence only (y-websocket would echo everyone's).
    replaceAwarenessSender(p, () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageAwareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(p.awareness, [p.doc.clientID]));
      if (p.wsconnected) p.ws?.send(encoding.toUint8Array(encoder));
    });
    return { p, index: i };
  });
  await Promise.all(clients.map(({ p }) => (p.synced ? undefined : new Promise((r) => p.once('sync', r)))));
  const since = Date.now();
  for (const { p, index } of clients) p.awareness.setLocalState(presenceOf(index, view, 0, since));
  return {
    /** Move every cursor 25 times a second for `ms`; answers the updates sent a second. */
    async move(ms: number): Promise<number> {
      let sent = 0;
      const start = Date.now();
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const t = (Date.now() - start) / 1000;
          for (const { p, index } of clients) {
            p.awareness.setLocalState(presenceOf(index, view, t, since));
            sent++;
          }
          if (Date.now() - start >= ms) {
            clearInterval(timer);
            resolve();
          }
        }, 40);
      });
      return sent / (ms / 1000);
    },
    close() {
      for (const { p } of clients) {
        p.destroy();
        // The provider made this awareness; its timer would keep the process alive.
        p.awareness.destroy();
      }
    },
  };
}

async function main() {
  const started = Date.now();
  const server = await startBenchServer({ env: await buildTestApp() });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const w = await createWorkshop(server, 'Bench presence');
    const receiver = await openBoard(browser, server, w, 'Receiver', RECEIVER_VIEWPORT);
    await populate(receiver.page, STICKIES, 40);
    await waitStored(server, w, STICKIES);
    const senders: { context: BrowserContext; page: Page }[] = [];
    for (let i = 0; i < SENDERS; i++) {
      const sender = await openBoard(browser, server, w, `Sender ${i + 1}`, SENDER_VIEWPORT);
      // All eleven pages share this machine's cores, which no real workshop does: the senders keep their layout
      // (their pointers map to the board as usual) but paint nothing, so the receiver is measured, not the machine.
      if (!process.env.BENCH_SENDERS_PAINT) await sender.page.addStyleTag({ content: 'body { visibility: hidden !important; }' });
      senders.push(sender);
    }
    await receiver.page.waitForFunction((n) => window.__eventstorm!.session.presence!.store.getState().peers.length === n, SENDERS, { timeout: 30_000 });
    const inView = await receiver.page.locator('.react-flow__node-sticky').count();

    // Idle first, for reference.
    await startWatching(receiver.page);
    await sleep(2000);
    const idle = await stopWatching(receiver.page);
    report('presence: receiver idle frame p95', percentile(idle.frames, 95), 'ms', { frames: idle.frames.length, stickies: STICKIES, stickies_in_view: inView });

    // Ten cursors moving.
    const cdp = await receiver.context.newCDPSession(receiver.page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    if (process.env.BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await startWatching(receiver.page);
    const moves = await Promise.all(senders.map((s, i) => wander(s.page, i, MEASURE_MS)));
    const visibleCursors = await receiver.page.locator('[data-testid="remote-cursor"]').count();
    const moving = await stopWatching(receiver.page);
    const m1 = await metrics();
    if (process.env.BENCH_PROFILE) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
      for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stderr.write(`${v.toFixed(0).padStart(6)} ms  ${k}\n`);
    }
    const seconds = MEASURE_MS / 1000;
    const busy = (name: string) => Math.round(((m1[name] - m0[name]) / seconds) * 1000 * 10) / 10;
    report('presence: 10 moving cursors, receiver frame p95', percentile(moving.frames, 95), 'ms', {
      frames: moving.frames.length,
      median: Math.round(percentile(moving.frames, 50) * 10) / 10,
      max: Math.round(Math.max(...moving.frames) * 10) / 10,
      stickies: STICKIES,
      stickies_in_view: inView,
      cursors_drawn: visibleCursors,
      receiver_main_thread_ms_per_s: { task: busy('TaskDuration'), script: busy('ScriptDuration'), style: busy('RecalcStyleDuration'), layout: busy('LayoutDuration') },
      target: '<= 20 ms',
    });
    report('presence: awareness updates received per second', moving.updates / seconds, '1/s', {
      senders: SENDERS,
      pointer_moves_per_sender_per_second: Math.round(moves.reduce((a, b) => a + b, 0) / SENDERS / seconds),
      ceiling: `${SENDERS} x 25/s`,
    });
    report('presence: sticky DOM mutations while cursors moved', moving.mutations, 'mutations', { target: '0 (cursors never re-render stickies)' });

    // ---- 100 edits offline, then reconnect ----
    const editor = senders[0];
    await editor.page.waitForFunction(() => window.__eventstorm!.session.store.getState().unsynced === 0, null, { timeout: 30_000 });
    await editor.context.setOffline(true);
    await editor.page.waitForFunction(() => window.__eventstorm!.session.store.getState().connection === 'offline');
    await editor.page.evaluate((n) => {
      const { session } = window.__eventstorm!;
      const ids = session.store.getState().elements.slice(0, n).map((e) => e.id);
      ids.forEach((id, i) => session.ops.rename(id, `offline edit ${i}`));
    }, OFFLINE_EDITS);
    const counted = await editor.page.evaluate(() => window.__eventstorm!.session.store.getState().unsynced);
    // The receiver notes the wall-clock time at which it holds all 100.
    await receiver.page.evaluate((n) => {
      const w = window as unknown as { __merged: Promise<number> };
      const { store } = window.__eventstorm!.session;
      const count = () => store.getState().elements.filter((e) => e.name.startsWith('offline edit ')).length;
      w.__merged = new Promise((resolve) => {
        if (count() >= n) resolve(Date.now());
        const stop = store.subscribe(() => {
          if (count() >= n) {
            stop();
            resolve(Date.now());
          }
        });
      });
    }, OFFLINE_EDITS);
    const confirmed = editor.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const { store } = window.__eventstorm!.session;
          const stop = store.subscribe((s) => {
            if (s.connection === 'online' && s.unsynced === 0) {
              stop();
              resolve(Date.now());
            }
          });
        }),
    );
    const reconnectedAt = Date.now();
    await editor.context.setOffline(false);
    const mergedAt = await receiver.page.evaluate(() => (window as unknown as { __merged: Promise<number> }).__merged);
    const confirmedAt = await confirmed;
    report('offline: 100 edits, reconnect to all shown in another context', mergedAt - reconnectedAt, 'ms', { edits: OFFLINE_EDITS, counted_while_offline: counted, target: '<= 2000 ms' });
    report('offline: 100 edits, reconnect to all confirmed by the server', confirmedAt - reconnectedAt, 'ms', { edits: OFFLINE_EDITS });

    for (const s of senders) await s.context.close();
    await receiver.page.waitForFunction(() => window.__eventstorm!.session.presence!.store.getState().peers.length === 0, null, { timeout: 30_000 });

    // Control: the same traffic from ten light Node clients instead of ten Chromium pages.
    const view = await receiver.page.evaluate(() => {
      const { x, y, zoom } = window.__eventstorm!.flow!.getViewport();
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      return { x: -x / zoom, y: -y / zoom, width: pane.width / zoom, height: pane.height / zoom };
    });
    const nodes = await nodeClients(server, w, view);
    await receiver.page.waitForFunction((n) => window.__eventstorm!.session.presence!.store.getState().peers.length === n, SENDERS, { timeout: 30_000 });
    await sleep(500);
    const c0 = await metrics();
    await startWatching(receiver.page);
    const rate = await nodes.move(MEASURE_MS);
    const control = await stopWatching(receiver.page);
    const c1 = await metrics();
    const controlBusy = (name: string) => Math.round(((c1[name] - c0[name]) / seconds) * 1000 * 10) / 10;
    nodes.close();
    report('presence: 10 moving cursors from Node clients (control), receiver frame p95', percentile(control.frames, 95), 'ms', {
      frames: control.frames.length,
      median: Math.round(percentile(control.frames, 50) * 10) / 10,
      max: Math.round(Math.max(...control.frames) * 10) / 10,
      updates_sent_per_second: Math.round(rate),
      updates_received_per_second: Math.round(control.updates / (MEASURE_MS / 1000)),
      sticky_dom_mutations: control.mutations,
      receiver_main_thread_ms_per_s: { task: controlBusy('TaskDuration'), script: controlBusy('ScriptDuration'), style: controlBusy('RecalcStyleDuration'), layout: controlBusy('LayoutDuration') },
      target: '<= 20 ms',
    });

    await receiver.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  process.stderr.write(`presence bench: ${Math.round((Date.now() - started) / 1000)} s\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
