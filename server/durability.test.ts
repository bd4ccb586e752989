// Durability with the real server process (`node --import tsx server/cli.ts`): `kill -9` loses nothing any client
// had received, a client's first `synced` after the restart already shows all of it, edits made while the server
// was down re-sync from both sides; SIGTERM stores everything and exits cleanly.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { addElement, boardMaps } from '../src/board';
import { connectClient, sleep, tempDir, waitFor, type TestClient } from '../test-support/test-clients';
import { killStartedServers, startServerProcess } from '../test-support/test-process';


const startProcess = startServerProcess;

async function createWorkshop(url: string, name: string): Promise<{ workshop_id: string; edit_key: string; view_key: string }> {
  const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { workshop_id: string; edit_key: string; view_key: string };
}

const keysOf = (client: TestClient) => new Set(boardMaps(client.doc).elements.keys());
const namesOf = (client: TestClient) => client.snap().elements.map((e) => e.name);

afterAll(() => killStartedServers());

describe('durability of the server process', () => {
  it('kill -9 loses nothing a client had received; the first synced after restart shows it all; offline edits re-sync both ways', async () => {
    const dataDir = await tempDir();
    const clients: TestClient[] = [];
    try {
      const first = await startProcess(dataDir);
      const { workshop_id: id, edit_key: key } = await createWorkshop(first.url, 'Crash test');
      const writer = connectClient(first.url, id, { key });
      const watcher = connectClient(first.url, id, { key });
      clients.push(writer, watcher);
      await Promise.all([writer.synced(), watcher.synced()]);

      // The writer streams stickies; the server dies mid-stream, while the watcher is receiving.
      let streaming = true;
      let written = 0;
      const stream = (async () => {
        while (streaming) {
          addElement(writer.doc, { type: 'event', name: `stream ${written}`, position: written % 50, y: 300 + Math.floor(written / 50) * 120 });
          written++;
          if (written % 4 === 0) await sleep(1);
        }
      })();
      await waitFor(() => boardMaps(watcher.doc).elements.size >= 150, 'the watcher to receive 150 stickies');
      first.child.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      streaming = false;
      await stream;
      await waitFor(() => !watcher.provider.wsconnected && !writer.provider.wsconnected, 'both clients to see the server gone');
      // Hold both clients offline so they cannot re-send what the server may have lost: the store alone must have it.
      writer.provider.disconnect();
      watcher.provider.disconnect();
      const received = keysOf(watcher);
      expect(received.size).toBeGreaterThanOrEqual(150);

      // Edits made while the server is down, on both sides.
      addElement(writer.doc, { type: 'hotspot', name: 'writer offline' });
      addElement(watcher.doc, { type: 'policy', name: 'watcher offline' });

      const second = await startProcess(dataDir, first.port);
      const fresh = connectClient(second.url, id, { key });
      clients.push(fresh);
      const atFirstSync = await new Promise<Set<string>>((resolve) => fresh.provider.once('sync', () => resolve(keysOf(fresh))));
      const lost = [...received].filter((k) => !atFirstSync.has(k));
      expect(lost, 'stickies the watcher had received but the restarted server had not').toEqual([]);
      addElement(fresh.doc, { type: 'read_model', name: 'after restart' });

      writer.provider.connect();
      watcher.provider.connect();
      await waitFor(
        () => [writer, watcher].every((c) => JSON.stringify(c.snap()) === JSON.stringify(fresh.snap())) && namesOf(fresh).includes('writer offline'),
        'all three clients to converge',
      );
      const names = namesOf(fresh);
      expect(names).toEqual(expect.arrayContaining(['writer offline', 'watcher offline', 'after restart']));
      // Everything the writer made (it kept its own copy) is on the board again.
      expect(boardMaps(fresh.doc).elements.size).toBe(written + 3);

      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    } finally {
      for (const c of clients) c.destroy();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('SIGTERM stores everything and exits 0; the next start has it all', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startProcess(dataDir);
      const { workshop_id: id, edit_key: key } = await createWorkshop(first.url, 'Clean stop');
      const writer = connectClient(first.url, id, { key });
      const watcher = connectClient(first.url, id, { key });
      await Promise.all([writer.synced(), watcher.synced()]);
      for (let i = 0; i < 100; i++) addElement(writer.doc, { type: 'command', name: `C${i}`, position: i, y: 200 });
      await waitFor(() => boardMaps(watcher.doc).elements.size === 100, 'the watcher to receive all 100');
      writer.destroy();
      watcher.destroy();
      first.child.kill('SIGTERM');
      expect((await first.exited).code).toBe(0);
      expect(first.output.join('')).toContain('server.closed');

      const second = await startProcess(dataDir, first.port);
      const reader = connectClient(second.url, id, { key });
      await reader.synced();
      expect(boardMaps(reader.doc).elements.size).toBe(100);
      reader.destroy();
      second.child.kill('SIGINT');
      expect((await second.exited).code).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
