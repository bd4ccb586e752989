// The legend: folded to a button until a person opens it; open, each type in the palette's order with its colour,
// its meaning and its writing rule; folded again or left open, it stays so on the next visit.
import { expect, test } from '@playwright/test';
import { CATALOGUE, ELEMENT_TYPES } from '../src/domain';
import { createWorkshop, openBoard } from './helpers';

test('the legend opens from the board, lists every type as the palette does, and is remembered', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Legend'));
  await expect(page.getByTestId('legend')).toHaveCount(0);
  await page.getByTestId('legend-toggle').click();
  const rows = page.getByTestId('legend-row');
  await expect(rows).toHaveCount(ELEMENT_TYPES.length);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))).toEqual([...ELEMENT_TYPES]);
  const palette = await page.getByTestId('palette').locator('[data-testid^="palette-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('palette-'.length)));
  expect(palette).toEqual([...ELEMENT_TYPES]);
  await expect(rows.filter({ hasText: 'Domain Event' })).toContainText('past tense: "Order Placed"');
  const swatch = rows.first().locator('span').first();
  expect(await swatch.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(hexToRgb(CATALOGUE[ELEMENT_TYPES[0]].color));

  await page.reload();
  await expect(page.getByTestId('legend')).toBeVisible();
  await page.getByTestId('legend-toggle').click();
  await expect(page.getByTestId('legend')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('legend')).toHaveCount(0);
  await expect(page.getByTestId('legend-toggle')).toBeVisible();
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
