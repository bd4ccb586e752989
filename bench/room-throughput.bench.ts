// How many edits a second one room takes: 20 writers (protocol clients, each its own Yjs client) share a rising
// total rate, one receiver measures edit-to-arrival latency. Every update is checked, applied to the room's
// document, stored and only then forwarded (issue 20); this bench says what that costs. The figure is the highest
// rate at which the receiver still gets ≥ 95% of the edits with p95 ≤ 50 ms.
// Knobs: BENCH_BASELINE=<another checkout of this repository> runs the same against that checkout's server, side by
// side (e.g. the commit before updates were applied first); BENCH_STEP_SECONDS (default 3).
import { percentile, report } from './report';
import { createWorkshop } from './browser';
import { ProtocolClient, Writer, latenciesOf, type SendTimes } from './server-clients';
import { cpuWindow, startBenchServer } from './server-process';

const WRITERS = 20;
const RATES = [1_000, 2_000, 4_000, 8_000, 12_000, 16_000, 24_000, 32_000];
const STEP_MS = Number(process.env.BENCH_STEP_SECONDS ?? 3) * 1000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function measure(label: string, root?: string): Promise<void> {
  const server = await startBenchServer({ root });
  try {
    const room = await createWorkshop(server, 'Throughput');
    const url = `${server.url.replace('http', 'ws')}/ws/${room.workshop_id}?key=${encodeURIComponent(room.edit_key)}`;
    const sent: SendTimes = new Map();
    let samples: number[] = [];
    const receiver = new ProtocolClient(url, (update) => latenciesOf(update, sent, performance.now(), samples));
    const writers = Array.from({ length: WRITERS }, (_, i) => new Writer(new ProtocolClient(url), 1_000 + i, sent));
    await Promise.all([receiver.synced, ...writers.map((w) => w.client.synced)]);
    let best = 0;
    for (const rate of RATES) {
      samples = [];
      sent.clear();
      const cpu = cpuWindow(server);
      const start = performance.now();
      let written = 0;
      let next = 0;
      while (performance.now() - start < STEP_MS) {
        const due = Math.floor(((performance.now() - start) / 1000) * rate);
        for (; written < due; written++) writers[next++ % WRITERS].write();
        await sleep(1);
      }
      await sleep(500);
      const share = cpu.share();
      const delivered = samples.length / written;
      const p95 = percentile(samples, 95);
      const extra = { label, target_per_s: rate, delivered: Math.round(delivered * 1000) / 1000, writers: WRITERS };
      report(`room_throughput.${label}.p95_at_${rate}`, p95, 'ms', extra);
      report(`room_throughput.${label}.cpu_at_${rate}`, share * 100, '% of one core', extra);
      if (delivered >= 0.95 && p95 <= 50) best = rate;
      else if (delivered < 0.5) break;
    }
    report(`room_throughput.${label}.edits_per_s`, best, 'edits/s', { criterion: '≥95% delivered, p95 ≤ 50 ms', writers: WRITERS });
    receiver.close();
    for (const w of writers) w.client.close();
  } finally {
    await server.stop();
  }
}

await measure('ours');
if (process.env.BENCH_BASELINE) await measure('baseline', process.env.BENCH_BASELINE);
process.exit(0);
