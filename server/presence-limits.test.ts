// Issue 20, point 3, at the server: a connection holds only its own presence (the first few ids it announces,
// never one another live connection holds), each state bounded in size, forgotten when it closes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { awarenessMessage } from '../test-support/crafted-updates';
import { DEFAULT_LIMITS } from './limits';
import { connectClient, rawSocket, sleep, startTestServer, waitFor, wsBase, type TestClient, type TestServer } from '../test-support/test-clients';

describe('presence limits', () => {
  let server: TestServer;
  let id: string;
  let viewKey: string;
  let watcher: TestClient;

  beforeAll(async () => {
    server = await startTestServer();
    const created = await server.workshops.create({ name: 'Presence' });
    id = created.meta.id;
    viewKey = created.viewKey;
    watcher = connectClient(server.url, id, { key: created.editKey });
    await watcher.synced();
    watcher.provider.awareness.setLocalState({ user: { name: 'Watcher' } });
  });
  afterAll(async () => {
    watcher.destroy();
    await server.stop();
  });

  async function viewer(): Promise<WebSocket> {
    const result = await rawSocket(`${wsBase(server.url)}/${id}?view=${encodeURIComponent(viewKey)}`);
    if (!('ws' in result)) throw new Error(`refused with ${result.status}`);
    return result.ws;
  }
  const others = () => [...watcher.provider.awareness.getStates().keys()].filter((c) => c !== watcher.doc.clientID);

  it('keeps a few ids per connection however many it announces, and forgets them when it closes', async () => {
    const ws = await viewer();
    ws.send(awarenessMessage(Array.from({ length: 5_000 }, (_, i) => ({ clientID: 10_000 + i, clock: 1, json: JSON.stringify({ user: { name: `Fake ${i}` } }) }))));
    await waitFor(() => others().length > 0, 'the first ids to arrive');
    await sleep(200);
    expect(others()).toEqual([10_000, 10_001, 10_002, 10_003].slice(0, DEFAULT_LIMITS.presenceIdsPerConnection));
    // A newcomer is told no more than that.
    const newcomer = connectClient(server.url, id, { view: viewKey });
    await newcomer.synced();
    await sleep(200);
    expect([...newcomer.provider.awareness.getStates().keys()].filter((c) => c >= 10_000 && c < 20_000)).toHaveLength(DEFAULT_LIMITS.presenceIdsPerConnection);
    newcomer.destroy();
    ws.close();
    await waitFor(() => others().length === 0, 'its presence to go with it');
  });

  it('never lets a connection speak for an id another live connection holds', async () => {
    const a = await viewer();
    a.send(awarenessMessage([{ clientID: 777, clock: 1, json: JSON.stringify({ user: { name: 'Alice' } }) }]));
    await waitFor(() => others().includes(777), 'Alice to arrive');
    const b = await viewer();
    b.send(awarenessMessage([{ clientID: 777, clock: 99, json: JSON.stringify({ user: { name: 'Alice (impostor)' } }) }]));
    await sleep(300);
    expect((watcher.provider.awareness.getStates().get(777) as { user: { name: string } }).user.name).toBe('Alice');
    a.close();
    b.close();
    await waitFor(() => others().length === 0, 'both to leave');
  });

  it('drops a presence state larger than the bound', async () => {
    const ws = await viewer();
    const big = JSON.stringify({ user: { name: 'Big' }, pad: 'x'.repeat(DEFAULT_LIMITS.maxPresenceStateBytes) });
    ws.send(awarenessMessage([{ clientID: 888, clock: 1, json: big }, { clientID: 889, clock: 1, json: JSON.stringify({ user: { name: 'Small' } }) }]));
    await waitFor(() => others().includes(889), 'the small one to arrive');
    expect(others()).not.toContain(888);
    ws.close();
    await waitFor(() => others().length === 0, 'it to leave');
  });
});
