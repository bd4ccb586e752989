// The opportunity sticky, the Big Picture's ninth type: added from the palette's key, in the legend and the lint,
// exported as version 2 of the exchange format (what version 1 could not carry) and imported back.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CATALOGUE } from '../src/domain';
import { boardSnapshot, clickCanvas, createWorkshop, editingId, openBoard, sticky } from './helpers';

test('an opportunity is added with O, listed by the legend and the lint, and survives export and import as version 2', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Opportunities'));
  await clickCanvas(page, 300, 300);
  await page.keyboard.press('o');
  const id = await editingId(page);
  await page.getByTestId('sticky-name-input').fill('Offer express delivery');
  await page.keyboard.press('Enter');
  const card = sticky(page, id).getByTestId('sticky');
  await expect(card).toHaveAttribute('data-type', 'opportunity');
  expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(190, 242, 100)');
  expect(CATALOGUE.opportunity.color).toBe('#bef264');

  await page.getByTestId('legend-toggle').click();
  await expect(page.locator('[data-testid="legend-row"][data-type="opportunity"]')).toContainText('Opportunity');
  await page.getByTestId('tab-lint').click();
  await expect(page.locator('[data-testid="lint-group"][data-rule="open-opportunity"]')).toContainText('Offer express delivery');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { version: number; elements: { type: string; name: string }[] };
  expect(file.version).toBe(2);
  expect(file.elements).toMatchObject([{ type: 'opportunity', name: 'Offer express delivery' }]);

  await page.goto('/');
  await page.getByTestId('import-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect.poll(async () => (await boardSnapshot(page)).elements.map((e) => [e.type, e.name])).toEqual([['opportunity', 'Offer express delivery']]);
});
