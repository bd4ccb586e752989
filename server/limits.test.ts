// Rates: awareness beyond 30 updates a second per client is dropped (its latest state still arrives), and a
// connection flood from one address is throttled; neither affects the room or its other clients.
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addElement } from '../src/board';
import { AddressThrottle, TokenBucket } from './limits';
import { encodeAwarenessEntries } from './sync-protocol';
import { connectClient, rawSocket, sleep, startTestServer, waitFor, wsBase, type TestServer } from '../test-support/test-clients';

describe('token buckets', () => {
  it('allow a burst, then the refill rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.wait()).toBe(500);
    now += 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now += 10_000;
    expect(bucket.full()).toBe(true);
  });

  it('throttle each address on its own and forget the quiet ones', () => {
    let now = 0;
    const throttle = new AddressThrottle(2, 1, () => now);
    expect([throttle.allow('a'), throttle.allow('a'), throttle.allow('a')]).toEqual([true, true, false]);
    expect(throttle.allow('b')).toBe(true);
    now += 1_000;
    expect(throttle.allow('a')).toBe(true);
    now += 60_000;
    for (let i = 0; i < 1000; i++) throttle.allow(`x${i % 5}`);
    expect(throttle.size).toBeLessThanOrEqual(5 + 2);
  });
});

function awarenessMessage(clientID: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries([{ clientID, clock, json: JSON.stringify(state) }]));
  return encoding.toUint8Array(encoder);
}

describe('awareness rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('drops a client’s awareness beyond 30 a second, still delivering its latest state, and lets no one speak for another', async () => {
    const { meta, editKey } = await server.workshops.create({ name: 'Chatty' });
    const observer = connectClient(server.url, meta.id, { key: editKey });
    await observer.synced();
    const seen: number[] = [];
    observer.provider.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const id of [...added, ...updated]) if (id === 4242) seen.push((observer.provider.awareness.getStates().get(4242) as { n: number }).n);
    });
    const result = await rawSocket(`${wsBase(server.url)}/${meta.id}?key=${editKey}`);
    if (!('ws' in result)) throw new Error('refused');
    for (let i = 1; i <= 300; i++) result.ws.send(awarenessMessage(4242, i, { n: i }));
    await waitFor(() => seen.at(-1) === 300, 'the latest awareness state to arrive');
    await sleep(300);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(seen.length).toBeLessThanOrEqual(35);

    // Another connection cannot overwrite or remove client 4242's presence.
    const other = await rawSocket(`${wsBase(server.url)}/${meta.id}?key=${editKey}`);
    if (!('ws' in other)) throw new Error('refused');
    other.ws.send(awarenessMessage(4242, 1000, null));
    await sleep(100);
    expect(observer.provider.awareness.getStates().has(4242)).toBe(true);

    // The room is unaffected: documents still flow.
    const writer = connectClient(server.url, meta.id, { key: editKey });
    await writer.synced();
    addElement(writer.doc, { type: 'event', name: 'Not drowned out' });
    await waitFor(() => observer.snap().elements.length === 1, 'the edit to arrive');
    result.ws.close();
    await waitFor(() => !observer.provider.awareness.getStates().has(4242), 'the chatty client’s presence to go when it leaves');
    other.ws.close();
    observer.destroy();
    writer.destroy();
  });
});

describe('connection throttling per address', () => {
  it('refuses a flood of new connections from one address with 429, leaving connected clients alone', async () => {
    const server = await startTestServer({ limits: { connectBurst: 5, connectPerSecond: 2 } });
    try {
      const { meta, editKey } = await server.workshops.create({ name: 'Flooded' });
      const client = connectClient(server.url, meta.id, { key: editKey });
      await client.synced();
      const results = await Promise.all(Array.from({ length: 20 }, () => rawSocket(`${wsBase(server.url)}/${meta.id}?key=${editKey}`)));
      const opened = results.filter((r) => 'ws' in r);
      const refused = results.filter((r) => 'status' in r && r.status === 429);
      expect(opened.length).toBeLessThanOrEqual(5);
      expect(refused.length).toBeGreaterThanOrEqual(15);
      for (const r of opened) if ('ws' in r) r.ws.close();
      await server.workshops.edit(meta.id, (doc) => addElement(doc, { type: 'event', name: 'Still served' }));
      await waitFor(() => client.snap().elements.some((e) => e.name === 'Still served'), 'the connected client to keep receiving');
      await sleep(600);
      const later = await rawSocket(`${wsBase(server.url)}/${meta.id}?key=${editKey}`);
      expect('ws' in later).toBe(true);
      if ('ws' in later) later.ws.close();
      client.destroy();
    } finally {
      await server.stop();
    }
  });
});
