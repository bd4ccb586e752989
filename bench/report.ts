// Benchmarks print one JSON line per figure: {"bench": ..., "value": ..., "unit": ...}. Never asserted in tests.

export function report(bench: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  const rounded = Math.round(value * 1000) / 1000;
  process.stdout.write(`${JSON.stringify({ bench, value: rounded, unit, ...extra })}\n`);
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Run `fn` `runs` times after `warmup` runs; answer the times in milliseconds. */
export function timeRuns(fn: () => unknown, runs = 15, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}
