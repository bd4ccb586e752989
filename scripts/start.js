#!/usr/bin/env node
// `npm start`: build the app with vite when dist/ is missing or older than its sources, then run the server
// (server/cli.ts, through tsx) in this same process, so signals reach it directly.
// SKIP_BUILD=1 serves whatever the folder holds. EVENTSTORM_TEST_HOOKS=1 (the e2e run) builds and serves the test build
// instead, `vite build --mode e2e` into dist-e2e/ (DIST_DIR), with the hook the e2e specs drive; dist/ never has it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const testBuild = process.env.EVENTSTORM_TEST_HOOKS === '1';
const outDirName = testBuild ? 'dist-e2e' : 'dist';
const builtIndex = join(root, outDirName, 'index.html');
/** What the app bundle is made of (tests are not). */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function say(line) {
  process.stderr.write(`start: ${line}\n`);
}

function buildIfStale() {
  if (process.env.SKIP_BUILD === '1') return;
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((s) => newestChange(join(root, s))));
  if (builtAt >= changedAt) return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    if (builtAt > 0) {
      say(`${outDirName}/ is older than the sources, but vite is not installed: serving the old build`);
      return;
    }
    say(`the app is not built and vite is not installed: run \`npm install\` then \`npx vite build${testBuild ? ' --mode e2e' : ''}\``);
    process.exit(1);
  }
  const what = testBuild ? 'the test build of the app' : 'the app';
  say(builtAt === 0 ? `building ${what} (${outDirName}/ is missing)` : `rebuilding ${what} (sources changed since the last build)`);
  const args = [vite, 'build', ...(testBuild ? ['--mode', 'e2e'] : [])];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) {
    say(`vite build failed (exit ${result.status ?? result.signal}); fix the error above, or run with SKIP_BUILD=1 to serve the old build`);
    process.exit(1);
  }
}

buildIfStale();
if (testBuild) process.env.DIST_DIR = join(root, outDirName);
const { register } = await import('tsx/esm/api');
register();
await import('../server/cli.ts');
