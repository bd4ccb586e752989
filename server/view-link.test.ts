// Sharing read-only: anyone holding the edit link can learn the view link (to pass on a look-only board); a
// viewer never learns the edit secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-clients';

describe('the view link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ publicUrl: 'https://storm.example.com/' });
  });
  afterAll(async () => {
    await server.stop();
  });

  const get = (path: string, secret: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } });

  it('is offered to an editor, and the edit secret never to a viewer', async () => {
    const res = await fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Shared' }) });
    const created = (await res.json()) as { workshop_id: string; edit_key: string; view_key: string; view_url: string };

    const asEditor = (await (await get(`/api/workshops/${created.workshop_id}`, created.edit_key)).json()) as Record<string, unknown>;
    expect(asEditor.access).toBe('edit');
    expect(asEditor.view_key).toBe(created.view_key);
    expect(asEditor.view_url).toBe(created.view_url);

    const asViewer = await (await get(`/api/workshops/${created.workshop_id}`, created.view_key)).text();
    expect(JSON.parse(asViewer)).toMatchObject({ access: 'view' });
    expect(asViewer).not.toContain(created.edit_key);
    expect(JSON.parse(asViewer)).not.toHaveProperty('view_key');
  });
});
