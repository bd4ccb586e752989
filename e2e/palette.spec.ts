// The palette: every sticky type can be added by a click (centre of the view), by drag and drop (where it is
// dropped) and by its key (at the pointer, while the canvas has the keyboard).
import { expect, test, type Page } from '@playwright/test';
import { CATALOGUE, ELEMENT_TYPES, type ElementType } from '../src/domain';
import { boardSnapshot, clickCanvas, createWorkshop, editingId, openBoard, sticky, TIMELINE_TO_SCALE } from './helpers';

// Stickies are placed at screen points and checked where they land: one column per unit (TIMELINE_TO_SCALE).
test.use(TIMELINE_TO_SCALE);

async function countOf(page: Page, type: ElementType): Promise<number> {
  return (await boardSnapshot(page)).elements.filter((e) => e.type === type).length;
}

/** Grid of well-separated canvas points (pane-relative), one per type. */
/** Four to a row, clear of each other and of the side panel, which opens beside the canvas at the first sticky. */
function spotFor(i: number): { x: number; y: number } {
  return { x: 140 + (i % 4) * 190, y: 130 + Math.floor(i / 4) * 220 };
}

async function expectCentredAt(page: Page, id: string, point: { x: number; y: number }) {
  const pane = await page.getByTestId('canvas').locator('.react-flow__pane').boundingBox();
  const box = await sticky(page, id).boundingBox();
  if (!pane || !box) throw new Error('not on screen');
  // The timeline keeps positions to a tenth of a column (22 px at zoom 1); y is free.
  expect(Math.abs(box.x + box.width / 2 - (pane.x + point.x))).toBeLessThanOrEqual(12);
  expect(Math.abs(box.y + box.height / 2 - (pane.y + point.y))).toBeLessThanOrEqual(2);
}

test.describe('the palette', () => {
  test('adds every type by click, at the centre of the view, and opens its name for editing', async ({ page, request }) => {
    await openBoard(page, await createWorkshop(request, 'Palette click'));
    await expect(page.getByTestId('empty-board')).toBeVisible();
    for (const type of ELEMENT_TYPES) {
      const before = await countOf(page, type);
      await page.getByTestId(`palette-${type}`).click();
      const id = await editingId(page);
      await page.keyboard.press('Escape');
      await expect(sticky(page, id)).toBeVisible();
      await expect(sticky(page, id).getByTestId('sticky')).toHaveAttribute('data-type', type);
      await expect(sticky(page, id).getByTestId('sticky-name')).toHaveText(`New ${CATALOGUE[type].label.toLowerCase()}`);
      expect(await countOf(page, type)).toBe(before + 1);
    }
    await expect(page.getByTestId('empty-board')).toHaveCount(0);
  });

  test('adds every type by dragging it onto the canvas, where it is dropped', async ({ page, request }) => {
    await openBoard(page, await createWorkshop(request, 'Palette drop'));
    const pane = page.getByTestId('canvas').locator('.react-flow__pane');
    for (const [i, type] of ELEMENT_TYPES.entries()) {
      const point = spotFor(i);
      await page.getByTestId(`palette-${type}`).dragTo(pane, { targetPosition: point });
      const id = await editingId(page);
      await page.keyboard.press('Escape');
      await expect(sticky(page, id).getByTestId('sticky')).toHaveAttribute('data-type', type);
      await expectCentredAt(page, id, point);
    }
    expect((await boardSnapshot(page)).elements).toHaveLength(ELEMENT_TYPES.length);
  });

  test('adds every type by its key, at the pointer, while the canvas has the keyboard', async ({ page, request }) => {
    await openBoard(page, await createWorkshop(request, 'Palette keys'));
    for (const [i, type] of ELEMENT_TYPES.entries()) {
      const point = spotFor(i);
      await clickCanvas(page, point.x, point.y);
      await page.keyboard.press(CATALOGUE[type].key);
      const id = await editingId(page);
      await page.keyboard.press('Escape');
      await expect(sticky(page, id).getByTestId('sticky')).toHaveAttribute('data-type', type);
      await expectCentredAt(page, id, point);
    }
    // A key typed into a text field is text, not a sticky.
    await page.getByTestId('workshop-name').click();
    await page.keyboard.press('e');
    expect((await boardSnapshot(page)).elements).toHaveLength(ELEMENT_TYPES.length);
    await expect(page.getByTestId('workshop-name')).toHaveValue(/e/);
  });
});
