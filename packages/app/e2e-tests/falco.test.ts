import { expect, Page, test } from '@playwright/test';

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('the home page shows recent Critical Falco alerts under Platform health', async ({ page }) => {
  await enterAsGuest(page);
  await expect(page.getByText('Runtime security: Critical alerts')).toBeVisible();
  await expect(page.getByText(/Critical or worse (in the last 7 days|Falco events)/)).toBeVisible({ timeout: 60_000 });
});

test('a developer filters a service’s Falco events and opens one', async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/component/legacy-payments-gateway');
  await expect(page.getByText('Runtime security (Falco)')).toBeVisible();
  await expect(page.getByText(/events? in the last 7 days/)).toBeVisible({ timeout: 60_000 });

  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'Runtime security' })
    .click();
  await expect(page).toHaveURL(/\/legacy-payments-gateway\/falco/);
  await expect(page.getByText('Falco runtime-security events')).toBeVisible();
  await expect(page.getByText('Demo data').first()).toBeVisible();

  // Only Notice events: every chip in the list says Notice.
  // The select itself, not its menu (rendered in a portal outside #root while it closes).
  const prioritySelect = page.locator('#root').getByLabel('Priority');
  await prioritySelect.click();
  await page.getByRole('option', { name: 'Notice' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(prioritySelect).toHaveText('Notice');
  const rows = page.locator('tbody tr');
  // The reloaded list: its first row is a Notice, and so is every other row.
  await expect(rows.first()).toContainText('Notice');
  const chips = await rows.locator('td:first-child').allTextContents();
  expect(chips.length).toBeGreaterThan(0);
  expect(new Set(chips)).toEqual(new Set(['Notice']));

  // The drawer shows every output field of the event.
  await page.getByRole('button', { name: /^Details of / }).first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('table', { name: 'Output fields' })).toBeVisible();
  await expect(drawer.getByText('k8s.ns.name')).toBeVisible();
  await expect(drawer.getByText('proc.cmdline')).toBeVisible();
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toHaveCount(0);
});

test('a service’s Falco card and its events tab count the same last 7 days', async ({ page }) => {
  await enterAsGuest(page);
  // Demo events arrive once an hour: read both again if an hour turned in between.
  await expect(async () => {
    await page.goto('/catalog/default/component/legacy-payments-gateway');
    const card = page.getByText(/^\d+ events? in the last 7 days \(since \d+ \w+, 00:00 UTC\)\./);
    await expect(card).toBeVisible({ timeout: 20_000 });
    const [, cardCount, cardSince] = /^(\d+) events? in the (last 7 days \(since [^)]+\))/.exec((await card.textContent()) ?? '')!;
    await page.goto('/catalog/default/component/legacy-payments-gateway/falco');
    const tab = page.getByText(/^\d+ in the last 7 days \(since \d+ \w+, 00:00 UTC\)$/);
    await expect(tab).toBeVisible({ timeout: 20_000 });
    expect(await tab.textContent()).toBe(`${cardCount} in the ${cardSince}`);
  }).toPass({ timeout: 120_000, intervals: [5_000] });
});

test('the security overview shows trend, top rules, top services and unmapped events', async ({ page }) => {
  await enterAsGuest(page);
  await page.getByRole('link', { name: 'Runtime security' }).first().click();
  await expect(page).toHaveURL(/\/falco$/);
  await expect(page.getByText('Events per day')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('img', { name: /Falco events per day/ })).toBeVisible();
  await expect(page.getByText('Top rules')).toBeVisible();
  await expect(page.getByText('Top services')).toBeVisible();
  await expect(page.getByRole('link', { name: 'legacy-payments-gateway' }).first()).toBeVisible();
  await expect(page.getByText('Unmapped events')).toBeVisible();
});
