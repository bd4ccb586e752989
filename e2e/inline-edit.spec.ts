// Naming a sticky in place: double-click or Enter opens the name; Enter commits, Escape cancels.
import { expect, test } from '@playwright/test';
import { boardSnapshot, clickCanvas, createWorkshop, editingId, openBoard, sticky } from './helpers';

test('inline edit commits on Enter and cancels on Escape', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Inline edit'));
  await clickCanvas(page, 300, 200);
  await page.keyboard.press('e');
  const id = await editingId(page);
  const name = sticky(page, id).getByTestId('sticky-name');

  // A fresh sticky's name is selected: typing replaces it, Enter commits.
  await page.keyboard.type('Order Placed');
  await page.keyboard.press('Enter');
  await expect(name).toHaveText('Order Placed');
  await expect(page.getByTestId('sticky-name-input')).toHaveCount(0);
  expect((await boardSnapshot(page)).elements[0].name).toBe('Order Placed');

  // Double-click opens it again; Escape throws the typing away.
  await sticky(page, id).dblclick();
  await expect(page.getByTestId('sticky-name-input')).toBeFocused();
  await expect(page.getByTestId('sticky-name-input')).toHaveValue('Order Placed');
  await page.keyboard.type('Something else entirely');
  await page.keyboard.press('Escape');
  await expect(name).toHaveText('Order Placed');
  expect((await boardSnapshot(page)).elements[0].name).toBe('Order Placed');

  // Enter on the selected sticky opens it too; the canvas keeps the keyboard after each edit.
  await sticky(page, id).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sticky-name-input')).toBeFocused();
  await page.keyboard.type('Order Submitted');
  await page.keyboard.press('Enter');
  await expect(name).toHaveText('Order Submitted');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(name).toHaveText('Order Submitted');

  // An empty name is not a name: the sticky keeps its old one.
  await sticky(page, id).dblclick();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(name).toHaveText('Order Submitted');
  // The inspector shows the same name; an operation the board refuses is explained in a toast, and undone there.
  await expect(page.getByTestId('inspector-name')).toHaveValue('Order Submitted');
  await page.getByTestId('inspector-name').fill('   ');
  await page.getByTestId('inspector-name').press('Enter');
  await expect(page.getByTestId('toast')).toContainText('name: must not be empty');
  await expect(page.getByTestId('inspector-name')).toHaveValue('Order Submitted');
  await expect(name).toHaveText('Order Submitted');
});
