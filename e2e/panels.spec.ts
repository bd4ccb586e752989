// The insight panels on the replayed seed tutorial: statistics, timeline, flows, context map, search and lint,
// each checked against the domain analyses run here, in Node, on the page's own snapshot; a colleague's edit in
// another browser context reaches every panel within a second; an empty board says what to add.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { TUTORIAL_FLOW_MARKDOWN } from '../fixtures/tutorial';
import { contextOverview, ELEMENT_TYPES, lint, search, statistics, LINT_RULE_INFO } from '../src/domain';
import { boardSnapshot, createWorkshop, openBoard, replayTutorialInPage, sticky } from './helpers';

const SOON = { timeout: 1_000 };

async function openTab(page: Page, tab: string) {
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** The first flow on the flows panel, as the lines of the flow Markdown it shows. */
async function flowLines(page: Page, index = 0): Promise<string[]> {
  const flow = page.getByTestId('flow').nth(index);
  const title = (await flow.getByTestId('flow-title').textContent())!.trim();
  const nodes = await flow.getByTestId('flow-node').evaluateAll((els) =>
    els.map((el) => ({
      depth: Number(el.getAttribute('data-depth')),
      type: el.getAttribute('data-type'),
      glyph: el.querySelector('[data-testid="flow-node-glyph"]')!.textContent,
      name: el.querySelector('[data-testid="flow-node-name"]')!.textContent,
      cycle: el.hasAttribute('data-cycle'),
    })),
  );
  return [`## ${title}`, ...nodes.map((n) => `${'  '.repeat(n.depth)}${n.glyph} [${n.type}] ${n.name}${n.cycle ? ' (cycle)' : ''}`)];
}

async function expectInView(page: Page, id: string) {
  await expect(sticky(page, id)).toBeInViewport();
  await expect(sticky(page, id)).toHaveClass(/selected/);
}

test('the insight panels show the replayed tutorial as the domain analyses see it', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  const workshop = await createWorkshop(request, 'Tutorial');
  await openBoard(page, workshop);
  await replayTutorialInPage(page);
  const snap = await boardSnapshot(page);
  const byName = new Map(snap.elements.map((e) => [e.name, e.id]));
  const shot = (name: string) => page.getByTestId('side-panel').screenshot({ path: join(testInfo.project.outputDir, `panel-${name}.png`) });

  // Statistics: the seed's figures, and bars in the stickies' and the contexts' colours.
  await openTab(page, 'statistics');
  const stats = page.getByTestId('statistics-panel');
  await expect(stats.getByTestId('stat-elements')).toHaveText('44');
  await expect(stats.getByTestId('stat-contexts')).toHaveText('4');
  await expect(stats.getByTestId('stat-coverage')).toHaveText('77.3%');
  const expected = statistics(snap);
  await expect(stats.getByTestId('stat-links')).toHaveText(String(expected.relationships.total_trigger_links));
  await expect(stats.getByTestId('stat-by-type-row')).toHaveCount(ELEMENT_TYPES.length); // every type, in the palette's order, opportunities at 0
  await expect(stats.locator('[data-testid="stat-by-type-row"][data-key="event"] [data-testid="stat-by-type-value"]')).toHaveText(String(expected.by_type.event));
  await expect(stats.locator('[data-testid="stat-by-type-row"][data-key="event"] span span')).toHaveCSS('background-color', 'rgb(251, 146, 60)');
  await expect(stats.getByTestId('stat-by-context-row')).toHaveCount(4);
  for (const c of expected.contexts) {
    const row = stats.locator(`[data-testid="stat-by-context-row"][data-key="${c.id}"]`);
    await expect(row).toContainText(c.label);
    await expect(row.getByTestId('stat-by-context-value')).toHaveText(String(c.elements));
  }
  await shot('statistics');

  // Flows: the seed's flow from Place Order, at the default depth of 10.
  await openTab(page, 'flows');
  await expect(page.getByTestId('flow-depth')).toHaveValue('10');
  await expect(page.getByTestId('flow').first().getByTestId('flow-title')).toHaveText('Flow from: Place Order');
  const seedFlow = TUTORIAL_FLOW_MARKDOWN.split('\n').slice(2);
  expect((await flowLines(page)).slice(0, seedFlow.length)).toEqual(seedFlow);
  await shot('flows');
  // Hovering the flow lights its path up on the board and dims the rest.
  await page.getByTestId('flow').first().getByTestId('flow-title').hover();
  const placeOrder = byName.get('Place Order')!;
  await expect(sticky(page, placeOrder).getByTestId('sticky')).toHaveAttribute('data-highlight', 'match');
  await expect(sticky(page, byName.get('Customer')!).getByTestId('sticky')).toHaveAttribute('data-highlight', 'dim');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'panel-flows-hover.png') });
  // A click on a step brings its sticky into view, selected.
  await page.getByTestId('flow').first().locator('[data-testid="flow-node"]', { hasText: 'Order Confirmed' }).click();
  await expectInView(page, byName.get('Order Confirmed')!);
  // Leaving the flow takes the highlight away.
  await page.getByTestId('tab-flows').hover();
  await expect(sticky(page, byName.get('Order Confirmed')!).getByTestId('sticky')).not.toHaveAttribute('data-highlight');
  // A shallower depth cuts the flow and says so.
  await page.getByTestId('flow-depth').fill('3');
  await expect(page.getByTestId('flow').first().getByTestId('flow-node')).toHaveCount(3);
  await expect(page.getByTestId('flow').first().getByTestId('flow-more')).toHaveText('… more beyond depth 3');
  await page.getByTestId('flow-depth-more').click();
  await expect(page.getByTestId('flow-depth')).toHaveValue('4');

  // Timeline: every sticky in story order; a type filter; a click pans to the sticky.
  await openTab(page, 'timeline');
  await expect(page.getByTestId('timeline-item')).toHaveCount(44);
  await expect(page.getByTestId('timeline-item').first().getByTestId('timeline-item-name')).toHaveText('Customer');
  await page.getByTestId('timeline-filter-hotspot').click();
  await expect(page.getByTestId('timeline-item')).toHaveCount(4);
  await shot('timeline');
  const hotspotRow = page.getByTestId('timeline-item').filter({ hasText: 'Partial Shipment' });
  await hotspotRow.click();
  await expectInView(page, (await hotspotRow.getAttribute('data-element-id'))!);
  await page.getByTestId('timeline-filter-all').click();
  await expect(page.getByTestId('timeline-item')).toHaveCount(44);

  // Context map: one card per context, with what it lacks and its coupling, other contexts named.
  await openTab(page, 'map');
  const overview = contextOverview(snap, { page_size: 100 });
  await expect(page.getByTestId('context-card')).toHaveCount(4);
  for (const c of overview.contexts) {
    const card = page.locator(`[data-testid="context-card"][data-context-id="${c.id}"]`);
    await expect(card.getByTestId('context-card-name')).toHaveText(c.label);
    await expect(card.getByTestId('context-card-count')).toHaveText(`${c.element_count} stickies`);
    await expect(card.getByTestId('coupling-out')).toContainText(String(c.coupling.outgoing));
    for (const other of c.coupling.to_contexts) await expect(card.getByTestId('coupling-out')).toContainText(`${other.name} (${other.links})`);
    for (const other of c.coupling.from_contexts) await expect(card.getByTestId('coupling-in')).toContainText(`${other.name} (${other.links})`);
    if (c.lacks.length > 0) await expect(card.getByTestId('context-card-lacks')).toContainText('Lacks');
  }
  await expect(page.getByTestId('context-map-unassigned')).toContainText(String(overview.unassigned_elements));
  await shot('context-map');

  // Lint: the count on the tab, findings grouped by rule, each a click away from its sticky.
  const findings = lint(snap, { page_size: 1000 });
  await expect(page.getByTestId('lint-badge')).toHaveText(String(findings.total));
  await openTab(page, 'lint');
  const rules = Object.entries(findings.counts).filter(([, n]) => n > 0);
  await expect(page.getByTestId('lint-group')).toHaveCount(rules.length);
  for (const [rule, n] of rules) {
    const group = page.locator(`[data-testid="lint-group"][data-rule="${rule}"]`);
    await expect(group).toContainText(LINT_RULE_INFO[rule as keyof typeof LINT_RULE_INFO].title);
    await expect(group.getByTestId('lint-group-count')).toHaveText(String(n));
  }
  await shot('lint');
  const finding = page.locator('[data-testid="lint-group"][data-rule="open-hotspot"] [data-testid="lint-finding"]').first();
  await finding.click();
  await expectInView(page, (await finding.getAttribute('data-element-id'))!);

  // Search: `/` from the board opens it; "timeout" among hotspots finds the seed's hotspot; the board shows it.
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 30, y: 500 } });
  await page.keyboard.press('/');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('timeout');
  await page.getByTestId('search-type').selectOption('hotspot');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result-name')).toHaveText(['Payment Gateway Timeout Handling']);
  const timeoutId = byName.get('Payment Gateway Timeout Handling')!;
  expect(search(snap, { query: 'timeout', element_type: 'hotspot' }).matches.map((m) => m.id)).toEqual([timeoutId]);
  await page.getByTestId('search-input').press('Enter');
  await expectInView(page, timeoutId);
  await expect(sticky(page, timeoutId).getByTestId('sticky')).toHaveAttribute('data-highlight', 'match');
  await page.screenshot({ path: join(testInfo.project.outputDir, 'panel-search-board.png') });

  // A Korean query finds its sticky (in its notes); Enter steps through every match.
  await page.getByTestId('search-type').selectOption('');
  await page.getByTestId('search-input').fill('실재고');
  await expect(page.getByTestId('search-result-name')).toHaveText(['Inventory Reserved']);
  await page.getByTestId('search-input').fill('재고');
  const korean = search(snap, { query: '재고', page_size: 100 }).matches.map((m) => m.id);
  expect(korean.length).toBeGreaterThan(2);
  await expect(page.getByTestId('search-result')).toHaveCount(korean.length);
  await expect(page.getByTestId('search-count')).toHaveText(`${korean.length} matches`);
  await shot('search');
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('search-input').press('Enter');
    await expect(page.getByTestId('search-cursor')).toHaveText(`${i + 1} / ${korean.length}`);
    await expectInView(page, korean[i]);
  }
  await page.getByTestId('search-input').press('Shift+Enter');
  await expect(page.getByTestId('search-cursor')).toHaveText(`1 / ${korean.length}`);
  await page.getByTestId('search-input').press('Escape');
  await expect(page.getByTestId('search-input')).toHaveValue('');
  await expect(page.getByTestId('search-hint')).toBeVisible();
  await expect(sticky(page, korean[0]).getByTestId('sticky')).not.toHaveAttribute('data-highlight');

  // Ctrl+K from anywhere (here: another tab) comes back to the search box.
  await openTab(page, 'statistics');
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('tab-search')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('search-input')).toBeFocused();

  // The tabs answer the arrow keys.
  await page.getByTestId('tab-search').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-lint')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-lint')).toBeFocused();
});

test("a colleague's edit in another browser context reaches every panel within a second", async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Live panels');
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await openBoard(a, workshop);
  await replayTutorialInPage(a);
  await openBoard(b, workshop);
  await expect.poll(async () => (await boardSnapshot(b)).elements.length).toBe(44);
  const ids = new Map((await boardSnapshot(b)).elements.map((e) => [e.name, e.id]));

  await openTab(a, 'statistics');
  await expect(a.getByTestId('stat-elements')).toHaveText('44');
  const badge = Number(await a.getByTestId('lint-badge').textContent());

  // B adds a hotspot: A's statistics and lint badge move.
  const added = await b.evaluate(() => window.__eventstorm!.session.ops.addSticky('hotspot', { position: 3, y: 1400 }, { edit: false, name: 'Who pays for returns?' }));
  await expect(a.getByTestId('stat-elements')).toHaveText('45', SOON);
  await expect(a.getByTestId('stat-by-type-row').filter({ hasText: 'Hotspot' }).getByTestId('stat-by-type-value')).toHaveText('5', SOON);
  await expect(a.getByTestId('lint-badge')).toHaveText(String(badge + 2), SOON); // open hotspot, and in no context

  // B renames it: A's timeline and search follow.
  await openTab(a, 'timeline');
  await b.evaluate((id) => window.__eventstorm!.session.ops.rename(id!, 'Who pays for refunds?'), added);
  await expect(a.locator(`[data-testid="timeline-item"][data-element-id="${added}"]`)).toContainText('Who pays for refunds?', SOON);
  await openTab(a, 'search');
  await a.getByTestId('search-input').fill('refunds');
  await expect(a.getByTestId('search-result')).toHaveCount(1);
  await b.evaluate((id) => window.__eventstorm!.session.ops.rename(id!, 'Who pays for returns?'), added);
  await expect(a.getByTestId('search-no-match')).toBeVisible(SOON);

  // B links the hotspot after an event: A's flows gain it.
  await openTab(a, 'flows');
  const flowsBefore = await a.getByTestId('flow-node').count();
  await b.evaluate(([from, to]) => window.__eventstorm!.session.ops.link(from!, to!), [ids.get('Order Placed'), added] as const);
  await expect(a.locator(`[data-testid="flow-node"][data-element-id="${added}"]`).first()).toBeVisible(SOON);
  expect(await a.getByTestId('flow-node').count()).toBeGreaterThan(flowsBefore);

  // B assigns it to a context: A's context map counts it.
  await openTab(a, 'map');
  const payment = (await boardSnapshot(b)).contexts.find((c) => c.name.startsWith('Payment'))!;
  const card = a.locator(`[data-testid="context-card"][data-context-id="${payment.id}"]`);
  const before = await card.getByTestId('context-card-count').textContent();
  await b.evaluate(([contextId, id]) => window.__eventstorm!.session.ops.assign(contextId!, [id!]), [payment.id, added] as const);
  await expect(card.getByTestId('context-card-count')).not.toHaveText(before!, SOON);

  // B deletes it: A's lint is back where it was.
  await openTab(a, 'lint');
  await b.evaluate((id) => window.__eventstorm!.session.ops.deleteElements([id!]), added);
  await expect(a.getByTestId('lint-badge')).toHaveText(String(badge), SOON);

  await contextA.close();
  await contextB.close();
});

test('on an empty board every panel says what to add', async ({ page, request }, testInfo) => {
  await openBoard(page, await createWorkshop(request, 'Empty'));
  const empty: Record<string, string> = {
    statistics: 'statistics-empty',
    timeline: 'timeline-empty',
    flows: 'flows-empty',
    map: 'context-map-empty',
    search: 'search-empty',
    lint: 'lint-empty',
  };
  for (const [tab, testId] of Object.entries(empty)) {
    await openTab(page, tab);
    await expect(page.getByTestId(testId)).toBeVisible();
    await expect(page.getByTestId(testId)).not.toBeEmpty();
  }
  await expect(page.getByTestId('lint-badge')).toHaveCount(0);
  await openTab(page, 'statistics');
  await page.getByTestId('side-panel').screenshot({ path: join(testInfo.project.outputDir, 'panel-statistics-empty.png') });

  // One command without its event: the flows panel has no flow yet, lint says what is missing.
  await page.evaluate(() => window.__eventstorm!.session.ops.addSticky('command', { position: 0, y: 170 }, { edit: false, name: 'Place Order' }));
  await openTab(page, 'lint');
  await expect(page.getByTestId('lint-group')).toHaveCount(1);
  await expect(page.getByTestId('lint-finding')).toContainText('triggers no event');
  await expect(page.getByTestId('lint-badge')).toHaveText('1');
  await openTab(page, 'flows');
  await expect(page.getByTestId('flow')).toHaveCount(1);
  await expect(page.getByTestId('flow-node')).toHaveText(['→Place Order']);
});
