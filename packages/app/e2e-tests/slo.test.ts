import { expect, Page, test } from '@playwright/test';

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('the home page shows the worst-burning SLOs, and the overview filters them by team', async ({
  page,
}) => {
  await enterAsGuest(page);
  const burners = page.getByRole('list', { name: 'Worst burning SLOs' });
  // The first demo measurement lands within a minute of the catalog being read.
  await expect(async () => {
    await page.reload();
    await expect(burners).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(burners.getByText('Paging').first()).toBeVisible();
  await expect(page.getByText('Demo data').first()).toBeVisible();

  await page.getByRole('link', { name: 'All SLOs' }).click();
  await expect(page).toHaveURL(/\/slo$/);
  await expect(page.getByRole('heading', { name: /^Service level objectives \(\d+\)$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Team All' }).click();
  await page.getByRole('option', { name: 'checkout', exact: true }).click();
  const table = page.getByRole('table').last();
  await expect(table.getByRole('link', { name: 'checkout-service' }).first()).toBeVisible();
  await expect(table.getByRole('link', { name: 'payments-service' })).toHaveCount(0);

  await table.getByRole('link', { name: 'checkout-service' }).first().click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/checkout-service\/slo$/);
  await expect(page.getByRole('heading', { name: 'Burn rate' }).first()).toBeVisible();
  await expect(page.getByRole('figure', { name: /Availability burn rate over 30d/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Availability definition' })).toContainText(
    'http_requests_total{service="checkout-service",code=~"5.."}',
  );
});

test("a service's overview starts with its SLO card", async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/component/payments-service');
  const card = page.getByRole('table', { name: 'Availability burn rate per window' });
  await expect(async () => {
    await page.reload();
    await expect(card).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
  await expect(page.getByRole('progressbar', { name: 'Availability error budget left' })).toHaveAttribute(
    'aria-valuetext',
    /%/,
  );
  await page.getByRole('link', { name: /Burn and budget charts/ }).click();
  await expect(page).toHaveURL(/\/payments-service\/slo$/);
});
