// Undo and redo take back a person's own edits only — never a colleague's, never the assistant's (an MCP client
// on the same server) — and a drag, a multi-delete and an assign are one step each.
import { expect, test, type Page } from '@playwright/test';
import { callOk, connectMcp } from '../test-support/mcp-test-client';
import { COLUMN_WIDTH } from '../src/domain';
import { addSticky, join } from './collab';
import { clickCanvas, createWorkshop, dragBy, editingId, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function elementOf(page: Page, id: string) {
  return page.evaluate((id) => window.__eventstorm!.snapshot().elements.find((e) => e.id === id) ?? null, id);
}

function nameOn(page: Page, id: string) {
  return sticky(page, id).getByTestId('sticky-name');
}

test("undo in A reverts A's last edit and leaves B's and the assistant's edits in place; redo restores it", async ({ browser, request, baseURL }) => {
  const workshop = await createWorkshop(request, 'Undo');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');
  const assistant = await connectMcp(baseURL!);

  // A adds a sticky by key and names it (two edits of A's).
  await clickCanvas(a.page, 300, 160);
  await a.page.keyboard.press('e');
  const mine = await editingId(a.page);
  await a.page.getByTestId('sticky-name-input').fill('Order Placed');
  await a.page.keyboard.press('Enter');
  // B adds one; the assistant adds one and annotates A's sticky.
  const bobs = await addSticky(b.page, 'command', 'Place Order', 2, 300);
  const added = await callOk(assistant, 'eventstorming_add_element', { workshop_id: workshop.workshop_id, type: 'policy', name: 'Notify Customer', position: 3, y: 500 });
  const assistants = String(added.element_id);
  await expect(sticky(a.page, bobs)).toBeVisible();
  await expect(sticky(a.page, assistants)).toBeVisible();

  // A renames the sticky; the assistant then writes its description (a different field of the same sticky).
  await sticky(a.page, mine).dblclick();
  await a.page.getByTestId('sticky-name-input').fill('Order Was Placed');
  await a.page.keyboard.press('Enter');
  await callOk(assistant, 'eventstorming_update_element', { workshop_id: workshop.workshop_id, element_id: mine, description: 'Raised by checkout' });
  await expect.poll(async () => (await elementOf(a.page, mine))?.description).toBe('Raised by checkout');
  await expect(nameOn(b.page, mine)).toHaveText('Order Was Placed');

  // Ctrl+Z: A's rename goes, on everyone's board; B's sticky, the assistant's sticky and its description stay.
  await clickCanvas(a.page, 200, 630);
  await a.page.keyboard.press(`${mod}+z`);
  await expect(nameOn(b.page, mine)).toHaveText('Order Placed');
  await expect(nameOn(a.page, mine)).toHaveText('Order Placed');
  for (const page of [a.page, b.page]) {
    await expect(nameOn(page, bobs)).toHaveText('Place Order');
    await expect(nameOn(page, assistants)).toHaveText('Notify Customer');
  }
  expect((await elementOf(b.page, mine))?.description).toBe('Raised by checkout');

  // Ctrl+Shift+Z restores it; Ctrl+Z and Ctrl+Y do the same again.
  await a.page.keyboard.press(`${mod}+Shift+z`);
  await expect(nameOn(b.page, mine)).toHaveText('Order Was Placed');
  await a.page.keyboard.press(`${mod}+z`);
  await expect(nameOn(b.page, mine)).toHaveText('Order Placed');
  await a.page.keyboard.press(`${mod}+y`);
  await expect(nameOn(b.page, mine)).toHaveText('Order Was Placed');

  // Undo goes back through A's own edits only: both names, then the sticky itself — never past B's or the assistant's.
  await a.page.getByTestId('undo').click();
  await expect(nameOn(b.page, mine)).toHaveText('Order Placed');
  await a.page.getByTestId('undo').click();
  await expect(nameOn(b.page, mine)).toHaveText('New domain event');
  await a.page.getByTestId('undo').click();
  await expect(sticky(b.page, mine)).toHaveCount(0);
  await expect(a.page.getByTestId('undo')).toBeDisabled();
  await expect(sticky(a.page, bobs)).toBeVisible();
  await expect(sticky(a.page, assistants)).toBeVisible();
  for (let i = 0; i < 3; i++) await a.page.getByTestId('redo').click();
  await expect(nameOn(b.page, mine)).toHaveText('Order Was Placed');
  await expect(a.page.getByTestId('redo')).toBeDisabled();
  expect((await elementOf(b.page, mine))?.description).toBe('Raised by checkout');

  // B's undo takes back B's own edit, not A's.
  await clickCanvas(b.page, 200, 630);
  await b.page.keyboard.press(`${mod}+z`);
  await expect(sticky(a.page, bobs)).toHaveCount(0);
  await expect(nameOn(a.page, mine)).toHaveText('Order Was Placed');

  await assistant.close();
  await a.context.close();
  await b.context.close();
});

test('a drag, a multi-delete and an assign are one undo step each', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Undo steps');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');
  const one = await addSticky(a.page, 'event', 'One', 0, 100);
  const two = await addSticky(a.page, 'event', 'Two', 1, 300);
  const contextId = await a.page.evaluate(() => window.__eventstorm!.session.ops.createContext('Ordering'));
  await expect(sticky(b.page, two)).toBeVisible();

  // A drag of a selection of two: one step.
  await sticky(a.page, one).click();
  await sticky(a.page, two).click({ modifiers: ['Shift'] });
  await dragBy(a.page, sticky(a.page, two), COLUMN_WIDTH, 0);
  await expect.poll(async () => [(await elementOf(b.page, one))?.position, (await elementOf(b.page, two))?.position]).toEqual([1, 2]);
  await a.page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => [(await elementOf(b.page, one))?.position, (await elementOf(b.page, two))?.position]).toEqual([0, 1]);

  // An assign of both to a context: one step.
  await a.page.getByTestId('selection-context').selectOption(contextId!);
  await expect.poll(async () => [(await elementOf(b.page, one))?.contextId, (await elementOf(b.page, two))?.contextId]).toEqual([contextId, contextId]);
  await a.page.getByTestId('undo').click();
  await expect.poll(async () => [(await elementOf(b.page, one))?.contextId, (await elementOf(b.page, two))?.contextId]).toEqual([null, null]);

  // A delete of both: one step.
  await clickCanvas(a.page, 200, 630);
  await sticky(a.page, one).click();
  await sticky(a.page, two).click({ modifiers: ['Shift'] });
  await a.page.keyboard.press('Delete');
  await expect(sticky(b.page, one)).toHaveCount(0);
  await expect(sticky(b.page, two)).toHaveCount(0);
  await a.page.keyboard.press(`${mod}+z`);
  await expect(sticky(b.page, one)).toBeVisible();
  await expect(sticky(b.page, two)).toBeVisible();
  // And redo brings the delete back, whole.
  await a.page.keyboard.press(`${mod}+Shift+z`);
  await expect(sticky(b.page, one)).toHaveCount(0);
  await expect(sticky(b.page, two)).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});
