// Following: a facilitator asks everyone to follow their view; the others' views go where theirs goes until they
// stop (the bar's Stop button, or panning by hand). Clicking a person in the top bar goes to what they look at.
import { expect, test, type Page } from '@playwright/test';
import { addSticky, join, viewCentre } from './collab';
import { createWorkshop } from './helpers';

/** Pan with the mouse wheel over the canvas (the board pans on scroll). */
async function pan(page: Page, dx: number, dy: number): Promise<void> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(dx / 5, dy / 5);
}

function near(a: { x: number; y: number; zoom: number }, b: { x: number; y: number; zoom: number }): boolean {
  return Math.abs(a.x - b.x) < 2 && Math.abs(a.y - b.y) < 2 && Math.abs(a.zoom - b.zoom) < 0.01;
}

/** What B's page knows of A's view (through presence), as a string to wait on. */
function seenView(page: Page, name: string) {
  return page.evaluate((name) => {
    const live = window.__eventstorm!.session.presence!.live;
    const state = [...live.values()].find((s) => s.user.name === name);
    return state?.view ? JSON.stringify(state.view) : null;
  }, name);
}

test("when A asks to be followed, B's view follows A's pans and zooms; B can stop", async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Follow me');
  const a = await join(browser, workshop, 'Alice');
  const b = await join(browser, workshop, 'Bob');
  for (let i = 0; i < 6; i++) await addSticky(a.page, 'event', `Event ${i}`, i * 3, 200 + (i % 3) * 300);

  await pan(a.page, 900, 300);
  await expect.poll(async () => near(await viewCentre(a.page), await viewCentre(b.page))).toBe(false);

  // A asks; B's bar says whom B follows, and B's view jumps to A's.
  await a.page.getByTestId('follow-me').click();
  await expect(a.page.getByTestId('leading-bar')).toBeVisible();
  await expect(b.page.getByTestId('follow-bar')).toBeVisible();
  await expect(b.page.getByTestId('follow-bar-name')).toHaveText('Alice');
  await expect.poll(async () => near(await viewCentre(a.page), await viewCentre(b.page))).toBe(true);

  // A pans, then zooms: B follows each.
  await pan(a.page, 1200, -200);
  await expect.poll(async () => near(await viewCentre(a.page), await viewCentre(b.page))).toBe(true);
  await a.page.locator('.react-flow__controls-zoomout').click();
  await expect.poll(async () => (await viewCentre(a.page)).zoom).toBeLessThan(1);
  await expect.poll(async () => near(await viewCentre(a.page), await viewCentre(b.page))).toBe(true);

  // B stops: A's next pan reaches B's page, but B's view stays.
  await b.page.getByTestId('follow-stop').click();
  await expect(b.page.getByTestId('follow-bar')).toHaveCount(0);
  const stayed = await viewCentre(b.page);
  const known = await seenView(b.page, 'Alice');
  await pan(a.page, -1500, 400);
  await expect.poll(() => seenView(b.page, 'Alice')).not.toBe(known);
  expect(near(await viewCentre(b.page), stayed)).toBe(true);

  // Clicking Alice in B's top bar goes to what she sees (once).
  await b.page.locator('[data-testid="participant"][data-name="Alice"]').click();
  await expect.poll(async () => near(await viewCentre(a.page), await viewCentre(b.page))).toBe(true);

  // A asks again: B follows again; panning by hand also stops following.
  await a.page.getByTestId('follow-me').click();
  await expect(a.page.getByTestId('leading-bar')).toHaveCount(0);
  await a.page.getByTestId('follow-me').click();
  await expect(b.page.getByTestId('follow-bar')).toBeVisible();
  await pan(b.page, 300, 300);
  await expect(b.page.getByTestId('follow-bar')).toHaveCount(0);

  // A stops asking: nobody follows.
  const c = await join(browser, workshop, 'Carol');
  await expect(c.page.getByTestId('follow-bar')).toBeVisible();
  await a.page.getByTestId('leading-stop').click();
  await expect(c.page.getByTestId('follow-bar')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
  await c.context.close();
});
