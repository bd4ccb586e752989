// The server in its own process for benchmarks, and what /proc says about it (CPU time, resident memory).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test-support/test-process';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

export interface BenchServer {
  child: ChildProcess;
  url: string;
  port: number;
  dataDir: string;
  /** CPU seconds used so far (user + system). */
  cpuSeconds(): number;
  /** Resident memory now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

export { freePort };

/** `root`: the checkout whose server/cli.ts runs (another checkout's, to bench an older version side by side). */
export async function startBenchServer(options: { dataDir?: string; port?: number; env?: Record<string, string>; root?: string } = {}): Promise<BenchServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'eventstorm-bench-')));
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', 'server/cli.ts'], {
    cwd: options.root ?? repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CONNECT_BURST: '100000',
      CONNECT_RATE: '100000',
      CREATE_BURST: '100000',
      CREATE_RATE: '1000000',
      ROOM_LINGER_MS: '500',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench server exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`bench server did not start:\n${output.join('')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const pid = child.pid!;
  return {
    child,
    url,
    port,
    dataDir,
    cpuSeconds() {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      } catch {
        return NaN;
      }
    },
    rssMiB() {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU share of the server over a window: call `start()`, then `share()` (1.0 is one core busy). */
export function cpuWindow(server: BenchServer): { share(): number } {
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  return { share: () => (server.cpuSeconds() - cpu0) / ((performance.now() - t0) / 1000) };
}
