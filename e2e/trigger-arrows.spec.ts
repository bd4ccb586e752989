// Trigger arrows: drawn from a sticky's handle onto another, listed in the inspector, following the stickies,
// removed by selecting them and pressing Delete.
import { expect, test } from '@playwright/test';
import { arrow, boardSnapshot, clickCanvas, createWorkshop, drawArrow, editingId, openBoard, sticky } from './helpers';

test('an arrow drawn between two stickies appears in the inspector’s triggers of the source, follows them and can be deleted', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Arrows'));
  await clickCanvas(page, 150, 200);
  await page.keyboard.press('c');
  const command = await editingId(page);
  await page.keyboard.type('Place Order');
  await page.keyboard.press('Enter');
  await clickCanvas(page, 600, 200);
  await page.keyboard.press('e');
  const event = await editingId(page);
  await page.keyboard.type('Order Placed');
  await page.keyboard.press('Enter');

  await drawArrow(page, sticky(page, command), sticky(page, event));
  await expect(arrow(page, command, event)).toBeAttached();
  expect((await boardSnapshot(page)).links.map((l) => [l.from, l.to])).toEqual([[command, event]]);

  await sticky(page, command).click();
  const triggers = page.getByTestId('inspector-triggers');
  await expect(triggers.getByTestId('inspector-trigger')).toHaveCount(1);
  await expect(triggers.getByTestId('inspector-trigger')).toHaveAttribute('data-target-id', event);
  await expect(triggers).toContainText('Order Placed');
  await sticky(page, event).click();
  await expect(page.getByTestId('inspector-triggered-by')).toContainText('Place Order');

  // The arrow follows a sticky while it is being dragged, before the drop.
  const path = arrow(page, command, event).locator('path.es-edge-path');
  const before = await path.getAttribute('d');
  const box = (await sticky(page, event).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 5, box.y + 20);
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 140, { steps: 8 });
  await expect(path).not.toHaveAttribute('d', before!);
  await page.mouse.up();

  // Select the arrow by its midpoint and delete it.
  await clickCanvas(page, 50, 500);
  await arrow(page, command, event).getByTestId('edge-handle').click({ force: true });
  await expect(arrow(page, command, event)).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(arrow(page, command, event)).toHaveCount(0);
  expect((await boardSnapshot(page)).links).toEqual([]);
  await expect(sticky(page, command)).toBeVisible();
  await expect(sticky(page, event)).toBeVisible();

  // The inspector can add one too.
  await sticky(page, command).click();
  await page.getByTestId('inspector-add-trigger').click();
  await page.getByTestId('trigger-picker-query').fill('placed');
  await page.locator(`[data-testid="trigger-picker-option"][data-element-id="${event}"]`).click();
  await expect(arrow(page, command, event)).toBeAttached();
  await page.getByTestId('inspector-trigger-remove').click();
  await expect(arrow(page, command, event)).toHaveCount(0);
});
