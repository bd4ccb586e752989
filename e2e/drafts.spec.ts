// A text field that edits the shared document (the workshop name here) while someone else edits the same thing:
// the field follows the document until the person types, keeps their draft while they type, and writes it once.
import { expect, test } from '@playwright/test';
import { join } from './collab';
import { createWorkshop } from './helpers';

const SOON = { timeout: 2_000 };

test("a colleague's rename shows in the name field I clicked into; my typing is kept until I press Enter or Escape", async ({ browser, request }) => {
  const workshop = await createWorkshop(request, 'Checkout');
  const ana = await join(browser, workshop, 'Ana');
  const ben = await join(browser, workshop, 'Ben');
  const anaName = ana.page.getByTestId('workshop-name');
  const benName = ben.page.getByTestId('workshop-name');
  try {
    // Ana clicks into the field and has typed nothing: Ben's rename shows there.
    await anaName.click();
    await expect(anaName).toBeFocused();
    await benName.fill('Checkout and payment');
    await benName.press('Enter');
    await expect(anaName).toHaveValue('Checkout and payment', SOON);
    await expect(anaName).toBeFocused();

    // Ana types: Ben's next rename does not overwrite her draft, and her Enter writes it for both.
    await anaName.fill('Payments');
    await benName.fill('Checkout, payment and refunds');
    await benName.press('Enter');
    await expect(ben.page.getByTestId('workshop-name')).toHaveValue('Checkout, payment and refunds');
    await ana.page.waitForTimeout(300);
    await expect(anaName).toHaveValue('Payments');
    await anaName.press('Enter');
    await expect(benName).toHaveValue('Payments', SOON);
    await expect(anaName).toHaveValue('Payments');

    // Escape drops a draft: the field shows the document's name again, and nothing was written.
    await anaName.click();
    await anaName.fill('Never mind');
    await anaName.press('Escape');
    await expect(anaName).toHaveValue('Payments');
    await expect(anaName).not.toBeFocused();
    await ana.page.waitForTimeout(300);
    await expect(benName).toHaveValue('Payments');
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});
