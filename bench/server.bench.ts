// The sync server under load, on loopback, with the server in its own process and Node clients in this one:
// 1. one room of 50 real y-websocket clients, 5 of them moving stickies at 30 Hz: edit-to-arrival latency;
// 2. 100 rooms × 10 protocol clients, 2 writers each at 30 Hz: latency, server RSS (peak, and after all leave);
//    again with 50 rooms;
// 3. cold load of a stored 10,000-element workshop, as made and after a workshop's edits: ms from connecting to the
//    first `synced`, with the client in this process and in a process of its own.
// Plus the server's CPU share in each (100% = one core). Figures are printed, never asserted.
// Knobs: BENCH_SECONDS (measuring window, default 10), BENCH_ONLY=room50|rooms100|rooms50|cold10k|cold10k_edited,
// BENCH_SERVER_PROF=1 (the server writes a V8 CPU profile to /tmp/prof).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addElement, boardMaps, editTarget, moveElements, updateElement } from '../src/board';
import { percentile, report } from './report';
import { createWorkshop, type Created } from './browser';
import { ProtocolClient, Writer, latenciesOf, type SendTimes } from './server-clients';
import { cpuWindow, startBenchServer, type BenchServer } from './server-process';

process.setMaxListeners(0);
const execFileAsync = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const HZ = 30;
const MEASURE_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function provider(server: BenchServer, room: Created, doc = new Y.Doc(), connect = true): WebsocketProvider {
  return new WebsocketProvider(`${server.url.replace('http', 'ws')}/ws`, room.workshop_id, doc, {
    params: { key: room.edit_key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect,
  });
}

function synced(p: WebsocketProvider): Promise<void> {
  return p.synced ? Promise.resolve() : new Promise((resolve) => p.once('sync', () => resolve()));
}

/** Run `tick(i)` for each of `count` writers at `HZ`, each on its own phase, until `ms` have passed. */
async function drive(count: number, ms: number, tick: (writer: number) => void): Promise<void> {
  const period = 1000 / HZ;
  const start = performance.now();
  const next = Array.from({ length: count }, (_, i) => start + (i / count) * period);
  while (performance.now() - start < ms) {
    const now = performance.now();
    for (let i = 0; i < count; i++) {
      if (now >= next[i]) {
        tick(i);
        next[i] += period;
        if (next[i] < now) next[i] = now + period;
      }
    }
    await sleep(1);
  }
}

function reportLatency(prefix: string, samples: number[], extra: Record<string, unknown>): void {
  for (const p of [50, 95, 99]) report(`${prefix}.latency.p${p}`, percentile(samples, p), 'ms', { samples: samples.length, ...extra });
}

async function oneBusyRoom(): Promise<void> {
  const server = await startBenchServer();
  try {
    const room = await createWorkshop(server, 'Busy room');
    const clients = Array.from({ length: 50 }, () => provider(server, room));
    await Promise.all(clients.map(synced));
    const writers = clients.slice(0, 5);
    const stickies = writers.map((w, i) => addElement(w.doc, { type: 'event', name: `Dragged by writer ${i}`, position: 0, y: 300 + i * 120 }).id);
    await sleep(500);
    // Each writer moves its sticky to position = sequence number; every other client records when that arrives.
    const sent = new Map<string, number>();
    const samples: number[] = [];
    let measuring = false;
    clients.forEach((c) => {
      const edits = boardMaps(c.doc).edits;
      edits.observe((event) => {
        const now = performance.now();
        if (event.transaction.local) return;
        for (const key of event.keysChanged) {
          const target = editTarget(key);
          if (target?.field !== 'at') continue;
          const at = sent.get(`${target.id}:${(edits.get(key) as [number[], string])[0][0]}`);
          if (at !== undefined && measuring) samples.push(now - at);
        }
      });
    });
    const seq = [0, 0, 0, 0, 0];
    const tick = (i: number) => {
      const position = ++seq[i];
      sent.set(`${stickies[i]}:${position}`, performance.now());
      moveElements(writers[i].doc, { moves: [{ element_id: stickies[i], position }] });
    };
    await drive(5, 1_000, tick);
    measuring = true;
    const cpu = cpuWindow(server);
    await drive(5, MEASURE_MS, tick);
    const share = cpu.share();
    await sleep(300);
    measuring = false;
    reportLatency('server.room50', samples, { clients: 50, writers: 5, hz: HZ });
    report('server.room50.cpu', share * 100, '% of one core', { window_s: MEASURE_MS / 1000 });
    report('server.room50.rss', server.rssMiB(), 'MiB');
    for (const c of clients) c.destroy();
  } finally {
    await server.stop();
  }
}

async function manyRooms(roomCount: number): Promise<void> {
  const prefix = `server.rooms${roomCount}`;
  const server = await startBenchServer();
  try {
    await sleep(500);
    const baseline = server.rssMiB();
    const rooms = await Promise.all(Array.from({ length: roomCount }, (_, i) => createWorkshop(server, `Room ${i}`)));
    const sent: SendTimes = new Map();
    const samples: number[] = [];
    let measuring = false;
    const clients: ProtocolClient[] = [];
    const writers: Writer[] = [];
    for (const [r, room] of rooms.entries()) {
      const url = `${server.url.replace('http', 'ws')}/ws/${room.workshop_id}?key=${room.edit_key}`;
      for (let c = 0; c < 10; c++) {
        // Two writers per room; every receiver measures (the header alone says whose update it is).
        const client = new ProtocolClient(url, c < 2 ? undefined : (update) => {
          if (measuring) latenciesOf(update, sent, performance.now(), samples);
        });
        clients.push(client);
        if (c < 2) writers.push(new Writer(client, 1_000_000 + r * 10 + c, sent));
      }
      if (r % 10 === 9) await Promise.all(clients.slice(-100).map((c) => c.synced));
    }
    await Promise.all(clients.map((c) => c.synced));
    let peak = server.rssMiB();
    const sampler = setInterval(() => (peak = Math.max(peak, server.rssMiB())), 200);
    await drive(writers.length, 2_000, (i) => writers[i].write());
    measuring = true;
    const cpu = cpuWindow(server);
    const clientCpu = process.cpuUsage();
    await drive(writers.length, MEASURE_MS, (i) => writers[i].write());
    const share = cpu.share();
    const used = process.cpuUsage(clientCpu);
    report(`${prefix}.client_cpu`, ((used.user + used.system) / 1e6 / (MEASURE_MS / 1000)) * 100, '% of one core', { note: 'the bench clients, all in this process' });
    await sleep(300);
    measuring = false;
    clearInterval(sampler);
    peak = Math.max(peak, server.rssMiB());
    reportLatency(prefix, samples, { rooms: roomCount, clients_per_room: 10, writers_per_room: 2, hz: HZ });
    report(`${prefix}.cpu`, share * 100, '% of one core', { window_s: MEASURE_MS / 1000 });
    report(`${prefix}.rss.baseline`, baseline, 'MiB');
    report(`${prefix}.rss.peak`, peak, 'MiB');
    for (const c of clients) c.close();
    // Rooms unload 0.5 s after their last client; give V8 a few seconds to hand memory back.
    await sleep(5_000);
    report(`${prefix}.rss.after_leave`, server.rssMiB(), 'MiB', { after_s: 5 });
  } finally {
    await server.stop();
  }
}

/**
 * `fresh`: 10,000 stickies as an import or an assistant makes them; `edited`: the same board after a workshop's
 * worth of changes (every sticky moved twice, every other one renamed, a third given a note), each its own operation.
 */
async function coldLoad(variant: 'fresh' | 'edited'): Promise<void> {
  const prefix = variant === 'fresh' ? 'server.cold10k' : 'server.cold10k_edited';
  const dataDir = await mkdtemp(join(tmpdir(), 'eventstorm-bench-cold-'));
  const first = await startBenchServer({ dataDir });
  let room: Created;
  try {
    room = await createWorkshop(first, 'Ten thousand stickies');
    const filler = provider(first, room);
    await synced(filler);
    filler.doc.transact(() => {
      for (let i = 0; i < 10_000; i++) {
        addElement(filler.doc, { type: 'event', name: `Sticky number ${i}`, description: 'A sticky with a little text on it.', position: i % 100, y: 300 + Math.floor(i / 100) * 120 });
      }
    });
    if (variant === 'edited') {
      const ids = [...boardMaps(filler.doc).elements.keys()];
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < ids.length; i += 50) {
          filler.doc.transact(() => {
            for (const [k, id] of ids.slice(i, i + 50).entries()) {
              moveElements(filler.doc, { moves: [{ element_id: id, position: ((i + k) % 100) + 0.5 * (round + 1), y: 300 + Math.floor((i + k) / 100) * 120 }] });
              if (round === 0 && (i + k) % 2 === 0) updateElement(filler.doc, { element_id: id, name: `Renamed sticky ${i + k}` });
              if (round === 1 && (i + k) % 3 === 0) updateElement(filler.doc, { element_id: id, notes: 'A note added later.' });
            }
          });
        }
      }
    }
    const bytes = Y.encodeStateAsUpdate(filler.doc).byteLength;
    const check = provider(first, room);
    await synced(check);
    while (boardMaps(check.doc).elements.size < 10_000) await sleep(20);
    report(`${prefix}.update_size`, bytes / 1024 / 1024, 'MiB');
    filler.destroy();
    check.destroy();
  } finally {
    await first.stop().catch(() => {});
  }

  const received: number[] = [];
  const timeToSync = async (server: BenchServer) => {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    const p = provider(server, room, new Y.Doc(), false);
    // When the message that makes the client synced arrives (before the client applies it): the server's part.
    const handleSync = p.messageHandlers[0];
    let arrived = NaN;
    p.messageHandlers[0] = (...args) => {
      const at = performance.now();
      handleSync(...args);
      if (p.synced && Number.isNaN(arrived)) arrived = at - started;
    };
    p.connect();
    await synced(p);
    const ms = performance.now() - started;
    received.push(arrived);
    if (boardMaps(p.doc).elements.size !== 10_000) throw new Error(`first sync showed ${boardMaps(p.doc).elements.size} stickies`);
    p.destroy();
    return ms;
  };
  // A fresh server process each time: nothing of the workshop is in memory.
  const processCold: number[] = [];
  const roomCold: number[] = [];
  let cpu = NaN;
  for (let run = 0; run < 3; run++) {
    const server = await startBenchServer({ dataDir });
    try {
      processCold.push(await timeToSync(server));
      if (run === 0) {
        // Same process, room unloaded again (0.5 s after its last client): the steady-state cold load.
        const window = cpuWindow(server);
        for (let i = 0; i < 5; i++) {
          await sleep(900);
          roomCold.push(await timeToSync(server));
        }
        cpu = window.share();
      }
    } finally {
      await server.stop();
    }
  }
  // A participant opening the board in a process of its own: nothing of Yjs warmed up, a heap of its own.
  const clientCold: number[] = [];
  const server = await startBenchServer({ dataDir });
  try {
    for (let i = 0; i < 5; i++) {
      await sleep(900);
      const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(here, 'cold-client.ts'), `${server.url.replace('http', 'ws')}/ws`, room.workshop_id, room.edit_key]);
      const answer = JSON.parse(stdout) as { ms: number; elements: number };
      if (answer.elements !== 10_000) throw new Error(`first sync showed ${answer.elements} stickies`);
      clientCold.push(answer.ms);
    }
  } finally {
    await server.stop();
  }
  report(`${prefix}.first_sync.fresh_process`, percentile(processCold, 50), 'ms', { runs: processCold.length, max: Math.round(Math.max(...processCold)) });
  report(`${prefix}.first_sync.fresh_client_process`, percentile(clientCold, 50), 'ms', {
    runs: clientCold.length,
    max: Math.round(Math.max(...clientCold)),
    note: 'the client in a new process (as a new browser tab), the room unloaded',
  });
  report(`${prefix}.first_sync.unloaded_room`, percentile(roomCold, 50), 'ms', { runs: roomCold.length, max: Math.round(Math.max(...roomCold)) });
  report(`${prefix}.board_received`, percentile(received, 50), 'ms', {
    runs: received.length,
    max: Math.round(Math.max(...received)),
    note: 'connect to the whole stored board arriving at the client; first_sync adds the client applying it',
  });
  report(`${prefix}.cpu`, cpu * 100, '% of one core', { note: 'over 5 loads with 0.9 s pauses' });
  await rm(dataDir, { recursive: true, force: true });
}

const started = performance.now();
const only = process.env.BENCH_ONLY;
if (!only || only === 'room50') await oneBusyRoom();
if (!only || only === 'rooms100') await manyRooms(100);
// The same at half the rooms: where this machine (clients and server sharing its cores) is not saturated.
if (!only || only === 'rooms50') await manyRooms(50);
if (!only || only === 'cold10k') await coldLoad('fresh');
if (!only || only === 'cold10k' || only === 'cold10k_edited') await coldLoad('edited');
report('server.bench.duration', (performance.now() - started) / 1000, 's');
process.exit(0);
