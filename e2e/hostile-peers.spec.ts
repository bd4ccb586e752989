// Issue 20, points 3 and 4, as people on a board meet them: a flood of fake participants from one view link, an
// impostor wearing a colleague's presence id while she is offline, and an editor who vandalised the board's meta.
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addElement, boardMaps } from '../src/board';
import { PRESENCE_VERSION, type PresenceState } from '../src/sync/awareness';
import { awarenessMessage } from '../test-support/crafted-updates';
import { join } from './collab';
import { createWorkshop, openBoard, type Workshop } from './helpers';

function wsUrl(baseURL: string): string {
  return `${baseURL.replace(/^http/, 'ws')}/ws`;
}

function presenceJson(name: string): string {
  // Typed as the app's own presence, so the fakes look to a page exactly like people.
  const state: PresenceState = {
    v: PRESENCE_VERSION,
    user: { id: `fake-${name}`, name, color: '#ef4444' },
    access: 'view',
    cursor: null,
    selection: [],
    drag: null,
    view: null,
    lead: null,
    since: 1,
  };
  return JSON.stringify(state);
}

/** A hand-made websocket on the view link, as an attacker's script opens it. */
async function rawViewSocket(baseURL: string, w: Workshop): Promise<WebSocket> {
  const ws = new WebSocket(`${wsUrl(baseURL)}/${w.workshop_id}?view=${encodeURIComponent(w.view_key)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

test('a flood of fake participants from one view link leaves the board responsive and shows a few at most', async ({ page, request, baseURL }) => {
  const w = await createWorkshop(request, 'Presence flood');
  await openBoard(page, w);
  const attacker = await rawViewSocket(baseURL!, w);
  // 100,000 fake participants in 20 messages, each under the server's awareness size cap.
  for (let m = 0; m < 20; m++) {
    attacker.send(awarenessMessage(Array.from({ length: 5_000 }, (_, i) => ({ clientID: 1_000_000 + m * 5_000 + i, json: presenceJson(`Fake ${m * 5_000 + i}`) }))));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  // A newcomer gets the room's presence too.
  const newcomer = await page.context().browser()!.newPage();
  await openBoard(newcomer, w);
  for (const p of [page, newcomer]) {
    await expect(p.getByTestId('participants')).toBeVisible();
    const count = Number(await p.getByTestId('participants').getAttribute('data-count'));
    expect(count, 'people shown: the page itself, the other page, and the few ids one connection may hold').toBeLessThanOrEqual(2 + 4);
  }
  // Still responsive: the page answers at once.
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  expect(await page.evaluate(() => document.querySelectorAll('.react-flow').length)).toBe(1);
  attacker.close();
  await newcomer.close();
});

test('an impostor holding a colleague’s old presence id does not hide her when she comes back', async ({ browser, request, baseURL }) => {
  const w = await createWorkshop(request, 'Impostor');
  const alice = await join(browser, w, 'Alice');
  const bob = await join(browser, w, 'Bob');
  try {
    const aliceOnBob = bob.page.locator('[data-testid="participant"][data-name="Alice"]');
    await expect(aliceOnBob).toHaveCount(1);
    const oldId = Number(await aliceOnBob.getAttribute('data-client-id'));

    // Alice's connection drops (her page stays open, as on a flaky network) and the server lets go of her id.
    await alice.page.evaluate(() => window.__eventstorm!.session.connection!.provider.disconnect());
    await expect(aliceOnBob).toHaveCount(0);
    const impostor = await rawViewSocket(baseURL!, w);
    // A clock past any Alice used, so every copy of the room's presence takes it.
    impostor.send(awarenessMessage([{ clientID: oldId, json: presenceJson('Alice (impostor)'), clock: 1_000_000 }]));
    await expect(bob.page.locator('[data-testid="participant"][data-name="Alice (impostor)"]')).toHaveCount(1);

    await alice.page.evaluate(() => window.__eventstorm!.session.connection!.provider.connect());
    // Sooner than presence renews itself (15 s): her page came back under a fresh id and said so at once.
    await expect(aliceOnBob, 'the real Alice is seen again').toHaveCount(1, { timeout: 8_000 });
    impostor.close();
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});

test('a board whose meta an editor vandalised still opens, and exports as itself', async ({ page, request, baseURL }) => {
  const w = await createWorkshop(request, 'Vandalised');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl(baseURL!), w.workshop_id, doc, {
    params: { key: w.edit_key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    addElement(doc, { type: 'event', name: 'Still here' });
    doc.transact(() => {
      const meta = boardMaps(doc).meta;
      meta.delete('id');
      meta.set('name', 42);
    });
    const exported = async () => (await (await request.get(`/api/workshops/${w.workshop_id}/export`, { headers: { authorization: `Bearer ${w.edit_key}` } })).json()) as {
      workshop: { id: string; name: string };
      elements: Array<{ name: string }>;
    };
    await expect.poll(async () => (await exported()).elements.map((e) => e.name)).toContain('Still here');
    const file = await exported();
    expect(file.workshop.id).toBe(w.workshop_id);
    expect(file.workshop.name.length).toBeGreaterThan(0);

    await openBoard(page, w);
    await expect(page.getByTestId('board-missing')).toHaveCount(0);
    await expect(page.locator('.react-flow__node-sticky', { hasText: 'Still here' })).toBeVisible();
  } finally {
    provider.destroy();
  }
});

test('a change the server will not take is named in the top bar, and the page recovers once it is gone', async ({ page, request }) => {
  const w = await createWorkshop(request, 'Refused change');
  await openBoard(page, w);
  // A write no operation of the app makes (they refuse a name this long): straight into the page's document.
  await page.evaluate(() => {
    window.__eventstorm!.session.doc.getMap('elements').set('too-long', { type: 'event', name: 'x'.repeat(6_000), at: [0, 0] });
  });
  const badge = page.getByTestId('connection-state');
  await expect(badge).toHaveAttribute('data-state', 'refused');
  await expect(page.getByTestId('connection-refusal')).toContainText('board limit: a text of 6000 characters (at most 5000)');
  // Removing it is enough: the page tries again at once, and the server takes what is left.
  await page.evaluate(() => {
    window.__eventstorm!.session.doc.getMap('elements').delete('too-long');
  });
  await expect(badge).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  const exported = await (await request.get(`/api/workshops/${w.workshop_id}/export`, { headers: { authorization: `Bearer ${w.edit_key}` } })).json();
  expect((exported as { elements: unknown[] }).elements).toHaveLength(0);
});
