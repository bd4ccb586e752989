import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Never download a browser: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own installed Chromium.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = Number(process.env.E2E_PORT ?? 3917);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // EVENTSTORM_TEST_HOOKS=1: the test build (dist-e2e/, with window.__eventstorm), never the production dist/.
  webServer: {
    command: `node scripts/start.js`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The specs make workshops far faster than people do (the limits have tests of their own).
    env: { EVENTSTORM_TEST_HOOKS: '1', PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: `.tmp/e2e-data-${PORT}`, LOG_LEVEL: 'warn', CREATE_BURST: '100000', CREATE_RATE: '1000000' },
  },
});
