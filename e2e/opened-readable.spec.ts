// The seed tutorial, replayed through MCP's operations into a workshop, opened by a participant at 1600×1000 as
// the board comes: every sticky in view, every name readable (at least 8 px on screen), no two overlapping, the
// arrows drawn. Reopened, the board comes back where the person last looked.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openBoard, replayTutorialInPage } from './helpers';

const MIN_NAME_PX = 8;

async function onScreen(page: Page) {
  return page.locator('.react-flow__node-sticky').evaluateAll((nodes) => {
    const pane = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    return nodes.map((n) => {
      const card = n.querySelector('[data-testid="sticky"]')!.getBoundingClientRect();
      const name = n.querySelector<HTMLElement>('[data-testid="sticky-name"]')!;
      const box = name.getBoundingClientRect();
      const style = getComputedStyle(name);
      return {
        id: n.getAttribute('data-id')!,
        name: name.textContent ?? '',
        title: n.querySelector('[data-testid="sticky"]')!.getAttribute('title') ?? '',
        shown: style.display !== 'none' && style.visibility !== 'hidden',
        namePx: parseFloat(style.fontSize) * (box.height / (name.offsetHeight || 1)),
        clipped: name.scrollHeight > name.clientHeight + 1,
        inView: card.left >= pane.left && card.right <= pane.right && card.top >= pane.top && card.bottom <= pane.bottom,
        x: card.x, y: card.y, w: card.width, h: card.height,
      };
    });
  });
}

test('the replayed tutorial opens with all 44 stickies in view, every name readable, none overlapping, arrows drawn', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const workshop = await createWorkshop(request, 'Tutorial');
  await openBoard(page, workshop);
  await replayTutorialInPage(page);
  // A participant opening it for the first time (a fresh browser: nothing remembered).
  const participant = await page.context().browser()!.newContext({ viewport: { width: 1600, height: 1000 } });
  const p = await participant.newPage();
  try {
    await openBoard(p, workshop);
    await expect(p.locator('body')).toHaveAttribute('data-board-ready', 'true');
    const zoom = await p.evaluate(() => window.__eventstorm!.flow!.getZoom());
    await expect(p.locator('.react-flow__node-sticky'), `at zoom ${zoom.toFixed(3)}`).toHaveCount(44);
    await p.screenshot({ path: testInfo.outputPath('tutorial-opened.png') });
    const stickies = await onScreen(p);
    // Every problem at once, so a failure says how far off the board is.
    const problems: string[] = [];
    for (const s of stickies) {
      if (!s.inView) problems.push(`"${s.name}" is out of view`);
      if (!s.shown) problems.push(`"${s.name}" shows no name`);
      // A name too long for the zoomed-out type is cut with an ellipsis; the whole of it is the sticky's tooltip.
      if (s.clipped && !s.title.includes(s.name.replace(/…$/, ''))) problems.push(`"${s.name}" is cut off, and its tooltip does not say it`);
      if (s.namePx < MIN_NAME_PX) problems.push(`"${s.name}" is ${s.namePx.toFixed(1)} px on screen`);
    }
    for (let i = 0; i < stickies.length; i++) {
      for (let j = i + 1; j < stickies.length; j++) {
        const a = stickies[i];
        const b = stickies[j];
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) problems.push(`"${a.name}" overlaps "${b.name}"`);
      }
    }
    expect(problems, `at zoom ${zoom.toFixed(3)}`).toEqual([]);
    // The 18 trigger arrows are drawn at the zoom it opened at.
    await expect(p.locator('.react-flow__edge-trigger')).toHaveCount(18);
    await expect.poll(() => p.locator('.react-flow__edge-trigger path.es-edge-path').evaluateAll((paths) => paths.filter((el) => (el as SVGPathElement).getTotalLength() > 0).length)).toBe(18);

    // The participant zooms in on the end of the timeline; reopened, the board comes back there.
    await p.evaluate(() => window.__eventstorm!.flow!.setViewport({ x: -2000, y: 20, zoom: 1.2 }));
    await p.mouse.move(800, 500);
    await p.mouse.wheel(0, 120);
    const viewport = () => p.evaluate(() => window.__eventstorm!.flow!.getViewport());
    await expect.poll(async () => (await viewport()).y).not.toBe(20);
    await p.waitForTimeout(400); // the pan comes to rest
    const left = await viewport();
    expect(left.zoom).toBe(1.2);
    await p.reload();
    await expect(p.locator('body')).toHaveAttribute('data-board-ready', 'true');
    await expect.poll(() => p.evaluate(() => window.__eventstorm!.flow!.getViewport())).toEqual(left);
  } finally {
    await participant.close();
  }
});
