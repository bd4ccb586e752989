// The seed tutorial (tutorial-steps.json) replayed into a workshop through the page's own board operations:
// 44 stickies and 18 arrows, laid out by the board itself (no manual layout), readable. The screenshots are kept
// as test artefacts: the whole board, and the timeline section by section at a readable zoom.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { CATALOGUE, COLUMN_WIDTH, timelineScaleOf } from '../src/domain';
import { boardSnapshot, createWorkshop, openBoard, replayTutorialInPage } from './helpers';

/** The timeline sections the tutorial uses (the position each starts at), each shown at a readable zoom. */
const SECTIONS = [
  { name: 'order', from: 0 },
  { name: 'payment', from: 10 },
  { name: 'confirm-inventory', from: 20 },
  { name: 'fulfil', from: 30 },
  { name: 'ship', from: 40 },
  { name: 'deliver', from: 50 },
  { name: 'cancel', from: 99 },
];
const READABLE = 0.72;

async function setViewport(page: Page, viewport: { x: number; y: number; zoom: number }) {
  await page.evaluate((v) => window.__eventstorm!.flow!.setViewport(v), viewport);
}

test('the replayed tutorial shows 44 readable stickies and 18 arrows without manual layout', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1150 });
  const workshop = await createWorkshop(request, 'Tutorial');
  await openBoard(page, workshop);
  await replayTutorialInPage(page);

  // Open it as a participant joining later would: the board comes from the server.
  await page.reload();
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('workshop-name')).toHaveValue('E-commerce Order Management System');

  // The whole board in view (the compact timeline: its 18 positions side by side): every sticky, every arrow.
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 400 } });
  await page.keyboard.press('Shift+!');
  const stickies = page.locator('.react-flow__node-sticky');
  await expect(stickies).toHaveCount(44);
  await expect(page.locator('.react-flow__edge-trigger')).toHaveCount(18);
  await expect(page.getByTestId('ruler-tick').filter({ hasText: '99' })).toHaveAttribute('data-jump', 'true');
  await expect(page.locator('[data-testid="context-region"]').first()).toBeAttached();
  await page.screenshot({ path: join(testInfo.project.outputDir, 'tutorial-board.png') });

  // No two stickies overlap (measured on screen, rotation included).
  const boxes = await stickies.evaluateAll((nodes) =>
    nodes.map((n) => {
      const r = n.querySelector('[data-testid="sticky"]')!.getBoundingClientRect();
      return { id: n.getAttribute('data-id'), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }

  // Zoomed out past legibility, the arrows are one overview path, all 18 of them.
  const fitted = await page.evaluate(() => window.__eventstorm!.flow!.getViewport());
  await setViewport(page, { ...fitted, zoom: 0.12 });
  const overview = page.getByTestId('overview-arrows').locator('path');
  await expect.poll(async () => ((await overview.getAttribute('d')) ?? '').split('M').length - 1).toBe(18);

  // Section by section at a readable zoom: each sticky shows its whole name in at least 10 px type.
  const layout = timelineScaleOf((await boardSnapshot(page)).elements);
  const names = new Set<string>();
  const arrows = new Set<string>();
  for (const section of SECTIONS) {
    await setViewport(page, { x: 130 - (layout.xOf(section.from) - 0.4 * COLUMN_WIDTH) * READABLE, y: 70, zoom: READABLE });
    await expect(page.locator('.react-flow__node-sticky').first()).toBeVisible();
    const shown = await page.locator('.react-flow__node-sticky [data-testid="sticky-name"]').evaluateAll((els) =>
      els.map((el) => {
        const e = el as HTMLElement;
        const box = e.getBoundingClientRect();
        return { name: e.textContent ?? '', fontPx: parseFloat(getComputedStyle(e).fontSize) * (box.height / e.offsetHeight || 1), clipped: e.scrollHeight > e.clientHeight + 1 };
      }),
    );
    // Every arrow on screen leaves its source sticky from the middle of one of its sides (stickies first drawn
    // zoomed out must not send their arrows elsewhere).
    const ends = await page.locator('.react-flow__edge-trigger').evaluateAll((els) =>
      els.map((el) => {
        const id = el.getAttribute('data-id')!;
        const path = el.querySelector<SVGPathElement>('path.es-edge-path')!;
        const start = new DOMPoint(path.getPointAtLength(0).x, path.getPointAtLength(0).y).matrixTransform(path.getScreenCTM()!);
        const source = document.querySelector(`.react-flow__node[data-id="${id.split('>')[0]}"]`);
        const box = source?.getBoundingClientRect();
        return { id, x: start.x, y: start.y, box: box && { left: box.left, right: box.right, mid: box.top + box.height / 2 } };
      }),
    );
    for (const end of ends) {
      arrows.add(end.id);
      if (!end.box) continue; // its source is off screen
      const onSide = Math.min(Math.abs(end.x - end.box.left), Math.abs(end.x - end.box.right));
      expect(onSide, `arrow ${end.id} leaves its source's side`).toBeLessThan(3);
      expect(Math.abs(end.y - end.box.mid), `arrow ${end.id} leaves its source's middle`).toBeLessThan(3);
    }
    for (const s of shown) {
      expect(s.clipped, `"${s.name}" is cut off`).toBe(false);
      expect(s.fontPx, `"${s.name}" is too small`).toBeGreaterThanOrEqual(10);
      names.add(s.name);
    }
    await page.screenshot({ path: join(testInfo.project.outputDir, `tutorial-board-${section.name}.png`) });
    if (section.name === 'order') {
      // Sizes come from the catalogue: aggregates large, actors small.
      const aggregate = await page.locator('.react-flow__node-sticky:has([data-type="aggregate"])').first().boundingBox();
      const actor = await page.locator('.react-flow__node-sticky:has([data-type="actor"])').first().boundingBox();
      expect(aggregate?.width).toBeCloseTo(CATALOGUE.aggregate.width * READABLE, 0);
      expect(actor?.width).toBeCloseTo(CATALOGUE.actor.width * READABLE, 0);
    }
  }
  expect(names.size).toBe(44);
  // At a readable zoom every arrow is a real, selectable arrow.
  expect(arrows.size).toBe(18);
});
