// Export, import and share, the way a facilitator uses them: the JSON download imported again on the home page
// gives the same workshop; the Markdown report is what the domain's renderers write; the PNG is a real image of
// the whole board at the size the menu says; a malformed file is refused with its problems and creates nothing;
// the edit and view links are copied, and the view link opens the board read-only.
import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { importWorkshop, snapshot } from '../src/board';
import {
  CATALOGUE,
  contextOverview,
  contextOverviewMarkdown,
  flows,
  flowsMarkdown,
  lint,
  lintMarkdown,
  statistics,
  statisticsMarkdown,
  timeline,
  timelineMarkdown,
  timelineScaleOf,
  type ExchangeDocument,
  type WorkshopSnapshot,
} from '../src/domain';
import { contextRegions } from '../src/state/contextRegions';
import { IMAGE_MARGIN } from '../src/ui/export/imageFrame';
import { boardSnapshot, createWorkshop, openBoard, replayTutorialInPage, viewPath, type Workshop } from './helpers';

const TUTORIAL_NAME = 'E-commerce Order Management System';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: readFileSync((await download.path())!) };
}

async function openExportMenu(page: Page) {
  await page.getByTestId('export-menu-button').click();
  await expect(page.getByTestId('export-menu')).toBeVisible();
}

/** An exchange document without what differs between two workshops of the same content: ids of the workshop, times. */
function comparable(document: ExchangeDocument) {
  const { exported_at: _e, workshop, elements, bounded_contexts } = document;
  const { id: _id, created_at: _c, updated_at: _u, ...rest } = workshop;
  return {
    workshop: rest,
    elements: elements.map(({ created_at: _ca, updated_at: _ua, ...e }) => e),
    bounded_contexts: bounded_contexts.map(({ created_at: _ca, updated_at: _ua, ...c }) => c),
  };
}

/** The snapshot a workshop file describes, read with the board's own import (in Node). */
function snapshotOfFile(document: unknown): WorkshopSnapshot {
  const doc = new Y.Doc();
  importWorkshop(doc, 'from-file', document);
  return snapshot(doc);
}

async function tutorialBoard(page: Page, request: Parameters<typeof createWorkshop>[0]): Promise<Workshop> {
  const workshop = await createWorkshop(request, 'Tutorial');
  await openBoard(page, workshop);
  await replayTutorialInPage(page);
  await expect(page.getByTestId('workshop-name')).toHaveValue(TUTORIAL_NAME);
  return workshop;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the JSON download, imported again on the home page, gives an equal workshop', async ({ page, request }) => {
  await tutorialBoard(page, request);

  // One click: the exchange document with metadata, named after the workshop.
  const full = await downloaded(page, () => page.getByTestId('export-json').click());
  expect(full.download.suggestedFilename()).toBe('e-commerce-order-management-system.eventstorm.json');
  const original = JSON.parse(full.bytes.toString('utf8')) as ExchangeDocument;
  expect(original).toMatchObject({ format: 'eventstorm.workshop', version: 1, workshop: { name: TUTORIAL_NAME } });
  expect(original.elements).toHaveLength(44);
  expect(original.exported_at).toBeTruthy();
  expect(original.elements[0].created_at).toBeTruthy();

  // The menu's model-only JSON: no timestamps, the same model.
  await openExportMenu(page);
  const plain = await downloaded(page, () => page.getByTestId('export-json-plain').click());
  expect(plain.download.suggestedFilename()).toBe('e-commerce-order-management-system.eventstorm.json');
  const modelOnly = JSON.parse(plain.bytes.toString('utf8')) as ExchangeDocument;
  expect(modelOnly.exported_at).toBeUndefined();
  expect(modelOnly.elements.every((e) => e.created_at === undefined)).toBe(true);
  expect(comparable(modelOnly)).toEqual(comparable(original));

  // Import it on the home page, through the file picker: a new board opens, with the same workshop.
  await page.getByTestId('home-link').click();
  await page.getByTestId('import-file').setInputFiles({ name: full.download.suggestedFilename(), mimeType: 'application/json', buffer: full.bytes });
  await expect(page).toHaveURL(/\/w\/[^#]+#key=.+/);
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('workshop-name')).toHaveValue(TUTORIAL_NAME);
  const again = await downloaded(page, () => page.getByTestId('export-json').click());
  const reimported = JSON.parse(again.bytes.toString('utf8')) as ExchangeDocument;
  expect(reimported.workshop.id).not.toBe(original.workshop.id);
  expect(comparable(reimported)).toEqual(comparable(original));
});

test("the Markdown report is every analysis as the domain's renderers write it", async ({ page, request }) => {
  await tutorialBoard(page, request);
  const json = await downloaded(page, () => page.getByTestId('export-json').click());
  await openExportMenu(page);
  const report = await downloaded(page, () => page.getByTestId('export-markdown').click());
  expect(report.download.suggestedFilename()).toBe('e-commerce-order-management-system.report.md');

  // The expected report, computed here from the downloaded JSON with the domain's analyses and renderers.
  const snap = snapshotOfFile(JSON.parse(json.bytes.toString('utf8')));
  const all = 1_000_000;
  const expected = [
    statisticsMarkdown(statistics(snap)),
    timelineMarkdown(timeline(snap, { page_size: all, detail_level: 'full' })),
    flowsMarkdown(flows(snap, { max_depth: 10, max_elements: 10_000 })),
    contextOverviewMarkdown(contextOverview(snap, { page_size: all })),
    timelineMarkdown(timeline(snap, { element_type: 'hotspot', page_size: all, detail_level: 'full' })),
    lintMarkdown(lint(snap, { page_size: all })),
  ].join('\n\n');
  const text = report.bytes.toString('utf8');
  expect(text).toBe(`${expected}\n`);
  expect(text).toContain('- Total Elements: 44');
  expect(text).toContain('- Coverage: 77.3%');
  expect(text).toContain('## Flow from: Place Order');
});

test('the PNG download is an image of the whole board at the size the menu gives; the SVG draws it too', async ({ page, request }, testInfo) => {
  await tutorialBoard(page, request);
  const snap = await boardSnapshot(page);
  await openExportMenu(page);
  const item = page.getByTestId('export-png');
  await expect(page.getByTestId('export-png-size')).toBeVisible();
  const scale = Number(await item.getAttribute('data-scale'));
  const png = await downloaded(page, () => item.click());
  expect(png.download.suggestedFilename()).toBe('e-commerce-order-management-system.png');
  await expect(page.getByTestId('still-board')).toHaveCount(0);

  // The board's bounds, computed here: every sticky at its catalogue size in the compact timeline the page shows,
  // every context region, a margin round.
  const layout = timelineScaleOf(snap.elements);
  const boxes = [
    ...snap.elements.map((e) => ({ x: layout.xOf(e.position), y: e.y, width: CATALOGUE[e.type].width, height: CATALOGUE[e.type].height })),
    ...contextRegions(snap.elements, snap.contexts, layout.xOf),
  ];
  const left = Math.floor(Math.min(...boxes.map((b) => b.x))) - IMAGE_MARGIN;
  const top = Math.floor(Math.min(...boxes.map((b) => b.y))) - IMAGE_MARGIN;
  const width = Math.ceil(Math.max(...boxes.map((b) => b.x + b.width))) + IMAGE_MARGIN - left;
  const height = Math.ceil(Math.max(...boxes.map((b) => b.y + b.height))) + IMAGE_MARGIN - top;
  expect(scale).toBeGreaterThan(0.6); // readable: sticky names stay 9 px or more
  expect(pngSize(png.bytes)).toEqual({ width: Math.floor(width * scale), height: Math.floor(height * scale) });

  // A valid image the browser decodes, with the stickies drawn in their colours.
  const seen = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = { white: 0, orange: 0, blue: 0 };
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > 245 && g > 245 && b > 245) counts.white++;
      else if (Math.abs(r - 0xfb) < 8 && Math.abs(g - 0x92) < 8 && Math.abs(b - 0x3c) < 8) counts.orange++;
      else if (Math.abs(r - 0x60) < 8 && Math.abs(g - 0xa5) < 8 && Math.abs(b - 0xfa) < 8) counts.blue++;
    }
    return { width: bitmap.width, height: bitmap.height, ...counts };
  }, png.bytes.toString('base64'));
  expect(seen.width).toBe(Math.floor(width * scale));
  expect(seen.white).toBeGreaterThan(0);
  expect(seen.orange).toBeGreaterThan(0); // domain events
  expect(seen.blue).toBeGreaterThan(0); // commands
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`data:image/png;base64,${png.bytes.toString('base64')}`);
  await page.screenshot({ path: join(testInfo.project.outputDir, 'export-board.png') });
  await page.goBack();
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');

  await openExportMenu(page);
  const svg = await downloaded(page, () => page.getByTestId('export-svg').click());
  expect(svg.download.suggestedFilename()).toBe('e-commerce-order-management-system.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain(`width="${width}"`);
  // Every sticky is drawn, not only those on screen (the canvas renders only what is in view).
  for (const e of snap.elements) expect(svgText, e.name).toContain(`>${e.name}<`);
  expect(svgText.match(/data-testid="sticky"/g)).toHaveLength(44);
});

test('a malformed import file shows its errors and leaves the list of workshops unchanged; a dropped file imports', async ({ page, request }) => {
  const before = await (await request.get('/api/workshops')).json();
  await page.goto('/');
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  const bad = {
    format: 'eventstorm.workshop',
    version: 1,
    workshop: { name: '' },
    elements: [
      { id: 'a', type: 'event', name: 'Paid', position: 0, triggers: ['ghost'] },
      { id: 'b', type: 'sticky', name: 'x', position: 'soon' },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const error = page.getByTestId('import-error');
  await expect(error).toContainText('bad.json');
  for (const path of ['workshop.name', 'elements.1.type', 'elements.1.position']) {
    await expect(error.getByTestId('issue').filter({ hasText: path })).toHaveCount(1);
  }
  await expect(error.getByTestId('issue').filter({ hasText: 'ghost' })).not.toHaveCount(0);

  // The same by drag and drop onto the page: the page says where the file goes, then refuses it.
  const drop = async (name: string, text: string) => {
    const transfer = await page.evaluateHandle(
      ([name, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        return dt;
      },
      [name, text] as const,
    );
    await page.dispatchEvent('[data-testid="home"]', 'dragenter', { dataTransfer: transfer });
    await expect(page.getByTestId('import-drop-overlay')).toBeVisible();
    await page.dispatchEvent('[data-testid="home"]', 'drop', { dataTransfer: transfer });
    await expect(page.getByTestId('import-drop-overlay')).toHaveCount(0);
  };
  await drop('broken.json', '{"format": "eventstorm.workshop", "elements": [');
  await expect(page.getByTestId('import-error')).toContainText('“broken.json” is not a JSON file');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  expect(await (await request.get('/api/workshops')).json()).toEqual(before);

  // A good file dropped on the page opens as a new workshop.
  const good = readFileSync(new URL('../fixtures/seed/origin-export-sample.json', import.meta.url), 'utf8');
  await drop('coffee.json', good);
  await expect(page).toHaveURL(/\/w\/[^#]+#key=.+/);
  await expect(page.getByTestId('workshop-name')).toHaveValue('Coffee Shop Orders');
  const after = (await (await request.get('/api/workshops')).json()) as { workshops: unknown[] };
  expect(after.workshops).toHaveLength((before as { workshops: unknown[] }).workshops.length + 1);
});

test('share: the edit and view links are copied, and the view link opens the board read-only', async ({ browser, request }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const workshop = await createWorkshop(request, 'Shared');
  await openBoard(page, workshop);
  await page.evaluate(() => window.__eventstorm!.session.ops.addSticky('event', { position: 0, y: 510 }, { edit: false, name: 'Order Placed' }));
  await page.getByTestId('share-button').click();
  await page.getByTestId('share-edit-link-copy').click();
  await expect(page.getByTestId('share-edit-link-copy')).toHaveText(/Copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await page.getByTestId('share-view-link-copy').click();
  const viewLink = await page.evaluate(() => navigator.clipboard.readText());
  expect(viewLink).toBe(new URL(viewPath(workshop), page.url()).href);

  const viewer = await context.newPage();
  await viewer.goto(viewLink);
  await expect(viewer.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(viewer.getByTestId('view-only-badge')).toBeVisible();
  await expect(viewer.getByTestId('palette')).toHaveCount(0);
  // A viewer still reads the insights and exports.
  await viewer.getByTestId('tab-statistics').click();
  await expect(viewer.getByTestId('stat-elements')).toHaveText('1');
  const json = await downloaded(viewer, () => viewer.getByTestId('export-json').click());
  expect((JSON.parse(json.bytes.toString('utf8')) as ExchangeDocument).elements.map((e) => e.name)).toEqual(['Order Placed']);
  await context.close();
});
