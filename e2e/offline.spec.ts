// Offline: the board this browser opened stays usable with the network down — edits are kept (IndexedDB), a
// reload still shows the board (the app shell comes from the service worker), the top bar counts the changes the
// server does not have yet, and on reconnect both sides converge with nothing lost or duplicated.
import { expect, test, type Page } from '@playwright/test';
import { COLUMN_WIDTH } from '../src/domain';
import { addSticky, join } from './collab';
import { clickCanvas, createWorkshop, dragBy, editingId, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

/** Records in the page's IndexedDB copy of the board (each local update adds one). */
function offlineRecords(page: Page, workshopId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates', 'readonly').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
    `eventstorm.board.${workshopId}`,
  );
}

async function snapshotOf(page: Page) {
  return page.evaluate(() => {
    const s = window.__eventstorm!.snapshot();
    return {
      elements: s.elements.map((e) => ({ id: e.id, name: e.name, position: e.position, y: e.y, type: e.type })).sort((a, b) => a.id.localeCompare(b.id)),
      links: s.links.map((l) => `${l.from}>${l.to}`).sort(),
    };
  });
}

test('ten edits made offline survive a reload and merge on reconnect, with nothing lost or duplicated', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Offline');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');
  const kept = await addSticky(a.page, 'event', 'Kept', 0, 120);
  const doomed = await addSticky(a.page, 'command', 'Doomed', 3, 120);
  const renamed = await addSticky(a.page, 'policy', 'Old name', 2, 300);
  await expect(sticky(b.page, renamed)).toBeVisible();
  // Everything so far is confirmed by the server, and the app shell is installed (the page works with the network down).
  await expect(a.page.getByTestId('connection-state')).toHaveAttribute('data-unsynced', '0');
  await expect(a.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

  await a.context.setOffline(true);
  await expect(a.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');

  // Ten edits, the way a person makes them: four adds by key, three renames, two moves, one delete.
  const added: string[] = [];
  for (let i = 0; i < 4; i++) {
    await clickCanvas(a.page, 120 + i * 150, 560);
    await a.page.keyboard.press('e');
    added.push(await editingId(a.page));
    await a.page.getByTestId('sticky-name-input').fill(`Offline ${i}`);
    // Enter renames: that is a second edit for the first three, and the fourth keeps its default name (Escape).
    if (i < 3) await a.page.keyboard.press('Enter');
    else await a.page.keyboard.press('Escape');
  }
  await expect(a.page.getByTestId('unsynced-count')).toHaveAttribute('data-count', '7');
  await sticky(a.page, renamed).dblclick();
  await a.page.getByTestId('sticky-name-input').fill('New name');
  await a.page.keyboard.press('Enter');
  await dragBy(a.page, sticky(a.page, kept), COLUMN_WIDTH, 0);
  await sticky(a.page, doomed).click();
  await a.page.keyboard.press('Delete');
  await expect(sticky(a.page, doomed)).toHaveCount(0);
  await expect(a.page.getByTestId('unsynced-count')).toHaveAttribute('data-count', '10');
  await expect(a.page.getByTestId('unsynced-count')).toHaveText(/10 changes not yet on the server/);

  // Meanwhile Bob, online, edits too.
  const bobs = await addSticky(b.page, 'read_model', 'Made by Bob meanwhile', 3, 500);
  await b.page.evaluate((id) => window.__eventstorm!.session.ops.rename(id, 'Kept, renamed by Bob'), kept);
  await expect(sticky(a.page, bobs)).toHaveCount(0);

  // Every offline edit is in the browser's copy before the page goes away.
  await expect.poll(() => offlineRecords(a.page, workshop.workshop_id)).toBeGreaterThanOrEqual(11);
  const before = await snapshotOf(a.page);
  expect(before.elements).toHaveLength(6);

  await a.page.reload();
  await expect(a.page.getByTestId('board')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  await expect(a.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(a.page.getByTestId('unsynced-count')).toHaveAttribute('data-count', '10');
  expect(await snapshotOf(a.page)).toEqual(before);
  for (const id of [...added, renamed, kept]) await expect(sticky(a.page, id)).toBeAttached();
  await expect(sticky(a.page, renamed).getByTestId('sticky-name')).toHaveText('New name');

  await a.context.setOffline(false);
  await expect(a.page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout: 15_000 });
  await expect(a.page.getByTestId('unsynced-count')).toHaveCount(0);

  // Both converge: A's ten edits and Bob's two, each once.
  await expect.poll(async () => JSON.stringify(await snapshotOf(a.page))).toBe(JSON.stringify(await snapshotOf(b.page)));
  const merged = await snapshotOf(b.page);
  expect(merged.elements.map((e) => e.name).sort()).toEqual(
    ['Kept, renamed by Bob', 'Made by Bob meanwhile', 'New name', 'New domain event', 'Offline 0', 'Offline 1', 'Offline 2'].sort(),
  );
  expect(new Set(merged.elements.map((e) => e.id)).size).toBe(merged.elements.length);
  const keptNow = merged.elements.find((e) => e.id === kept)!;
  expect(keptNow.position).toBe(1);
  await expect(sticky(b.page, doomed)).toHaveCount(0);
  for (const id of added) await expect(sticky(b.page, id)).toBeAttached();
  // And the server has it all: a fresh browser sees the same.
  const c = await join(browser, workshop, 'Carol');
  await expect.poll(async () => JSON.stringify(await snapshotOf(c.page))).toBe(JSON.stringify(merged));

  await a.context.close();
  await b.context.close();
  await c.context.close();
});

test('a board opened before loads with the network down, and shows it is offline', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Offline open');
  const a = await join(browser, workshop, 'Alice');
  const id = await addSticky(a.page, 'event', 'Seen before', 0, 120);
  await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => offlineRecords(a.page, workshop.workshop_id)).toBeGreaterThanOrEqual(2);
  await a.context.setOffline(true);
  const again = await a.context.newPage();
  await again.goto(`/w/${workshop.workshop_id}#key=${workshop.edit_key}`);
  await expect(again.getByTestId('board')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  await expect(sticky(again, id).getByTestId('sticky-name')).toHaveText('Seen before');
  await expect(again.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(again.getByTestId('participant-self')).toHaveAttribute('data-name', 'Alice');
  await a.context.close();
});
