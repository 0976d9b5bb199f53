import { expect, Page, test } from '@playwright/test';

async function enterAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('a guest lands on a home page that knows their team', async ({ page }) => {
  await enterAsGuest(page);
  await expect(page.getByRole('heading', { name: 'Welcome, Alex Rivera' })).toBeVisible();
  await expect(page.getByText('Your teams: Checkout')).toBeVisible();
  const myServices = page.getByRole('table');
  await expect(myServices.getByRole('link', { name: 'checkout-service' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Platform health' })).toBeVisible();
});

test('a guest finds a service through search and reads its docs', async ({ page }) => {
  await enterAsGuest(page);

  await page.getByPlaceholder('Search services, APIs and docs').fill('payments-service');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?query=payments-service/);
  const result = page.getByRole('link', { name: 'payments-service', exact: true }).first();
  // The catalog is indexed for search shortly after start-up (search.collators.catalog).
  await expect(async () => {
    await page.reload();
    await expect(result).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 200_000, intervals: [5_000] });
  await result.click();

  await expect(page).toHaveURL(/\/catalog\/default\/component\/payments-service/);
  await expect(page.getByRole('heading', { name: 'payments-service' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'payments', exact: true })).toHaveAttribute(
    'href',
    '/catalog/default/group/payments',
  );

  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'TechDocs' })
    .click();
  await expect(page).toHaveURL(/\/payments-service\/docs/);
  // The local generator builds the site on first view; the reader shows it when done.
  await expect(page.getByRole('link', { name: 'Runbook' }).first()).toBeVisible({
    timeout: 90_000,
  });
  // The reader keeps its progress bar until every stylesheet of the site has loaded; a
  // site that links an unreachable host (e.g. Google Fonts) never finishes.
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Runbook' }).first().click();
  await expect(page.getByRole('heading', { name: /runbook/i }).first()).toBeVisible();
});

test('the Kubernetes tab shows the service pods from the demo cluster, labelled as demo data', async ({
  page,
}) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/component/checkout-service/kubernetes');
  await expect(page.getByText('demo-cluster (demo data)')).toBeVisible();
  await expect(page.getByText(/\d+ pods?/).first()).toBeVisible();
});

test("search finds an alert's section inside a service runbook (TechDocs are indexed after start-up)", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await enterAsGuest(page);
  // The portal builds TechDocs ~10 s after start and indexes them ~45 s after start, then
  // every 2 minutes (a build that outlasted the first index is in the next).
  await expect(async () => {
    await page.goto('/search?query=PaymentsCaptureBacklog');
    await expect(
      page.getByRole('link', { name: 'PaymentsCaptureBacklog' }).first(),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 200_000, intervals: [5_000] });
  await page.getByRole('link', { name: 'PaymentsCaptureBacklog' }).first().click();
  await expect(page).toHaveURL(/\/docs\/default\/component\/payments-service\/runbook\//);
  await expect(page.getByRole('heading', { name: /PaymentsCaptureBacklog/ }).first()).toBeVisible();
});
