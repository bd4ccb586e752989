// Shared by the e2e specs (and the benchmark): make workshops through the real REST API, open boards, find
// stickies by their element id, and replay the seed tutorial through the page's own board operations.
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { replayTutorial } from '../fixtures/tutorial';

/**
 * For specs about something other than the timeline's layout (drags, presence, contexts, offline, the palette),
 * which place stickies at screen points and check where they land: the person has chosen "Timeline to scale" (one
 * column per unit), so a point is a position. `test.use(TIMELINE_TO_SCALE)`; the compact layout, the default, has
 * its own specs (compact-timeline.spec.ts, tutorial-replay.spec.ts).
 */
export const TIMELINE_TO_SCALE = {
  storageState: {
    cookies: [],
    origins: [{ origin: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3917)}`, localStorage: [{ name: 'eventstorm.timelineMode', value: 'to-scale' }] }],
  },
};

export interface Workshop {
  workshop_id: string;
  name: string;
  edit_key: string;
  view_key: string;
}

export async function createWorkshop(request: APIRequestContext, name = 'E2E workshop'): Promise<Workshop> {
  const response = await request.post('/api/workshops', { data: { name, description: 'made by an e2e test' } });
  expect(response.status()).toBe(201);
  return (await response.json()) as Workshop;
}

export function editPath(w: Workshop): string {
  return `/w/${w.workshop_id}#key=${w.edit_key}`;
}

export function viewPath(w: Workshop): string {
  return `/w/${w.workshop_id}#view=${w.view_key}`;
}

/** Open a board and wait until it has loaded the shared document. */
export async function openBoard(page: Page, w: Workshop, access: 'edit' | 'view' = 'edit'): Promise<void> {
  await page.goto(access === 'edit' ? editPath(w) : viewPath(w));
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
}

export function sticky(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node-sticky[data-id="${id}"]`);
}

export function arrow(page: Page, from: string, to: string): Locator {
  return page.locator(`.react-flow__edge[data-id="${from}>${to}"]`);
}

/** The page's board snapshot (through the test hook; reading changes nothing). */
export async function boardSnapshot(page: Page) {
  return page.evaluate(() => window.__eventstorm!.snapshot());
}

/** Click an empty spot of the canvas (gives it the keyboard) at canvas-relative coordinates. */
export async function clickCanvas(page: Page, x = 500, y = 300): Promise<void> {
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x, y } });
}

/**
 * Replay tutorial-steps.json into the open board through the catalogue's operations (the ones the palette, the
 * inspector, REST and the MCP tools run), with the page's local origin.
 */
export async function replayTutorialInPage(page: Page): Promise<Map<string, string>> {
  return replayTutorial(async (tool, args) => page.evaluate(([tool, args]) => window.__eventstorm!.runTool(tool, args), [tool, args] as const));
}

/** Drag a sticky by (dx, dy) screen pixels with the mouse, the way a person does. */
export async function dragBy(page: Page, target: Locator, dx: number, dy: number, steps = 12): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to drag: the sticky is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 30);
  await page.mouse.move(x, y);
  await page.mouse.down();
  // React Flow starts a drag once the pointer has moved past its threshold and counts from there: a small first
  // step (lost to the threshold, then absorbed by the timeline's snap) keeps the rest of the move exact.
  await page.mouse.move(x + 3, y);
  await page.mouse.move(x + dx, y + dy, { steps });
  await page.mouse.up();
}

/** Draw a trigger arrow: from the source sticky's right-hand dot onto the target sticky. */
export async function drawArrow(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.hover();
  const handle = from.locator('.es-handle-out');
  await expect(handle).toBeVisible();
  const h = await handle.boundingBox();
  const t = await to.boundingBox();
  if (!h || !t) throw new Error('arrow ends are not on screen');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** The sticky being edited inline right now (its id), after a key or palette add. */
export async function editingId(page: Page): Promise<string> {
  await expect(page.getByTestId('sticky-name-input')).toBeFocused();
  const id = await page.evaluate(() => window.__eventstorm!.session.store.getState().editingId);
  if (!id) throw new Error('no sticky is being edited');
  return id;
}

/** The canvas position (flow coordinates) React Flow shows a node at, from its transform. */
export async function nodeTranslate(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((n) => (n as HTMLElement).style.transform);
  const m = /translate\(\s*(-?[\d.]+)px\s*,\s*(-?[\d.]+)px\s*\)/.exec(transform);
  if (!m) throw new Error(`no translate in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}
