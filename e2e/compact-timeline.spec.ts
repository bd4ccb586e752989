// The compact timeline, the default layout: the seed's positions 0, 1, 10, 11 … 99 as consecutive columns. A sticky
// dropped between the columns of 10 and 11 gets a position strictly between them, which the assistant's timeline
// shows, and nobody else's position changes; one dropped onto a column takes that column's position. The View
// menu's "Timeline to scale" brings back one column per unit, and the choice is remembered.
import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE, COLUMN_GAP, COLUMN_WIDTH, timelineScaleOf } from '../src/domain';
import { callOk, connectMcp } from '../test-support/mcp-test-client';
import { boardSnapshot, createWorkshop, nodeTranslate, openBoard, replayTutorialInPage, sticky } from './helpers';

/** Where the canvas draws a sticky (flow x), drawn on screen or not. */
async function drawnX(page: Page, id: string): Promise<number | undefined> {
  return page.evaluate((id) => window.__eventstorm!.session.store.getState().nodes.find((n) => n.id === id)?.position.x, id);
}

async function positions(page: Page): Promise<Map<string, number>> {
  return new Map((await boardSnapshot(page)).elements.map((e) => [e.id, e.position]));
}

/** Drag a sticky with the mouse until its left edge is at flow x `toX` (zoom known), its row kept. */
async function dragLeftEdgeTo(page: Page, id: string, toX: number, zoom: number) {
  const node = sticky(page, id);
  const from = await nodeTranslate(node);
  const box = (await node.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 20);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 3, y);
  await page.mouse.move(x + (toX - from.x) * zoom, y, { steps: 14 });
  await page.mouse.up();
}

test('a sticky dropped between the columns of 10 and 11 goes strictly between them, and no one else moves', async ({ page, request, baseURL }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const workshop = await createWorkshop(request, 'Compact');
  await openBoard(page, workshop);
  const saved = await replayTutorialInPage(page);

  // The ruler: one mark per position in use, "…" where the numbers skip.
  const ruler = page.getByTestId('timeline-ruler');
  await expect(ruler).toHaveAttribute('data-mode', 'compact');
  const zoom = 0.8;
  const snap = await boardSnapshot(page);
  const layout = timelineScaleOf(snap.elements);
  await page.evaluate(([x, z]) => window.__eventstorm!.flow!.setViewport({ x, y: 40, zoom: z }), [130 - layout.xOf(1) * zoom, zoom] as const);
  await expect(ruler.locator('[data-position="10"]')).toHaveAttribute('data-jump', 'true');
  await expect(ruler.locator('[data-position="11"]')).not.toHaveAttribute('data-jump', 'true');
  const tenX = (await nodeTranslate(sticky(page, saved.get('$payment-authorized')!))).x;
  const elevenX = (await nodeTranslate(sticky(page, saved.get('$payment-captured')!))).x;
  expect(elevenX - tenX).toBe(CATALOGUE.aggregate.width + COLUMN_GAP); // side by side, however far apart the numbers

  // Drop "Order History" (position 1) halfway between the columns of 10 and 11.
  const history = saved.get('$order-history')!;
  const before = await positions(page);
  await dragLeftEdgeTo(page, history, (tenX + elevenX) / 2, zoom);
  await expect.poll(async () => (await positions(page)).get(history)).not.toBe(1);
  const after = await positions(page);
  const dropped = after.get(history)!;
  expect(dropped).toBeGreaterThan(10);
  expect(dropped).toBeLessThan(11);
  for (const [id, p] of before) if (id !== history) expect(after.get(id), `${id} was renumbered`).toBe(p);

  // The assistant's timeline has it there, between the events at 10 and 11.
  const mcp = await connectMcp(baseURL!);
  try {
    const timeline = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop.workshop_id, page_size: 500, response_format: 'json' });
    const order = (timeline.timeline as { name: string; position: number }[]).map((e) => `${e.position} ${e.name}`);
    const at = order.indexOf(`${dropped} Order History`);
    expect(at).toBeGreaterThan(order.indexOf('10 Payment Authorized'));
    expect(at).toBeLessThan(order.indexOf('11 Payment Captured'));
  } finally {
    await mcp.close();
  }

  // Dropped onto a column, a sticky takes that column's position: "Order History" onto the column of 20.
  await expect.poll(async () => (await nodeTranslate(sticky(page, history))).x).toBeGreaterThan(tenX);
  const twentyX = (await nodeTranslate(sticky(page, saved.get('$order-confirmed')!))).x;
  await dragLeftEdgeTo(page, history, twentyX + 12, zoom);
  await expect.poll(async () => (await positions(page)).get(history)).toBe(20);
});

test('"Timeline to scale" in the View menu lays one column per unit, and is remembered', async ({ page, request }) => {
  const workshop = await createWorkshop(request, 'To scale');
  await openBoard(page, workshop);
  const saved = await replayTutorialInPage(page);
  const cancelled = saved.get('$order-cancelled')!;
  await page.getByTestId('view-menu-button').click();
  await expect(page.getByTestId('view-to-scale')).toHaveAttribute('aria-checked', 'false');
  await page.getByTestId('view-to-scale').click();
  await expect(page.getByTestId('timeline-ruler')).toHaveAttribute('data-mode', 'to-scale');
  await expect.poll(() => drawnX(page, cancelled)).toBe(99 * COLUMN_WIDTH);
  // The document is untouched: the layout is this person's.
  expect((await boardSnapshot(page)).elements.find((e) => e.id === cancelled)!.position).toBe(99);
  await page.reload();
  await expect(page.getByTestId('timeline-ruler')).toHaveAttribute('data-mode', 'to-scale');
  await page.getByTestId('view-menu-button').click();
  await expect(page.getByTestId('view-to-scale')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('view-to-scale').click();
  await expect(page.getByTestId('timeline-ruler')).toHaveAttribute('data-mode', 'compact');
  await expect.poll(async () => (await drawnX(page, cancelled))!).toBeLessThan(20 * COLUMN_WIDTH);
});
