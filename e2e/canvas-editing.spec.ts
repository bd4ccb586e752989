// Working on the canvas: select several (shift-click, box), drag them together (written once, on drop), delete,
// duplicate, undo and redo, zoom and fit; the top bar's name.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { COLUMN_WIDTH } from '../src/domain';
import { boardSnapshot, clickCanvas, createWorkshop, dragBy, editingId, nodeTranslate, openBoard, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

async function addEvent(page: Page, x: number, y: number, name: string): Promise<string> {
  await clickCanvas(page, x, y);
  await page.keyboard.press('e');
  const id = await editingId(page);
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  return id;
}

test('a selection drags together and is written to the document once, on drop', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Drag'));
  const a = await addEvent(page, 150, 150, 'First');
  const b = await addEvent(page, 150, 400, 'Second');

  await sticky(page, a).click();
  await sticky(page, b).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-count', '2');

  await page.evaluate(() => {
    const w = window as unknown as { __updates: number };
    w.__updates = 0;
    window.__eventstorm!.doc.on('update', () => w.__updates++);
  });
  const beforeA = await nodeTranslate(sticky(page, a));
  const beforeB = await nodeTranslate(sticky(page, b));
  await dragBy(page, sticky(page, a), 2 * COLUMN_WIDTH, 30, 40);
  await expect.poll(() => nodeTranslate(sticky(page, a))).toEqual({ x: beforeA.x + 2 * COLUMN_WIDTH, y: beforeA.y + 30 });
  expect(await nodeTranslate(sticky(page, b))).toEqual({ x: beforeB.x + 2 * COLUMN_WIDTH, y: beforeB.y + 30 });
  expect(await page.evaluate(() => (window as unknown as { __updates: number }).__updates)).toBe(1);
  const snap = await boardSnapshot(page);
  const first = snap.elements.find((e) => e.id === a)!;
  expect(first.position * COLUMN_WIDTH).toBeCloseTo(beforeA.x + 2 * COLUMN_WIDTH, 6);
});

test('delete, duplicate, undo and redo work on the selection, from keys and buttons', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Edit ops'));
  const a = await addEvent(page, 150, 150, 'Alpha');
  const b = await addEvent(page, 450, 150, 'Beta');
  const count = async () => (await boardSnapshot(page)).elements.length;

  // Box select both and duplicate them.
  const p = (await page.getByTestId('canvas').locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(p.x + 20, p.y + 60);
  await page.mouse.down();
  await page.mouse.move(p.x + 700, p.y + 260, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-count', '2');
  await page.keyboard.press('ControlOrMeta+d');
  await expect.poll(count).toBe(4);
  await expect(page.getByTestId('inspector')).toHaveAttribute('data-count', '2');

  // Delete the copies (the selection), undo brings them back, redo removes them again.
  await page.keyboard.press('Delete');
  await expect.poll(count).toBe(2);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(count).toBe(4);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(count).toBe(2);
  await page.getByTestId('undo').click();
  await expect.poll(count).toBe(4);
  await page.getByTestId('redo').click();
  await expect.poll(count).toBe(2);
  await expect(sticky(page, a)).toBeVisible();
  await expect(sticky(page, b)).toBeVisible();

  // Backspace deletes too.
  await sticky(page, b).click();
  await page.keyboard.press('Backspace');
  await expect(sticky(page, b)).toHaveCount(0);
});

test('zoom, fit view, the minimap and the timeline ruler', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Zoom'));
  await addEvent(page, 150, 150, 'Somewhere');
  const zoom = () => page.evaluate(() => window.__eventstorm!.flow!.getViewport().zoom);
  expect(await zoom()).toBe(1);
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect.poll(zoom).toBeLessThan(1);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(zoom).toBeGreaterThan(1);
  await expect(page.getByTestId('minimap')).toBeVisible();
  await expect(page.getByTestId('timeline-ruler')).toContainText('0');
  await expect(page.getByTestId('row-labels')).toContainText('Actor');
});

test('the workshop name is edited in the top bar, and Export JSON downloads the workshop', async ({ page, request }) => {
  await openBoard(page, await createWorkshop(request, 'Old name'));
  await page.getByTestId('workshop-name').fill('New name');
  await page.getByTestId('workshop-name').press('Enter');
  await expect.poll(async () => (await boardSnapshot(page)).meta.name).toBe('New name');
  await expect(page).toHaveTitle(/New name/);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-edit-link')).toHaveValue(page.url());
  await page.keyboard.press('Escape');

  await addEvent(page, 200, 200, 'Exported');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { format: string; workshop: { name: string }; elements: { name: string }[] };
  expect(exported.format).toBe('eventstorm.workshop');
  expect(exported.workshop.name).toBe('New name');
  expect(exported.elements.map((e) => e.name)).toEqual(['Exported']);
});
