// Capability links: the websocket upgrade and every REST call on a workshop check its secret; a view connection
// sees everything live but its writes never reach the server's document nor anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addElement, boardMaps } from '../src/board';
import { sameSecret } from './access';
import { connectClient, rawSocket, sleep, startTestServer, waitFor, wsBase, type TestServer } from '../test-support/test-clients';

describe('the sync websocket checks the secret on upgrade', () => {
  let server: TestServer;
  let id: string;
  let editKey: string;
  let viewKey: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ editKey, viewKey, meta: { id } } = await server.workshops.create({ name: 'Locked' }));
  });
  afterAll(() => server.stop());

  const statusOf = async (path: string) => {
    const result = await rawSocket(`${wsBase(server.url)}${path}`);
    if ('ws' in result) {
      result.ws.close();
      return 101;
    }
    return result.status;
  };

  it('refuses no secret (401), a wrong one (403), an unknown workshop (404), and creates no room', async () => {
    expect(await statusOf(`/${id}`)).toBe(401);
    expect(await statusOf(`/${id}?key=`)).toBe(401);
    expect(await statusOf(`/${id}?key=wrong-secret`)).toBe(403);
    expect(await statusOf(`/${id}?view=wrong-secret`)).toBe(403);
    expect(await statusOf(`/no-such-workshop?key=${editKey}`)).toBe(404);
    expect(await statusOf(`/no-such-workshop`)).toBe(401);
    expect(await statusOf(`/${id}/extra?key=${editKey}`)).toBe(404);
    expect(server.rooms.loadedIds()).toEqual([]);
    expect(await statusOf(`/${id}?key=${editKey}`)).toBe(101);
    expect(await statusOf(`/${id}?view=${viewKey}`)).toBe(101);
    // The view secret never opens more than view, whichever parameter carries it.
    expect(await statusOf(`/${id}?view=${editKey}`)).toBe(101);
  });

  it('a view client sees live edits; its own edits never reach the server nor other clients', async () => {
    const editor = connectClient(server.url, id, { key: editKey });
    const other = connectClient(server.url, id, { key: editKey });
    const viewer = connectClient(server.url, id, { view: viewKey });
    await Promise.all([editor.synced(), other.synced(), viewer.synced()]);

    addElement(editor.doc, { type: 'event', name: 'Seen by all' });
    await waitFor(() => viewer.snap().elements.some((e) => e.name === 'Seen by all'), 'the viewer to see the live edit');

    // The viewer writes (a UI bug or a hostile client would): sent to the server, dropped there.
    const sneaky = addElement(viewer.doc, { type: 'hotspot', name: 'Written by a viewer' });
    await sleep(100);
    addElement(editor.doc, { type: 'event', name: 'Barrier' });
    await waitFor(() => [viewer, other].every((c) => c.snap().elements.some((e) => e.name === 'Barrier')), 'the barrier edit to arrive');
    expect(other.snap().elements.map((e) => e.id)).not.toContain(sneaky.id);
    expect(editor.snap().elements.map((e) => e.id)).not.toContain(sneaky.id);
    expect(await server.workshops.read(id, (snap) => snap.elements.map((e) => e.id))).not.toContain(sneaky.id);

    // Nor after a reconnect (the viewer re-sends everything it has, which is dropped again).
    viewer.provider.disconnect();
    viewer.provider.connect();
    await viewer.synced();
    await sleep(100);
    expect(boardMaps(other.doc).elements.has(sneaky.id)).toBe(false);
    for (const c of [editor, other, viewer]) c.destroy();
    await waitFor(() => server.rooms.loadedIds().length === 0, 'the room to unload');
    expect(await server.workshops.read(id, (snap) => snap.elements.map((e) => e.name).sort())).toEqual(['Barrier', 'Seen by all']);
  });

  it('relays a view client’s presence', async () => {
    const editor = connectClient(server.url, id, { key: editKey });
    const viewer = connectClient(server.url, id, { view: viewKey });
    await Promise.all([editor.synced(), viewer.synced()]);
    viewer.provider.awareness.setLocalStateField('user', { name: 'Quiet observer' });
    await waitFor(
      () => [...editor.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Quiet observer'),
      "the viewer's presence to reach the editor",
    );
    editor.destroy();
    viewer.destroy();
  });
});

describe('REST calls on a workshop check the secret', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('401 without a secret, 403 with a wrong one, 404 for no workshop; edit and view secrets say which they are', async () => {
    const { meta, editKey, viewKey } = await server.workshops.create({ name: 'Guarded' });
    const get = (path: string, secret?: string) => fetch(`${server.url}${path}`, { headers: secret ? { authorization: `Bearer ${secret}` } : {} });
    const none = await get(`/api/workshops/${meta.id}`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String), issues: [] } });
    const wrong = await get(`/api/workshops/${meta.id}`, 'not-the-secret');
    expect(wrong.status).toBe(403);
    const wrongBody = await wrong.text();
    expect(wrongBody).not.toContain('Guarded');
    expect(JSON.parse(wrongBody)).toMatchObject({ error: { code: 'forbidden' } });
    expect((await get(`/api/workshops/nope`, editKey)).status).toBe(404);
    expect(await (await get(`/api/workshops/${meta.id}`, editKey)).json()).toMatchObject({ access: 'edit', workshop: { name: 'Guarded' } });
    expect(await (await get(`/api/workshops/${meta.id}`, viewKey)).json()).toMatchObject({ access: 'view' });
    expect((await get(`/api/workshops/${meta.id}/export`)).status).toBe(401);
    expect((await get(`/api/workshops/${meta.id}/export?key=wrong`)).status).toBe(403);
    expect((await get(`/api/workshops/${meta.id}/export?view=${viewKey}`)).status).toBe(200);
    expect((await get(`/api/workshops/${meta.id}/export?key=${editKey}`)).status).toBe(200);
    expect((await get(`/api/workshops/${meta.id}/export`, viewKey)).status).toBe(200);
  });

  it('listing needs ADMIN_TOKEN when one is set', async () => {
    const admin = await startTestServer({ adminToken: 'admin-secret-token' });
    try {
      await admin.workshops.create({ name: 'Listed' });
      const list = (token?: string) => fetch(`${admin.url}/api/workshops`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect((await list()).status).toBe(401);
      expect((await list('wrong')).status).toBe(403);
      const ok = await list('admin-secret-token');
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { workshops: Array<{ name: string }> }).workshops.map((w) => w.name)).toEqual(['Listed']);
    } finally {
      await admin.stop();
    }
  });

  it('without ADMIN_TOKEN, listing is allowed on a loopback-only listener', async () => {
    const res = await fetch(`${server.url}/api/workshops`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty('workshops');
  });

  it('compares secrets in constant time, whatever their lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('a', 'a much longer secret')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });
});
