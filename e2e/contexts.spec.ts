// Bounded contexts: create, rename, recolour, assign the selection, see their regions, dim the rest, delete.
import { expect, test, type Page } from '@playwright/test';
import { boardSnapshot, clickCanvas, createWorkshop, editingId, openBoard, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

async function addNamed(page: Page, key: string, x: number, y: number, name: string): Promise<string> {
  await clickCanvas(page, x, y);
  await page.keyboard.press(key);
  const id = await editingId(page);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  return id;
}

test('bounded contexts can be created, renamed, recoloured, assigned, focused and deleted', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Contexts'));
  const command = await addNamed(page, 'c', 150, 150, 'Pay');
  const event = await addNamed(page, 'e', 150, 330, 'Paid');
  const other = await addNamed(page, 'e', 600, 330, 'Shipped');

  await page.getByTestId('tab-contexts').click();
  await expect(page.getByTestId('contexts-empty')).toBeVisible();
  await page.getByTestId('context-new-name').fill('Payments');
  await page.getByTestId('context-new-name').press('Enter');
  const row = page.getByTestId('context-row');
  await expect(row).toHaveCount(1);
  const contextId = (await row.getAttribute('data-context-id'))!;

  // Rename and recolour.
  await row.getByTestId('context-name').fill('Payment');
  await row.getByTestId('context-name').press('Enter');
  await row.getByTestId('context-color').fill('#e11d48');
  await expect.poll(async () => (await boardSnapshot(page)).contexts[0]).toMatchObject({ name: 'Payment', color: '#e11d48' });

  // Box-select the two left stickies (drag on empty canvas), then assign the selection.
  const pane = page.getByTestId('canvas').locator('.react-flow__pane');
  const p = (await pane.boundingBox())!;
  await page.mouse.move(p.x + 20, p.y + 60);
  await page.mouse.down();
  await page.mouse.move(p.x + 300, p.y + 420, { steps: 8 });
  await page.mouse.up();
  await expect(row.getByTestId('context-assign')).toHaveText('Assign selection (2)');
  await row.getByTestId('context-assign').click();
  await expect(row.getByTestId('context-count')).toHaveText('2 stickies');
  const region = page.locator(`[data-testid="context-region"][data-context-id="${contextId}"]`);
  await expect(region).toHaveCount(1);
  await expect(region).toContainText('Payment');
  await expect(sticky(page, command).getByTestId('sticky-band')).toHaveCSS('background-color', 'rgb(225, 29, 72)');
  await expect(sticky(page, other).getByTestId('sticky-band')).toHaveCount(0);

  // Dim everything outside the context, and back.
  await row.getByTestId('context-focus').click();
  await expect(sticky(page, other)).toHaveClass(/es-dimmed/);
  await expect(sticky(page, event)).not.toHaveClass(/es-dimmed/);
  await row.getByTestId('context-focus').click();
  await expect(sticky(page, other)).not.toHaveClass(/es-dimmed/);

  // Deleting the context leaves its stickies, unassigned.
  page.once('dialog', (d) => void d.accept());
  await row.getByTestId('context-delete').click();
  await expect(page.getByTestId('context-row')).toHaveCount(0);
  await expect(region).toHaveCount(0);
  await expect(sticky(page, command).getByTestId('sticky-band')).toHaveCount(0);
  expect((await boardSnapshot(page)).elements.map((e) => e.contextId)).toEqual([null, null, null]);
});
