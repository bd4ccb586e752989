// The built app the server serves: the production build (`vite build`, what `npm start` serves) holds no test hook,
// not in its code and not in its source maps; the test build (`vite build --mode e2e`, dist-e2e/) has the hook the
// e2e specs and benches drive, which shows the search below finds it where it is. Production code finds no DOM node
// by its test id either.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../test-support/test-process';

const run = promisify(execFile);
const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
/** What only a test build may hold: the window property, and the module that sets it (src/test-hooks/boardHook.ts). */
const TEST_ONLY = ['__eventstorm', 'boardHook', 'test-hooks'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Each test-only string with the built files (relative to `dir`) that contain it. */
async function testOnlyStrings(dir: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = Object.fromEntries(TEST_ONLY.map((s) => [s, []]));
  for (const file of await filesUnder(dir)) {
    const text = await readFile(file, 'latin1');
    for (const s of TEST_ONLY) if (text.includes(s)) found[s].push(relative(dir, file));
  }
  return found;
}

async function build(outDir: string, mode?: string): Promise<void> {
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...(mode ? ['--mode', mode] : [])];
  // Not vitest's NODE_ENV=test: a build as `npm run build` makes it.
  const { NODE_ENV: _, ...env } = process.env;
  await run(process.execPath, args, { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 });
}

describe.skipIf(!existsSync(vite))('the built app', () => {
  let tmp: string;
  const production = () => join(tmp, 'production');
  const e2e = () => join(tmp, 'e2e');

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'eventstorm-dist-'));
    await Promise.all([build(production()), build(e2e(), 'e2e')]);
  }, 180_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('the production build holds no __eventstorm and no test-only module, in its code or its source maps', async () => {
    const files = await filesUnder(production());
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    expect(files.some((f) => f.endsWith('.js.map'))).toBe(true);
    expect(await testOnlyStrings(production())).toEqual(Object.fromEntries(TEST_ONLY.map((s) => [s, []])));
  });

  it('the e2e build holds the hook (so the search above finds it when it is there)', async () => {
    const found = await testOnlyStrings(e2e());
    expect(found.__eventstorm.some((f) => f.endsWith('.js'))).toBe(true);
    expect(found.boardHook.some((f) => f.endsWith('.map'))).toBe(true);
  });
});

describe('production code', () => {
  it('finds no DOM node by its test id', async () => {
    const src = join(repoRoot, 'src');
    const offenders: string[] = [];
    for (const file of await filesUnder(src)) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.includes(`${join(src, 'test-hooks')}`)) continue;
      const text = await readFile(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\[data-testid|getByTestId|dataset\.testid\s*[!=]==|getAttribute\(\s*['"]data-testid/.test(line)) offenders.push(`${relative(repoRoot, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
