// The assistant and the people on one live board: an MCP client replays the tutorial while a browser has the board
// open; the stickies appear without a reload, and a sticky the person drags shows in the assistant's next timeline.
import { expect, test } from '@playwright/test';
import { replayTutorial } from '../fixtures/tutorial';
import { callOk, connectMcp } from '../test-support/mcp-test-client';
import { boardSnapshot, dragBy, sticky } from './helpers';

test('an assistant co-edits the board a person has open', async ({ page, baseURL }) => {
  const mcp = await connectMcp(baseURL!);
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  let added = 0;
  let firstSticky = '';
  const saved = await replayTutorial(async (tool, args) => {
    const result = await callOk(mcp, tool, args);
    if (tool === 'eventstorming_create_workshop') {
      // The person opens the link the assistant hands out, before any sticky exists.
      await page.goto(String(result.board_url));
      await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
    }
    if (tool === 'eventstorming_add_element') {
      added++;
      firstSticky ||= String(result.element_id);
      await expect.poll(async () => (await boardSnapshot(page)).elements.length, { timeout: 2_000 }).toBe(added);
      if (added === 1) await expect(sticky(page, firstSticky)).toBeVisible();
    }
    return result;
  });
  expect(navigations).toBe(1);
  await expect.poll(async () => (await boardSnapshot(page)).links.length).toBe(18);

  const workshop = saved.get('$workshop')!;
  const orderPlaced = saved.get('$order-placed')!;
  await expect(sticky(page, orderPlaced)).toBeVisible();
  await dragBy(page, sticky(page, orderPlaced), 300, 0);
  await expect.poll(async () => (await boardSnapshot(page)).elements.find((e) => e.id === orderPlaced)!.position).toBeGreaterThan(0);
  const moved = (await boardSnapshot(page)).elements.find((e) => e.id === orderPlaced)!.position;

  const line = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop, element_type: 'event', response_format: 'json' });
  const entry = (line.timeline as { id: string; position: number }[]).find((e) => e.id === orderPlaced);
  expect(entry?.position).toBe(moved);
  await mcp.close();
});
