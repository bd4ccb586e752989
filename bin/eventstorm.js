#!/usr/bin/env node
// `eventstorm mcp`  — serve the EventStorm MCP tools over stdio (see README).
// `eventstorm serve` — start the board server (what `npm start` runs after building the app).
import { register } from 'tsx/esm/api';

register();
const command = process.argv[2] ?? 'help';
if (command === 'mcp') {
  const { runStdio } = await import('../server/mcp/stdio.ts');
  await runStdio();
} else if (command === 'serve') {
  await import('../server/cli.ts');
} else {
  process.stderr.write('usage: eventstorm mcp    serve the MCP tools over stdio (EVENTSTORM_URL, MCP_TOKEN, DATA_DIR)\n       eventstorm serve  start the board server (PORT, HOST, DATA_DIR, PUBLIC_URL)\n');
  process.exit(command === 'help' || command === '--help' ? 0 : 2);
}
