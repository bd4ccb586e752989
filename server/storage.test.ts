// Storage: y-leveldb's layout, errors that surface, group commit, compaction, one ordered chain, one process per DATA_DIR.
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
    const viaYLeveldb = await plain.getYDoc('b');
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

  it('writes what y-leveldb reads through its public API: documents, state vectors, metas', async () => {
    // Storage writes y-leveldb's layout itself, into the database y-leveldb built with its own encodings.
    const { storage, dir } = await open();
    const { doc, list } = updates(20);
    await storage.create('w', list[0], { access: { edit: 'e', view: 'v' } }, Y.encodeStateVectorFromUpdate(list[0]));
    for (const u of list.slice(1, 10)) await storage.append('w', u);
    await storage.compact('w', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc));
    for (const u of list.slice(10)) await storage.append('w', u);
    await storage.setMeta('w', 'summary', { id: 'w', n: 1 });
    await storage.close();
    const plain = new LeveldbPersistence(dir);
    expect(await plain.getAllDocNames()).toEqual(['w']);
    expect(await plain.getMeta('w', 'access')).toEqual({ edit: 'e', view: 'v' });
    expect(Object.fromEntries(await plain.getMetas('w'))).toEqual({ access: { edit: 'e', view: 'v' }, summary: { id: 'w', n: 1 } });
    expect((await plain.getYDoc('w')).getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    expect(await plain.getStateVector('w')).toEqual(Y.encodeStateVector(doc));
    await plain.destroy();
  });

  it('reads what y-leveldb wrote', async () => {
    const dir = await tempDir('eventstorm-storage-');
    dirs.push(dir);
    const plain = new LeveldbPersistence(dir);
    const { doc, list } = updates(5);
    for (const u of list) await plain.storeUpdate('p', u);
    await plain.destroy();
    const storage = await Storage.open(dir);
    expect(await storage.documentNames()).toEqual(['p']);
    const stored = await storage.readDocument('p');
    expect(stored.clock).toBe(4);
    const copy = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await storage.append('p', Y.encodeStateAsUpdate(doc));
    expect(await storage.logLength('p')).toBe(6);
    await storage.close();
  });

  it('runs operations one at a time, in the order they were called, and a failure rejects only its own', async () => {
    const { storage } = await open();
    const { doc, list } = updates(30);
    // Nothing awaited in between: each must see exactly what the ones called before it left. (Appends are
    // group-committed: they join the chain when the batch before theirs is written, so they are awaited first.)
    const created = storage.create('o', list[0], {});
    const twice = storage.create('o', list[0], {});
    const lengthFirst = storage.logLength('o');
    await created;
    await expect(twice).rejects.toThrow(/already exists/);
    expect(await lengthFirst).toBe(1);
    await Promise.all(list.slice(1).map((u) => storage.append('o', u)));
    const lengthBefore = storage.logLength('o');
    const compacted = storage.compact('o', Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc));
    const lengthAfter = storage.logLength('o');
    const read = storage.readDocument('o');
    expect(await lengthBefore).toBe(30);
    await compacted;
    expect(await lengthAfter).toBe(1);
    const stored = await read;
    expect(stored.updates).toHaveLength(1);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, stored.updates[0]);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    // Reads called after close find the database closed, and say so.
    const closing = storage.close();
    const late = storage.getMeta('o', 'x');
    await closing;
    await expect(late).rejects.toThrow();
  });

  it('refuses a second process on the same DATA_DIR with a message that says so, and writes after close', async () => {
    const { storage, dir } = await open();
    await expect(Storage.open(dir)).rejects.toThrow(/another EventStorm server/);
    await storage.close();
    await expect(storage.append('x', new Uint8Array([0, 0]))).rejects.toThrow(/closed/);
  });
});
