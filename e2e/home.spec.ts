// The home page: create a workshop, find it again among this browser's workshops, import a file (every problem
// of a bad one shown with its path, nothing created), open a shared link.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { boardSnapshot, createWorkshop, viewPath } from './helpers';

test('creating a workshop opens its board and lists it on the home page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('recent-empty')).toBeVisible();
  await page.getByTestId('create-name').fill('Checkout flow');
  await page.getByTestId('create-description').fill('From basket to receipt');
  await page.getByTestId('create-domain').fill('Retail');
  await page.getByTestId('create-facilitators').fill('Kim, Lee');
  await page.getByTestId('create-submit').click();

  await expect(page).toHaveURL(/\/w\/[^#]+#key=.+/);
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('workshop-name')).toHaveValue('Checkout flow');
  const meta = (await boardSnapshot(page)).meta;
  expect(meta).toMatchObject({ description: 'From basket to receipt', domain: 'Retail', facilitators: ['Kim', 'Lee'] });
  await expect(page.getByTestId('empty-board')).toBeVisible();

  // Share: the edit link is this page's, the view link opens it read-only.
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-edit-link')).toHaveValue(page.url());
  const viewLink = await page.getByTestId('share-view-link').inputValue();
  expect(viewLink).toMatch(/#view=/);

  await page.getByTestId('home-link').click();
  await expect(page.getByTestId('recent-workshop')).toHaveCount(1);
  await expect(page.getByTestId('recent-workshop')).toContainText('Checkout flow');
  await page.getByTestId('recent-workshop').getByRole('link').click();
  await expect(page.getByTestId('workshop-name')).toHaveValue('Checkout flow');

  await page.goto(viewLink);
  await expect(page.getByTestId('view-only-badge')).toBeVisible();
  await expect(page.getByTestId('workshop-name')).toHaveText('Checkout flow');
});

test('an invalid import file shows each problem with its path and creates nothing', async ({ page }) => {
  await page.goto('/');
  const bad = {
    format: 'eventstorm.workshop',
    version: 1,
    workshop: { name: '' },
    elements: [{ id: 'a', type: 'bogus', name: 'x', position: 'soon' }],
  };
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error.getByTestId('issue').filter({ hasText: 'workshop.name' })).toHaveCount(1);
  await expect(error.getByTestId('issue').filter({ hasText: 'elements.0.type' })).toHaveCount(1);
  await expect(error.getByTestId('issue').filter({ hasText: 'elements.0.position' })).toHaveCount(1);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('recent-empty')).toBeVisible();

  await page.getByTestId('import-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('this is not json') });
  await expect(page.getByTestId('import-error')).toContainText('not a JSON file');
});

test('importing an export of the original server opens it as a new board', async ({ page }) => {
  await page.goto('/');
  const file = readFileSync(new URL('../fixtures/seed/origin-export-sample.json', import.meta.url));
  await page.getByTestId('import-file').setInputFiles({ name: 'coffee.json', mimeType: 'application/json', buffer: file });
  await expect(page).toHaveURL(/\/w\/[^#]+#key=.+/);
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('workshop-name')).toHaveValue('Coffee Shop Orders');
  expect((await boardSnapshot(page)).elements).toHaveLength(7);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.locator('.react-flow__node-sticky')).toHaveCount(7);
  await expect(page.locator('.react-flow__edge-trigger')).not.toHaveCount(0);
});

test('a pasted view link opens the board read-only', async ({ page, request }) => {
  const workshop = await createWorkshop(request, 'Shared read-only');
  await page.goto('/');
  await page.getByTestId('open-link-input').fill('not a link');
  await page.getByTestId('open-link-submit').click();
  await expect(page.getByTestId('open-link-error')).toBeVisible();
  await page.getByTestId('open-link-input').fill(`http://elsewhere.example${viewPath(workshop)}`);
  await page.getByTestId('open-link-submit').click();
  await expect(page.getByTestId('view-only-badge')).toBeVisible();
  await expect(page.getByTestId('board')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 300, y: 200 } });
  await page.keyboard.press('e');
  expect((await boardSnapshot(page)).elements).toEqual([]);
});

test('a board link with a wrong key says so', async ({ page, request }) => {
  const workshop = await createWorkshop(request, 'Locked');
  await page.goto(`/w/${workshop.workshop_id}#key=not-the-key`);
  await expect(page.getByTestId('board-denied')).toBeVisible();
  await page.goto(`/w/${workshop.workshop_id}`);
  await expect(page.getByTestId('board-link-invalid')).toBeVisible();
});
