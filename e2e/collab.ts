// Shared by the working-together specs (presence, offline, undo, view only, following): people in their own
// browser contexts, named the way a person names themselves, and what their screens show.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openBoard, type Workshop } from './helpers';

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

/** Answer the first-visit prompt with a name. */
export async function setName(page: Page, name: string): Promise<void> {
  const prompt = page.getByTestId('name-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByTestId('name-input').fill(name);
  await prompt.getByTestId('name-input').press('Enter');
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('participant-self')).toHaveAttribute('data-name', name);
}

/** A person with their own browser context (own storage, own websocket) on the board. */
export async function join(browser: Browser, workshop: Workshop, name: string, access: 'edit' | 'view' = 'edit'): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openBoard(page, workshop, access);
  await setName(page, name);
  return { name, context, page };
}

/** The centre of what a page shows, in flow coordinates. */
export async function viewCentre(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.evaluate(() => {
    const flow = window.__eventstorm!.flow!;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const { x, y, zoom } = flow.getViewport();
    return { x: (pane.width / 2 - x) / zoom, y: (pane.height / 2 - y) / zoom, zoom };
  });
}

/** Add a sticky through the page's own operations (the palette's path without the pointer), answering its id. */
export async function addSticky(page: Page, type: string, name: string, position: number, y?: number): Promise<string> {
  const id = await page.evaluate(
    ({ type, name, position, y }) => {
      const { session } = window.__eventstorm!;
      const row = { actor: 0, command: 1, aggregate: 2, event: 3, policy: 4, read_model: 5, external_system: 6, hotspot: 7 }[type] ?? 3;
      return session.ops.addSticky(type as never, { position, y: y ?? 60 + row * 170 }, { edit: false, name });
    },
    { type, name, position, y },
  );
  if (!id) throw new Error('the sticky was not added');
  return id;
}

/** Names of the stickies on a page's board (its document), sorted. */
export async function stickyNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__eventstorm!.snapshot().elements.map((e) => e.name).sort());
}
