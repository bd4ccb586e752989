// The app under its Content-Security-Policy (issue 20): the page arrives with the policy, no framing and no
// sniffing, and a person's ordinary path — home page, a board with the tutorial on it, its PNG and SVG export,
// the service worker — runs without the browser refusing anything the policy forbids.
import { expect, test, type Page } from '@playwright/test';
import { createWorkshop, openBoard, replayTutorialInPage } from './helpers';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Every CSP refusal the page meets: the browser's `securitypolicyviolation` events and its console lines. */
function watchPolicy(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (load|apply|execute|evaluate|connect|frame|create)/i.test(message.text())) {
      refused.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => {
    if (/Content[- ]Security[- ]Policy/i.test(error.message)) refused.push(`page error: ${error.message}`);
  });
  // An init script runs before the page's own, outside the policy (it is the browser's, not the page's).
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} refused ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return refused;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

test('the app is served with its Content-Security-Policy, and a board with its exports breaks none of it', async ({ page, request }) => {
  const refused = watchPolicy(page);

  const home = await page.goto('/');
  const headers = home!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  await expect(page.getByTestId('recent-empty').or(page.getByTestId('recent-workshops'))).toBeVisible();
  expect(await violations(page)).toEqual([]);

  const workshop = await createWorkshop(request, 'Policy');
  await openBoard(page, workshop);
  await replayTutorialInPage(page);
  await expect(page.locator('.react-flow__node-sticky').first()).toBeVisible();
  // The service worker registers under worker-src 'self'.
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => Boolean(registration.active)))).toBe(true);

  for (const item of ['export-png', 'export-svg']) {
    await page.getByTestId('export-menu-button').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), page.getByTestId(item).click()]).catch(async (error: Error) => {
      throw new Error(`${item} gave no download (${error.message}); the policy refused: ${JSON.stringify(await violations(page))}`);
    });
    expect(download.suggestedFilename(), item).toMatch(/\.(png|svg)$/);
    await expect(page.getByTestId('still-board')).toHaveCount(0);
  }

  expect(await violations(page)).toEqual([]);
  expect(refused).toEqual([]);
});
