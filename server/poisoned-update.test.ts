// Issue 20, point 1: an update that decodes but does not apply, sent in the middle of another client's stream,
// must cost nothing but its sender's connection. Before the fix it was stored merged with other people's updates
// and the next load skipped the whole record: edits a watcher had received live were gone. Each way a room can
// end (kill -9, SIGTERM, a plain unload without restart) is tried with the real server process.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, boardMaps } from '../src/board';
import { inapplicableUpdate, syncUpdateMessage, type Inapplicable } from '../test-support/crafted-updates';
import { createLogger } from './log';
import { Storage } from './storage';
import { closeCode, connectClient, rawSocket, sleep, startTestServer, tempDir, waitFor, wsBase, type TestClient } from '../test-support/test-clients';
import { killStartedServers, startServerProcess, type ServerProcess } from '../test-support/test-process';

afterAll(() => killStartedServers());

async function createWorkshop(url: string): Promise<{ id: string; key: string }> {
  const res = await fetch(`${url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Poison' }) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { workshop_id: string; edit_key: string };
  return { id: body.workshop_id, key: body.edit_key };
}

const keysOf = (client: TestClient) => new Set(boardMaps(client.doc).elements.keys());
const KINDS: Inapplicable[] = ['missing-parent', 'missing-origin', 'missing-parent', 'missing-origin', 'missing-parent', 'missing-origin'];

/** A writer streams 240 stickies; six attackers each send one poisoned update while it does (from the highest client ids, which Yjs integrates first). */
async function streamWithPoison(server: ServerProcess, id: string, key: string) {
  const writer = connectClient(server.url, id, { key });
  const watcher = connectClient(server.url, id, { key });
  await Promise.all([writer.synced(), watcher.synced()]);
  const attackers = await Promise.all(
    KINDS.map(async () => {
      const result = await rawSocket(`${wsBase(server.url)}/${id}?key=${encodeURIComponent(key)}`);
      if (!('ws' in result)) throw new Error(`attacker refused: ${result.status}`);
      return result.ws;
    }),
  );
  const closes = attackers.map((ws) => closeCode(ws, 20_000));
  for (let i = 0; i < 240; i++) {
    addElement(writer.doc, { type: 'event', name: `stream ${i}`, position: i % 40, y: 300 + Math.floor(i / 40) * 120 });
    if (i % 40 === 20) {
      const a = Math.floor(i / 40);
      attackers[a].send(syncUpdateMessage(inapplicableUpdate(KINDS[a], 4_294_967_000 + a)));
    }
    // Around each poisoned update the writer sends a burst, so that it queues together with other people's edits.
    if (i % 40 < 20 || i % 40 > 30) await sleep(1);
  }
  await waitFor(() => keysOf(watcher).size >= 240, 'the watcher to receive all 240 stickies');
  const codes = await Promise.all(closes);
  return { writer, watcher, received: keysOf(watcher), codes };
}

function lost(received: Set<string>, now: Set<string>): string[] {
  return [...received].filter((k) => !now.has(k));
}

describe('an update that decodes but does not apply', () => {
  for (const ending of ['kill -9', 'SIGTERM', 'unload'] as const) {
    it(`costs only its sender: after ${ending}, every edit the watcher saw is on the board`, async () => {
      const dataDir = await tempDir();
      const clients: TestClient[] = [];
      try {
        const first = await startServerProcess(dataDir);
        const { id, key } = await createWorkshop(first.url);
        const { writer, watcher, received, codes } = await streamWithPoison(first, id, key);
        clients.push(writer, watcher);
        expect(codes, 'each attacker is closed as malformed').toEqual(KINDS.map(() => 1003));
        writer.provider.disconnect();
        watcher.provider.disconnect();

        let server = first;
        if (ending === 'kill -9') {
          first.child.kill('SIGKILL');
          await first.exited;
          server = await startServerProcess(dataDir, first.port);
        } else if (ending === 'SIGTERM') {
          first.child.kill('SIGTERM');
          expect((await first.exited).code).toBe(0);
          server = await startServerProcess(dataDir, first.port);
        } else {
          await waitFor(() => first.output.join('').includes('room.unload'), 'the room to unload');
        }
        const fresh = connectClient(server.url, id, { key });
        clients.push(fresh);
        await fresh.synced();
        expect(lost(received, keysOf(fresh)), 'stickies the watcher had received that the board lost').toEqual([]);
        expect(server.output.join(''), 'no stored record failed to load').not.toContain('room.load.skipped-update');
        const poison = [...received, ...keysOf(fresh)].filter((k) => k.startsWith('bad-'));
        expect(poison, 'no part of a poisoned update reached anyone or was stored').toEqual([]);
      } finally {
        for (const c of clients) c.destroy();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  }
});

describe('a stored record that fails to load', () => {
  it('costs only itself: the records around it load, and the log says how much was skipped', async () => {
    const dataDir = await tempDir();
    try {
      const first = await startTestServer({ dataDir });
      const { meta } = await first.workshops.create({ name: 'Old log' });
      await first.stop();

      // What an older server could store: a poisoned update merged with someone's edit, then a good record.
      const someone = new Y.Doc();
      addElement(someone, { type: 'event', name: 'Lost with the bad record' });
      const later = new Y.Doc();
      addElement(later, { type: 'command', name: 'Stored after it' });
      const storage = await Storage.open(dataDir);
      const bad = Y.mergeUpdates([inapplicableUpdate('missing-parent', 4_294_967_001), Y.encodeStateAsUpdate(someone)]);
      await storage.append(meta.id, bad);
      await storage.append(meta.id, Y.encodeStateAsUpdate(later));
      await storage.close();

      const lines: string[] = [];
      const second = await startTestServer({ dataDir, logger: createLogger('info', (line) => lines.push(line)) });
      try {
        const names = await second.workshops.read(meta.id, (snap) => snap.elements.map((e) => e.name));
        expect(names).toContain('Stored after it');
        expect(await second.workshops.read(meta.id, (snap) => snap.meta.name)).toBe('Old log');
        const skipped = lines.find((line) => line.includes('room.load.skipped-update'));
        expect(skipped, 'the skipped record is logged').toBeDefined();
        expect(skipped).toContain(`bytes=${bad.byteLength}`);
        expect(lines.find((line) => /room\.load(?![.\w-])/.test(line)), 'the load line counts it').toContain('skipped=1');
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
