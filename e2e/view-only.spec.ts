// The view link: it shows the board live and the people on it, and it changes nothing — not by mouse, not by
// keyboard, not by a websocket message written by hand (the server drops a view connection's writes).
import { expect, test, type Page } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLUMN_WIDTH } from '../src/domain';
import { addSticky, join } from './collab';
import { createWorkshop, dragBy, nodeTranslate, sticky } from './helpers';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function boardOf(page: Page) {
  return page.evaluate(() => {
    const s = window.__eventstorm!.snapshot();
    return JSON.stringify({ meta: s.meta, elements: s.elements, links: s.links, contexts: s.contexts });
  });
}

/** What the server stores, read through the REST API with the edit key. */
async function serverBoard(page: Page, workshopId: string, key: string) {
  const response = await page.request.get(`/api/workshops/${workshopId}/export?metadata=true`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { workshop: { name: string }; elements: { id: string; name: string }[] };
  return { name: body.workshop.name, elements: body.elements.map((e) => `${e.id}:${e.name}`).sort() };
}

/**
 * A hand-made client on a link: it syncs, then sends a document update (as a plain update and as a sync step 2)
 * that adds a sticky and renames the workshop, then a sync request — the server answers requests in order, so
 * its answer means the writes before it were handled.
 */
async function forgeWrites(baseURL: string, workshopId: string, secret: { view: string } | { key: string }): Promise<void> {
  const [param, value] = 'view' in secret ? ['view', secret.view] : ['key', secret.key];
  const url = `${baseURL.replace(/^http/, 'ws')}/ws/${workshopId}?${param}=${encodeURIComponent(value)}`;
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  // The board as the server sends it (so the forged edits are the latest word on every field), and a count of
  // sync step 2 messages: each answers one of this client's sync requests, in order.
  const forged = new Y.Doc();
  let answers = 0;
  let wake = () => {};
  ws.on('message', (data: ArrayBuffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) !== 0) return;
    const kind = decoding.readVarUint(d);
    if (kind === syncProtocol.messageYjsSyncStep1) return;
    Y.applyUpdate(forged, decoding.readVarUint8Array(d));
    if (kind === syncProtocol.messageYjsSyncStep2) {
      answers++;
      wake();
    }
  });
  const answered = async (n: number) => {
    while (answers < n) await new Promise<void>((resolve) => (wake = resolve));
  };
  send((e) => syncProtocol.writeSyncStep1(e, forged));
  await answered(1);
  const before = Y.encodeStateVector(forged);
  forged.getMap('meta').set('name', 'Taken over');
  forged.getMap('elements').set('forged', { type: 'hotspot', name: 'Forged by a viewer', at: [1, 10], created: ['', ''] });
  const update = Y.encodeStateAsUpdate(forged, before);
  send((e) => syncProtocol.writeUpdate(e, update));
  send((e) => {
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
  send((e) => syncProtocol.writeSyncStep1(e, forged));
  await answered(2);
  ws.close();
}

test("the view link cannot change the board by mouse, keyboard or a forged websocket write; B's edits reach it live", async ({ browser, request, baseURL }) => {
  const workshop = await createWorkshop(request, 'Look only');
  const b = await join(browser, workshop, 'Bob');
  const id = await addSticky(b.page, 'event', 'Order Placed', 1, 160);
  await addSticky(b.page, 'command', 'Place Order', 0, 160);
  const viewer = await join(browser, workshop, 'Vera', 'view');
  const v = viewer.page;
  await expect(sticky(v, id)).toBeVisible();

  // A visible mark; nothing to add with; the viewer is on everyone's list.
  await expect(v.getByTestId('view-only-badge')).toHaveText('View only');
  await expect(v.getByTestId('palette')).toHaveCount(0);
  await expect(v.getByTestId('undo')).toHaveCount(0);
  await expect(b.page.locator('[data-testid="participant"][data-name="Vera"]')).toHaveAttribute('data-access', 'view');
  await expect(v.locator('[data-testid="participant"][data-name="Bob"]')).toHaveCount(1);
  const before = await boardOf(b.page);
  const stored = await serverBoard(b.page, workshop.workshop_id, workshop.edit_key);

  // Mouse: no drag, no arrows (no handle to draw from), no inline editing.
  const at = await nodeTranslate(sticky(v, id));
  await dragBy(v, sticky(v, id), 2 * COLUMN_WIDTH, 80);
  expect(await nodeTranslate(sticky(v, id))).toEqual(at);
  await sticky(v, id).hover();
  await expect(sticky(v, id).locator('.es-handle-out')).toBeHidden();
  await sticky(v, id).dblclick();
  await expect(v.getByTestId('sticky-name-input')).toHaveCount(0);

  // The inspector shows every field, read only.
  await sticky(v, id).click();
  await expect(v.getByTestId('inspector')).toHaveAttribute('data-element-id', id);
  await expect(v.getByTestId('inspector-name')).toHaveValue('Order Placed');
  await expect(v.getByTestId('inspector-name')).toHaveAttribute('readonly', '');
  await expect(v.getByTestId('inspector-description')).toHaveAttribute('readonly', '');
  await expect(v.getByTestId('inspector-type')).toBeDisabled();
  await expect(v.getByTestId('inspector-context')).toBeDisabled();
  await expect(v.getByTestId('inspector-delete')).toHaveCount(0);
  await expect(v.getByTestId('inspector-add-trigger')).toHaveCount(0);
  await expect(v.getByTestId('workshop-name')).not.toHaveAttribute('contenteditable');
  expect(await v.getByTestId('workshop-name').evaluate((el) => el.tagName)).not.toBe('INPUT');

  // Keyboard: every shortcut that changes something does nothing.
  await sticky(v, id).click();
  for (const key of ['Delete', 'Backspace', 'Enter', 'ArrowRight', 'ArrowDown', 'e', 'c', 'h', `${mod}+d`, `${mod}+z`, `${mod}+Shift+z`, `${mod}+y`]) {
    await v.keyboard.press(key);
  }
  await expect(v.getByTestId('sticky-name-input')).toHaveCount(0);
  await v.keyboard.press(`${mod}+a`);
  await v.keyboard.press('Delete');

  // A hand-made websocket client on the view link writes: the server drops it.
  await forgeWrites(baseURL!, workshop.workshop_id, { view: workshop.view_key });

  // Nothing changed anywhere: not on the viewer's board, not on the editor's, not on the server.
  expect(await boardOf(v)).toBe(before);
  expect(await boardOf(b.page)).toBe(before);
  expect(await serverBoard(b.page, workshop.workshop_id, workshop.edit_key)).toEqual(stored);
  await expect(v.getByTestId('connection-state')).toHaveAttribute('data-unsynced', '0');
  // A fresh editor loads what the server has: no forged sticky, the workshop's own name.
  const c = await join(browser, workshop, 'Carol');
  expect(await boardOf(c.page)).toBe(before);
  await expect(c.page.getByTestId('workshop-name')).toHaveValue('Look only');

  // The editor's edits still reach the viewer live.
  await b.page.evaluate((id) => window.__eventstorm!.session.ops.rename(id, 'Order Confirmed'), id);
  await expect(sticky(v, id).getByTestId('sticky-name')).toHaveText('Order Confirmed');
  const added = await addSticky(b.page, 'policy', 'Send Receipt', 2, 400);
  await expect(sticky(v, added)).toBeVisible();

  await b.context.close();
  await c.context.close();
  await viewer.context.close();
});

test('the same hand-made write on an edit link does change the board (so the check above can fail)', async ({ browser, request, baseURL }) => {
  const workshop = await createWorkshop(request, 'Control');
  const b = await join(browser, workshop, 'Bob');
  await forgeWrites(baseURL!, workshop.workshop_id, { key: workshop.edit_key });
  await expect(sticky(b.page, 'forged').getByTestId('sticky-name')).toHaveText('Forged by a viewer');
  await expect(b.page.getByTestId('workshop-name')).toHaveValue('Taken over');
  await b.context.close();
});
