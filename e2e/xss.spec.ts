// Names are text, never HTML: a sticky named like an HTML payload shows those characters and runs nothing,
// on the page that typed it and on a colleague's page that received it.
import { expect, test, type Page } from '@playwright/test';
import { clickCanvas, createWorkshop, editingId, openBoard, sticky } from './helpers';

const PAYLOAD = '<img src=x onerror=alert(1)>';

function failOnDialog(page: Page, dialogs: string[]) {
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}

test('a sticky named <img src=x onerror=alert(1)> shows as that text and runs nothing', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'XSS');
  const dialogs: string[] = [];
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  failOnDialog(a, dialogs);
  failOnDialog(b, dialogs);
  await openBoard(a, workshop);
  await openBoard(b, workshop);

  await clickCanvas(a, 300, 200);
  await a.keyboard.press('h');
  const id = await editingId(a);
  await a.getByTestId('sticky-name-input').fill(PAYLOAD);
  await a.keyboard.press('Enter');
  await a.getByTestId('workshop-name').fill(`${PAYLOAD} workshop`);
  await a.getByTestId('workshop-name').press('Enter');

  for (const page of [a, b]) {
    await expect(sticky(page, id).getByTestId('sticky-name')).toHaveText(PAYLOAD);
    await expect(page.getByTestId('workshop-name')).toHaveValue(`${PAYLOAD} workshop`);
    await sticky(page, id).click();
    await expect(page.getByTestId('inspector-name')).toHaveValue(PAYLOAD);
    // No element was made from the text: no <img> anywhere on the board, and none tried to load "x".
    expect(await page.locator('[data-testid="board"] img').count()).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/x')))).toBe(false);
  }
  expect(dialogs).toEqual([]);
  await contextA.close();
  await contextB.close();
});
