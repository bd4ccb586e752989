// MCP against the real server process: an answered tool call survives kill -9; the stdio bin relays to a running
// server, or brings one up itself when none answers.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TUTORIAL_FLOW_MARKDOWN, replayTutorial } from '../../fixtures/tutorial';
import { freePort, killStartedServers, repoRoot, startServerProcess } from '../../test-support/test-process';
import { startTestServer, tempDir } from '../../test-support/test-clients';
import { callOk, connectMcp } from '../../test-support/mcp-test-client';

afterAll(() => killStartedServers());

function stdioClient(env: Record<string, string>, stderr: string[]): { client: Client; transport: StdioClientTransport } {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(repoRoot, 'bin/eventstorm.js'), 'mcp'],
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return { client: new Client({ name: 'stdio-test', version: '0.0.0' }), transport };
}

describe('MCP durability', () => {
  it('a tool that answered has stored its change: kill -9 right after loses nothing', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startServerProcess(dataDir);
      const mcp = await connectMcp(first.url);
      const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Crash' });
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const added = await callOk(mcp, 'eventstorming_add_element', { workshop_id: created.workshop_id, type: 'event', name: `Thing ${i} Happened`, position: i });
        ids.push(String(added.element_id));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      await mcp.close().catch(() => undefined);

      const second = await startServerProcess(dataDir, first.port);
      const again = await connectMcp(second.url);
      const line = await callOk(again, 'eventstorming_get_timeline', { workshop_id: created.workshop_id, response_format: 'json', page_size: 100 });
      expect((line.timeline as { id: string }[]).map((e) => e.id).sort()).toEqual([...ids].sort());
      await again.close();
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('MCP over stdio (npx eventstorm mcp)', () => {
  it('relays to the running server: the tutorial replays and the analyses agree', async () => {
    const server = await startTestServer();
    const stderr: string[] = [];
    const { client, transport } = stdioClient({ EVENTSTORM_URL: server.url }, stderr);
    try {
      await client.connect(transport);
      const saved = await replayTutorial((tool, args) => callOk(client, tool, args));
      const workshop = saved.get('$workshop')!;
      const stats = await callOk(client, 'eventstorming_get_statistics', { workshop_id: workshop, response_format: 'json' });
      expect(stats).toMatchObject({ totals: { elements: 44, bounded_contexts: 4 }, relationships: { total_trigger_links: 18 }, coverage: { percent: 77.3 } });
      const flow = await callOk(client, 'eventstorming_visualize_flow', { workshop_id: workshop, max_depth: 10 });
      expect(String(flow.text).startsWith(TUTORIAL_FLOW_MARKDOWN)).toBe(true);
      // The relayed calls changed the server's own board.
      expect(await server.workshops.read(workshop, (snap) => snap.elements.length)).toBe(44);
      expect(stderr.join('')).toContain(`relaying to ${server.url}`);
    } finally {
      await client.close();
      await server.stop();
    }
  });

  it('starts the server itself when none answers, and says on stderr where the board is', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const stderr: string[] = [];
    const { client, transport } = stdioClient({ EVENTSTORM_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir }, stderr);
    try {
      await client.connect(transport);
      const created = await callOk(client, 'eventstorming_create_workshop', { name: 'Alone' });
      expect(String(created.board_url)).toContain(`http://127.0.0.1:${port}/w/${created.workshop_id}#key=`);
      expect(stderr.join('')).toContain(`the board is at http://127.0.0.1:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await client.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
