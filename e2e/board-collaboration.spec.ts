// Two people on one board, each in their own browser context (own storage, own websocket): everything one
// does on the canvas reaches the other within a second, through the real server.
import { expect, test, type Page } from '@playwright/test';
import { COLUMN_WIDTH } from '../src/domain';
import { arrow, clickCanvas, createWorkshop, dragBy, drawArrow, editingId, nodeTranslate, openBoard, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

const SOON = { timeout: 1_000 };

/** `actor` adds, renames, moves, links, assigns to a context and deletes; `observer` sees each step. */
async function actAndObserve(actor: Page, observer: Page, label: string, top: number) {
  // Add: the E key on the canvas, at the pointer.
  await clickCanvas(actor, 160, top);
  await actor.keyboard.press('e');
  const eventId = await editingId(actor);
  await expect(sticky(observer, eventId)).toBeVisible(SOON);

  // Rename, inline.
  await actor.getByTestId('sticky-name-input').fill(`${label} Placed`);
  await actor.keyboard.press('Enter');
  await expect(sticky(observer, eventId).getByTestId('sticky-name')).toHaveText(`${label} Placed`, SOON);

  // Move two columns later on the timeline (zoom 1 on a fresh board).
  const before = await nodeTranslate(sticky(observer, eventId));
  await dragBy(actor, sticky(actor, eventId), 2 * COLUMN_WIDTH, 0);
  await expect.poll(() => nodeTranslate(sticky(observer, eventId)), SOON).toEqual({ x: before.x + 2 * COLUMN_WIDTH, y: before.y });

  // Link: a command in front of it, then an arrow from the command to the event.
  await clickCanvas(actor, 160, top);
  await actor.keyboard.press('c');
  const commandId = await editingId(actor);
  await actor.getByTestId('sticky-name-input').fill(`Place ${label}`);
  await actor.keyboard.press('Enter');
  await drawArrow(actor, sticky(actor, commandId), sticky(actor, eventId));
  await expect(arrow(observer, commandId, eventId)).toBeAttached(SOON);

  // Assign the event to a new bounded context.
  await actor.getByTestId('tab-contexts').click();
  await actor.getByTestId('context-new-name').fill(`${label} context`);
  await actor.getByTestId('context-create').click();
  const row = actor.getByTestId('context-row').filter({ has: actor.locator(`input[value="${label} context"]`) });
  const contextId = await row.getAttribute('data-context-id');
  await sticky(actor, eventId).click();
  await row.getByTestId('context-assign').click();
  await expect(sticky(observer, eventId).getByTestId('sticky-band')).toBeVisible(SOON);
  await expect(observer.locator(`[data-testid="context-region"][data-context-id="${contextId}"]`)).toBeVisible(SOON);
  await actor.getByTestId('tab-inspector').click();

  // Delete the event: its arrow goes with it.
  await sticky(actor, eventId).click();
  await actor.keyboard.press('Delete');
  await expect(sticky(observer, eventId)).toHaveCount(0, SOON);
  await expect(arrow(observer, commandId, eventId)).toHaveCount(0, SOON);
  await expect(sticky(observer, commandId)).toBeVisible();
}

test("two people on one board see each other's adds, renames, moves, links, contexts and deletes within a second", async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Collaboration');
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await openBoard(a, workshop);
  await openBoard(b, workshop);

  await actAndObserve(a, b, 'Order', 120);
  await actAndObserve(b, a, 'Refund', 420);

  await contextA.close();
  await contextB.close();
});
