// Presence: who is here, where their pointer is, what they have selected, and stickies moving on everyone's
// board while someone drags them (through awareness; the document gets the drop, once).
import { expect, test } from '@playwright/test';
import { COLUMN_WIDTH } from '../src/domain';
import { addSticky, join } from './collab';
import { clickCanvas, createWorkshop, nodeTranslate, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

test("B sees A's cursor with A's name, A's selection outlined in A's colour, and A's sticky moving during the drag", async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Presence');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');

  // Both are listed on the other's top bar, with their names.
  await expect(a.page.locator('[data-testid="participant"][data-name="Bob"]')).toHaveCount(1);
  await expect(b.page.locator('[data-testid="participant"][data-name="Alice"]')).toHaveAttribute('title', /Alice/);
  await expect(b.page.getByTestId('participants')).toHaveAttribute('data-count', '2');

  // Zoom 1 on a fresh board; kept clear of the canvas edges, where a drag would pan the board.
  const id = await addSticky(a.page, 'event', 'Order Placed', 0, 200);
  await expect(sticky(b.page, id)).toBeVisible();
  await clickCanvas(a.page, 600, 420);

  // A's pointer over the canvas: B sees a cursor labelled "Alice" in Alice's colour.
  const canvas = (await a.page.getByTestId('canvas').boundingBox())!;
  await a.page.mouse.move(canvas.x + 300, canvas.y + 250);
  await a.page.mouse.move(canvas.x + 320, canvas.y + 260, { steps: 3 });
  const cursor = b.page.locator('[data-testid="remote-cursor"][data-name="Alice"]');
  await expect(cursor).toBeVisible();
  await expect(cursor).toHaveText('Alice');
  const aliceColour = await a.page.getByTestId('participant-self').getAttribute('data-color');
  expect(await cursor.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--es-peer'))).toBe(aliceColour);
  // The cursor sits where A's pointer is on the board (same zoom on both: same screen offset in the canvas).
  // (Polled: the pointer's last moves may still be on their way, paced by the awareness rate limit.)
  const canvasB = (await b.page.getByTestId('canvas').boundingBox())!;
  await expect
    .poll(async () => {
      const cursorBox = (await cursor.boundingBox())!;
      return Math.max(Math.abs(cursorBox.x - canvasB.x - 320), Math.abs(cursorBox.y - canvasB.y - 260));
    })
    .toBeLessThan(4);

  // A selects the sticky: B sees it outlined in A's colour, with A's name.
  await sticky(a.page, id).click();
  const outline = b.page.locator(`[data-testid="remote-selection"][data-element-id="${id}"]`);
  await expect(outline).toBeVisible();
  await expect(outline).toHaveAttribute('data-name', 'Alice');
  expect(await outline.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--es-peer'))).toBe(aliceColour);

  // A drags it two columns to the right and holds the mouse: B sees it move before the drop.
  const start = await nodeTranslate(sticky(b.page, id));
  const box = (await sticky(a.page, id).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + 30;
  await a.page.mouse.move(x, y);
  await a.page.mouse.down();
  await a.page.mouse.move(x + 3, y);
  await a.page.mouse.move(x + COLUMN_WIDTH, y + 40, { steps: 8 });
  await expect.poll(async () => (await nodeTranslate(sticky(b.page, id))).x).toBeGreaterThan(start.x + COLUMN_WIDTH / 2);
  await a.page.mouse.move(x + 2 * COLUMN_WIDTH, y + 40, { steps: 8 });
  await expect.poll(async () => (await nodeTranslate(sticky(b.page, id))).x).toBeGreaterThan(start.x + 1.5 * COLUMN_WIDTH);
  // Still held: the document has not been written.
  const held = await b.page.evaluate((id) => window.__eventstorm!.snapshot().elements.find((e) => e.id === id)!.position, id);
  expect(held).toBe(0);
  // The outline travels with the sticky (read once the last drag frames have landed: the two boxes are read one
  // after the other, and a frame arriving between the reads once put them 22 px apart).
  await expect
    .poll(async () => {
      const [outlineBox, stickyBox] = await Promise.all([outline.boundingBox(), sticky(b.page, id).boundingBox()]);
      return Math.abs(outlineBox!.x - stickyBox!.x);
    })
    .toBeLessThan(12);
  await a.page.mouse.up();

  // The drop is written once and lands in the same place on both boards.
  await expect.poll(() => b.page.evaluate((id) => window.__eventstorm!.snapshot().elements.find((e) => e.id === id)!.position, id)).toBeCloseTo(2, 1);
  await expect.poll(() => nodeTranslate(sticky(b.page, id))).toEqual(await nodeTranslate(sticky(a.page, id)));

  // A leaves: B's list and cursor layer forget A.
  await a.context.close();
  await expect(b.page.locator('[data-testid="participant"][data-name="Alice"]')).toHaveCount(0);
  await expect(cursor).toHaveCount(0);
  await b.context.close();
});

test('two people dragging different stickies at the same time both land, on both boards', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Two drags');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');
  const first = await addSticky(a.page, 'event', 'First', 0, 100);
  const second = await addSticky(b.page, 'command', 'Second', 0, 320);
  await expect(sticky(a.page, second)).toBeVisible();
  await expect(sticky(b.page, first)).toBeVisible();

  const grab = async (page: typeof a.page, id: string) => {
    const box = (await sticky(page, id).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 30;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 3, y);
    return { x, y };
  };
  const pa = await grab(a.page, first);
  const pb = await grab(b.page, second);
  for (let step = 1; step <= 6; step++) {
    await a.page.mouse.move(pa.x + (step * 2 * COLUMN_WIDTH) / 6, pa.y);
    await b.page.mouse.move(pb.x + (step * 1 * COLUMN_WIDTH) / 6, pb.y);
  }
  // Each sees the other's sticky on the move while their own is still held.
  await expect.poll(async () => (await nodeTranslate(sticky(a.page, second))).x).toBeGreaterThan(0.5 * COLUMN_WIDTH);
  await expect.poll(async () => (await nodeTranslate(sticky(b.page, first))).x).toBeGreaterThan(1.5 * COLUMN_WIDTH);
  await a.page.mouse.up();
  await b.page.mouse.up();

  const positions = (page: typeof a.page) =>
    page.evaluate(([f, s]) => {
      const els = window.__eventstorm!.snapshot().elements;
      return [els.find((e) => e.id === f)!.position, els.find((e) => e.id === s)!.position];
    }, [first, second]);
  await expect.poll(() => positions(a.page)).toEqual([2, 1]);
  await expect.poll(() => positions(b.page)).toEqual([2, 1]);
  for (const page of [a.page, b.page]) {
    await expect.poll(async () => (await nodeTranslate(sticky(page, first))).x).toBe(2 * COLUMN_WIDTH);
    await expect.poll(async () => (await nodeTranslate(sticky(page, second))).x).toBe(1 * COLUMN_WIDTH);
  }
  await a.context.close();
  await b.context.close();
});

test('the name is asked once and remembered; a viewer appears in the list', async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Names');
  const a = await join(browser, workshop, 'Alice');
  await a.page.reload();
  await expect(a.page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(a.page.getByTestId('participant-self')).toHaveAttribute('data-name', 'Alice');
  await expect(a.page.getByTestId('name-prompt')).toHaveCount(0);

  // Renaming from one's own initials reaches the others.
  const viewer = await join(browser, workshop, 'Vera', 'view');
  await expect(a.page.locator('[data-testid="participant"][data-name="Vera"]')).toHaveAttribute('data-access', 'view');
  await a.page.getByTestId('participant-self').click();
  await a.page.getByTestId('rename-popover').getByTestId('name-input').fill('Alice Liddell');
  await a.page.getByTestId('rename-popover').getByTestId('name-input').press('Enter');
  await expect(viewer.page.locator('[data-testid="participant"][data-name="Alice Liddell"]')).toHaveCount(1);
  await a.context.close();
  await viewer.context.close();
});
