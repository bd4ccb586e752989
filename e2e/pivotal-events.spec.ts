// Pivotal events and chapters, with two people on the seed tutorial's board: Ana marks "Order Placed" pivotal in
// the inspector and "Order Shipped" with Shift+P; Ben, in his own browser, sees two dividers and three chapters in
// the chapter bar and his Timeline panel, a click on a chapter takes him there, and the assistant's timeline
// answers the same three chapters.
import { expect, test } from '@playwright/test';
import { callOk, connectMcp } from '../test-support/mcp-test-client';
import { join } from './collab';
import { createWorkshop, openBoard, replayTutorialInPage, sticky } from './helpers';

test('two pivotal events draw two dividers and three chapters, in another browser too, and in the MCP timeline', async ({ browser, page, request, baseURL }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const workshop = await createWorkshop(request, 'Chapters');
  await openBoard(page, workshop);
  const saved = await replayTutorialInPage(page);
  const ana = await join(browser, workshop, 'Ana');
  const ben = await join(browser, workshop, 'Ben');
  try {
    await ana.page.setViewportSize({ width: 1600, height: 1000 });
    await ben.page.setViewportSize({ width: 1600, height: 1000 });
    await expect(ben.page.getByTestId('chapter-bar')).toHaveCount(0);

    // Ana: the inspector's checkbox on "Order Placed".
    await sticky(ana.page, saved.get('$order-placed')!).click();
    await ana.page.getByTestId('inspector-pivotal').check();
    // Shift+P on "Order Shipped"; on a command it explains instead.
    await sticky(ana.page, saved.get('$place-order')!).click();
    await ana.page.keyboard.press('Shift+P');
    await expect(ana.page.getByText('Select a domain event to mark it pivotal')).toBeVisible();
    await sticky(ana.page, saved.get('$order-shipped')!).click();
    await ana.page.keyboard.press('Shift+P');
    await expect(ana.page.getByTestId('inspector-pivotal')).toBeChecked();

    // Ben sees it all live.
    await expect(ben.page.getByTestId('pivotal-divider')).toHaveCount(2);
    const chapters = ben.page.getByTestId('chapter');
    await expect(chapters).toHaveText(['1. Order Placed', '2. Order Shipped', '3. After Order Shipped']);
    const dividers = await ben.page.getByTestId('pivotal-divider').evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')));
    expect(dividers).toEqual([saved.get('$order-placed'), saved.get('$order-shipped')]);
    await ben.page.getByTestId('tab-timeline').click();
    await ben.page.screenshot({ path: testInfo.outputPath('chapters.png') });
    await expect(ben.page.getByTestId('timeline-chapter')).toHaveCount(3);

    // A click on a chapter brings its start to the left of the view.
    const before = await ben.page.evaluate(() => window.__eventstorm!.flow!.getViewport().x);
    await chapters.nth(2).click();
    await expect.poll(() => ben.page.evaluate(() => window.__eventstorm!.flow!.getViewport().x)).toBeLessThan(before - 100);

    // The assistant's timeline.
    const mcp = await connectMcp(baseURL!);
    try {
      const timeline = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop.workshop_id, response_format: 'json', page_size: 500 });
      expect((timeline.chapters as { name: string }[]).map((c) => c.name)).toEqual(['Order Placed', 'Order Shipped', 'After Order Shipped']);
    } finally {
      await mcp.close();
    }
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});
