import { expect, Page, test } from '@playwright/test';

// Runs against the embedded default, whose DORA figures are demo data.

/** A core-components InfoCard by its title (MUI class names carry a suffix in the app). */
const infoCard = (page: Page, title: string) =>
  page.locator('[class*="MuiCard-root"]').filter({ hasText: title }).first();

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('the home page shows delivery performance and leads to the ranking', async ({ page }) => {
  await enterAsGuest(page);
  const card = infoCard(page, 'Delivery performance (DORA)');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByLabel(/^Demo data\./)).toBeVisible();
  await expect(card.getByRole('figure', { name: /Services per DORA tier/ })).toBeVisible();
  await card.getByRole('link', { name: 'All services and teams' }).click();

  await expect(page).toHaveURL(/\/dora$/);
  await expect(page.getByRole('heading', { name: 'Services and teams by DORA tier' })).toBeVisible();
  // The teams table is the one with a Services column.
  const teams = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Services' }) });
  await expect(teams.getByRole('link', { name: 'Checkout', exact: true })).toBeVisible();
  // Every ranked service row carries its tier as text, not only as a colour.
  await expect(page.getByLabel(/^DORA tier: (Elite|High|Medium|Low)/).first()).toBeVisible();
});

test('the overview switches between 30 and 90 days and states its rules', async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/dora');
  await expect(page.getByRole('heading', { name: 'Services and teams by DORA tier' })).toBeVisible();
  await expect(page.getByRole('button', { name: '90 days', pressed: true })).toBeVisible();
  await expect(page.getByText(/Refreshed .* \(the oldest service's last complete read\)/)).toBeVisible();
  await expect(page.getByText(/p90 is the nearest rank/)).toBeVisible();
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page).toHaveURL(/\/dora\?window=30d$/);
  await expect(page.getByRole('button', { name: '30 days', pressed: true })).toBeVisible();
  await expect(page.getByText('DORA 2024 performance clusters, over the last 30 days')).toBeVisible();
});

test('the sidebar reaches the overview page', async ({ page }) => {
  await enterAsGuest(page);
  await page.getByRole('link', { name: /Delivery perfo/ }).first().click();
  await expect(page).toHaveURL(/\/dora$/);
  await page.getByPlaceholder('Filter').fill('checkout-service');
  await expect(page.getByRole('link', { name: 'checkout-service' })).toBeVisible();
});

test("a service shows its DORA card and tab with the latest deployments", async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/component/checkout-service');
  const card = infoCard(page, 'Delivery performance');
  await card.scrollIntoViewIfNeeded();
  for (const metric of ['Deploy frequency', 'Change lead time', 'Change fail rate', 'Recovery time']) {
    await expect(card.getByRole('heading', { name: metric })).toBeVisible();
  }
  await expect(card.getByLabel(/^DORA tier: /)).toBeVisible();

  await page.getByRole('navigation', { name: 'Content navigation' }).getByRole('link', { name: 'DORA' }).click();
  await expect(page).toHaveURL(/checkout-service\/dora$/);
  await expect(page.getByText('harbor-market/checkout-service, environment "production"')).toBeVisible();
  await expect(page.getByRole('figure', { name: /Deployments per week over the last 13 weeks/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Median lead time and recovery per week/ })).toBeVisible();
  await expect(page.getByText(/Weeks start on Monday 00:00 \(Europe\/Berlin\)/)).toBeVisible();
  const latest = page.getByRole('table').filter({ hasText: 'View on GitHub' });
  await expect(latest.getByRole('row', { name: /^(success|failure|in progress) Commit/ }).first()).toBeVisible();
  await expect(latest.getByRole('link', { name: /^Commit [0-9a-f]{7} on GitHub/ }).first()).toHaveAttribute(
    'href',
    /^https:\/\/github\.com\/harbor-market\/checkout-service\/commit\/[0-9a-f]{40}$/,
  );
});

test("a team page shows the team's tier and its services", async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/group/checkout');
  const card = infoCard(page, 'Delivery performance');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByLabel(/^DORA tier: /).first()).toBeVisible();
  await expect(card.getByText(/Tier: the team's own figures/)).toBeVisible();
  for (const service of ['cart-service', 'checkout-service', 'pricing-service', 'promotions-service']) {
    await expect(card.getByRole('link', { name: service })).toBeVisible();
  }
});
