import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/** `--mode e2e`: the test build (dist-e2e/), the one with the hook the e2e specs and the browser benches drive. */
export const TEST_MODE = 'e2e';

const probe = fileURLToPath(new URL('./src/ui/board/probe.ts', import.meta.url));
const boardHook = fileURLToPath(new URL('./src/test-hooks/boardHook.ts', import.meta.url));

/**
 * The test build's hook: src/test-hooks/boardHook.ts in place of src/ui/board/probe.ts (which exposes nothing).
 * Without this plugin nothing imports the hook, so no byte of it reaches the production build (server/dist.test.ts).
 */
function testHooks(): Plugin {
  return {
    name: 'eventstorm-test-hooks',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] === probe) return `export * from ${JSON.stringify(boardHook)};\n`;
      return undefined;
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), ...(mode === TEST_MODE ? [testHooks()] : [])],
  build: { outDir: mode === TEST_MODE ? 'dist-e2e' : 'dist', sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/mcp': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
}));
