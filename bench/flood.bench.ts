// Issue 20 point 5: does a busy importer slow a live room down? Two real y-websocket clients share a room; one
// moves a sticky 20 times a second, the other times each move's arrival (the edit round trip through the server).
// Measured idle, then while importers (4 loops from one address) post a 10,000-element export as fast as the
// limits allow (waiting out each 429's and 503's Retry-After):
//   flood.default_limits.*: the server as shipped (CREATE_BURST 20, CREATE_RATE 30/min, IMPORT_WORKERS 1), measured
//                           once the burst is spent (the first 429), the steady state a flooder gets;
//   flood.no_rate_limit.*:  creation limits lifted, so the import worker is busy the whole time.
// Plus the imports answered (201, 429, 503), the bytes stored, the server's CPU share and RSS. Never asserted.
// Knobs: BENCH_SECONDS (each measuring window, default 10), BENCH_ONLY=default_limits|no_rate_limit.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addElement, boardMaps, editTarget, moveElements } from '../src/board';
import { bigExport } from '../test-support/big-export';
import { createWorkshop, type Created } from './browser';
import { percentile, report } from './report';
import { cpuWindow, startBenchServer, type BenchServer } from './server-process';

process.setMaxListeners(0);
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const HZ = 20;
const IMPORTERS = 4;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A 10,000-element export (no y: the import places them), 12 contexts, a trigger link from every third sticky. */
function bigFile(n = 10_000): string {
  return JSON.stringify(bigExport(n, 'Flood'));
}

function provider(server: BenchServer, room: Created): WebsocketProvider {
  return new WebsocketProvider(`${server.url.replace('http', 'ws')}/ws`, room.workshop_id, new Y.Doc(), {
    params: { key: room.edit_key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

function synced(p: WebsocketProvider): Promise<void> {
  return p.synced ? Promise.resolve() : new Promise((resolve) => p.once('sync', () => resolve()));
}

interface Room {
  /** Move the sticky for `ms` at HZ; answers each move's round trip, in ms. */
  measure(ms: number): Promise<number[]>;
  close(): void;
}

async function liveRoom(server: BenchServer): Promise<Room> {
  const room = await createWorkshop(server, 'Live room');
  const mover = provider(server, room);
  const watcher = provider(server, room);
  await Promise.all([synced(mover), synced(watcher)]);
  const sticky = addElement(mover.doc, { type: 'event', name: 'Moved all the time', position: 0, y: 300 }).id;
  while (!boardMaps(watcher.doc).elements.has(sticky)) await sleep(5);
  const sent = new Map<number, number>();
  let samples: number[] = [];
  const edits = boardMaps(watcher.doc).edits;
  edits.observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      if (editTarget(key)?.field !== 'at') continue;
      const at = sent.get((edits.get(key) as [number[], string])[0][0]);
      if (at !== undefined) samples.push(now - at);
    }
  });
  let position = 0;
  return {
    async measure(ms) {
      samples = [];
      const period = 1000 / HZ;
      const start = performance.now();
      let next = start;
      while (performance.now() - start < ms) {
        if (performance.now() >= next) {
          sent.set(++position, performance.now());
          moveElements(mover.doc, { moves: [{ element_id: sticky, position }] });
          next += period;
        }
        await sleep(1);
      }
      await sleep(500);
      return samples;
    },
    close() {
      mover.destroy();
      watcher.destroy();
    },
  };
}

interface Tally {
  created: number;
  tooMany: number;
  busy: number;
  other: number;
  requestMs: number[];
}

/** `IMPORTERS` loops posting `file` until `stop()`, each waiting out a 429's or 503's Retry-After. */
function flood(server: BenchServer, file: string): { tally: Tally; stop(): Promise<Tally> } {
  const tally: Tally = { created: 0, tooMany: 0, busy: 0, other: 0, requestMs: [] };
  let running = true;
  const loop = async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: file });
      await res.arrayBuffer();
      if (res.status === 201) {
        tally.created++;
        tally.requestMs.push(performance.now() - started);
      } else if (res.status === 429 || res.status === 503) {
        if (res.status === 429) tally.tooMany++;
        else tally.busy++;
        const wait = Number(res.headers.get('retry-after') ?? 1) * 1000;
        const until = performance.now() + wait;
        while (running && performance.now() < until) await sleep(50);
      } else {
        tally.other++;
      }
    }
  };
  const loops = Array.from({ length: IMPORTERS }, loop);
  return {
    tally,
    async stop() {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}

function latency(prefix: string, samples: number[], extra: Record<string, unknown> = {}): void {
  for (const p of [50, 95, 99]) report(`${prefix}.p${p}`, percentile(samples, p), 'ms', { samples: samples.length, hz: HZ, ...extra });
}

async function scenario(name: string, env: Record<string, string>, untilRefused: boolean): Promise<void> {
  const prefix = `flood.${name}`;
  const server = await startBenchServer({ env });
  try {
    const file = bigFile();
    const room = await liveRoom(server);
    // Warm up: the server's and the clients' code paths, LevelDB, the JIT.
    await room.measure(3_000);
    latency(`${prefix}.roundtrip.idle`, await room.measure(MEASURE_MS));

    const importing = flood(server, file);
    const floodStart = performance.now();
    // Let the worker start and the first imports get going; with the rate limit on, until the burst is spent, so
    // what is measured is the steady state a flooder gets.
    await sleep(1_000);
    if (untilRefused) {
      while (importing.tally.tooMany === 0 && performance.now() - floodStart < 120_000) await sleep(100);
      report(`${prefix}.burst_spent_after`, (performance.now() - floodStart) / 1000, 's', { imports: importing.tally.created });
      importing.tally.created = 0;
      importing.tally.tooMany = 0;
      importing.tally.busy = 0;
      importing.tally.requestMs = [];
    }
    const measureStart = performance.now();
    const cpu = cpuWindow(server);
    let peak = server.rssMiB();
    const sampler = setInterval(() => (peak = Math.max(peak, server.rssMiB())), 200);
    const samples = await room.measure(MEASURE_MS);
    const share = cpu.share();
    clearInterval(sampler);
    const tally = await importing.stop();
    latency(`${prefix}.roundtrip.importing`, samples, { importers: IMPORTERS, file_mib: Math.round((file.length / 1024 / 1024) * 100) / 100, elements: 10_000 });
    report(`${prefix}.imports.created`, tally.created, 'imports', { window_s: Math.round((performance.now() - measureStart) / 100) / 10 });
    report(`${prefix}.imports.refused_429`, tally.tooMany, 'requests');
    report(`${prefix}.imports.refused_503`, tally.busy, 'requests');
    if (tally.other > 0) report(`${prefix}.imports.other_status`, tally.other, 'requests');
    report(`${prefix}.imports.request_p50`, percentile(tally.requestMs, 50), 'ms', { note: 'post to 201, queue wait included' });
    report(`${prefix}.cpu`, share * 100, '% of one core', { note: 'the server process, its import worker included' });
    report(`${prefix}.rss.peak`, peak, 'MiB');
    room.close();
  } finally {
    await server.stop();
  }
}

const only = process.env.BENCH_ONLY;
if (!only || only === 'default_limits') await scenario('default_limits', {}, true);
if (!only || only === 'no_rate_limit') {
  await scenario('no_rate_limit', { CREATE_BURST: '1000000', CREATE_RATE: '1000000', CREATE_BYTES_PER_HOUR: String(Number.MAX_SAFE_INTEGER) }, false);
}
process.exit(0);
