// Storage: y-leveldb's layout, errors that surface, group commit, compaction, one process per DATA_DIR.
import { rm } from 'node:fs/promises';
import { LeveldbPersistence } from 'y-leveldb';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Storage } from './storage';
import { tempDir } from '../test-support/test-clients';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<{ storage: Storage; dir: string }> {
  const dir = await tempDir('eventstorm-storage-');
  dirs.push(dir);
  return { storage: await Storage.open(dir), dir };
}

function updates(n: number): { doc: Y.Doc; list: Uint8Array[] } {
  const doc = new Y.Doc();
  const list: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => list.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i % 7}`, i);
  return { doc, list };
}

describe('storage', () => {
  it('creates a document with its meta atomically, refuses to create it twice, and lists it', async () => {
    const { storage } = await open();
    const { doc } = updates(3);
    await storage.create('w1', Y.encodeStateAsUpdate(doc), { access: { edit: 'e', view: 'v' }, summary: { id: 'w1' } });
    await expect(storage.create('w1', Y.encodeStateAsUpdate(doc), {})).rejects.toThrow(/already exists/);
    expect(await storage.documentNames()).toEqual(['w1']);
    expect(await storage.getMeta('w1', 'access')).toEqual({ edit: 'e', view: 'v' });
    expect(await storage.getMeta('w1', 'nothing')).toBeUndefined();
    await storage.close();
  });

  it('group-commits appends from many documents, in order per document, readable by y-leveldb itself', async () => {
    const { storage, dir } = await open();
    const { doc, list } = updates(200);
    for (const name of ['a', 'b']) await storage.create(name, new Uint8Array([0, 0]), {});
    await Promise.all(list.flatMap((u) => [storage.append('a', u), storage.append('b', u)]));
    expect(storage.stats.appends).toBe(400);
    expect(storage.stats.batches).toBeLessThan(400);
    const stored = await storage.readDocument('a');
    expect(stored.updates).toHaveLength(201);
    const copy = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await storage.close();
    const plain = new LeveldbPersistence(dir);
    const viaYLeveldb = await (plain as unknown as { getYDoc(name: string): Promise<Y.Doc> }).getYDoc('b');
    expect(viaYLeveldb.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await plain.destroy();
  });

  it('compacts a log to one update, and appends carry on after it', async () => {
    const { storage } = await open();
    const { doc, list } = updates(50);
    await storage.create('c', list[0], {});
    for (const u of list.slice(1)) await storage.append('c', u);
    expect(await storage.logLength('c')).toBe(50);
    await storage.compact('c', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc));
    expect(await storage.logLength('c')).toBe(1);
    doc.getMap('m').set('after', true);
    await storage.append('c', Y.encodeStateAsUpdate(doc));
    const copy = new Y.Doc();
    for (const u of (await storage.readDocument('c')).updates) Y.applyUpdate(copy, u);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(await storage.logLength('c')).toBe(2);
    await storage.close();
  });

  it('refuses a second process on the same DATA_DIR with a message that says so, and writes after close', async () => {
    const { storage, dir } = await open();
    await expect(Storage.open(dir)).rejects.toThrow(/another EventStorm server/);
    await storage.close();
    await expect(storage.append('x', new Uint8Array([0, 0]))).rejects.toThrow(/closed/);
  });
});
