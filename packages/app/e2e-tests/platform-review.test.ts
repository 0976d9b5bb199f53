import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs/promises';

// Runs against the embedded default, whose DORA, Falco and scorecards figures are demo data.

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('the weekly review renders with demo data and exports the week as Markdown', async ({ page }) => {
  await enterAsGuest(page);
  await page.getByRole('link', { name: /Weekly review/ }).first().click();
  await expect(page).toHaveURL(/\/platform-review$/);
  await expect(page.getByRole('heading', { name: /^Week \d{4}-W\d{2}$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel(/^Demo data\./).first()).toBeVisible();
  for (const title of ['Deploys per day (all teams)', 'Change lead time, median', 'Falco Critical/Emergency alerts']) {
    await expect(page.getByText(title, { exact: true })).toBeVisible();
  }
  // Every indicator carries its status in words, not only as a colour.
  await expect(page.getByLabel(/^Status: (On target|Near target|Off target|Unknown \/ not available)$/).first()).toBeVisible();
  await expect(page.getByRole('figure', { name: /Deploys per day \(all teams\) over the last 12 weeks/ })).toBeVisible();

  const week = (await page.getByRole('heading', { name: /^Week / }).textContent())!.replace('Week ', '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  expect(download.suggestedFilename()).toBe(`platform-review-${week}.md`);
  const markdown = await fs.readFile((await download.path())!, 'utf8');
  expect(markdown).toContain(`# Platform review ${week}`);
  expect(markdown).toContain('| Indicator | This week | Target | Status | Last week |');
  expect(markdown).toMatch(/\| Deploys per day \(all teams\) \| [\d.]+ deploys\/day \| ≥ 20 deploys\/day \| (On|Near|Off) target \|/);
});

test('the week picker shows an earlier week', async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/platform-review');
  const picker = page.getByLabel('Week', { exact: true });
  await expect(picker).toBeVisible({ timeout: 30_000 });
  const options = await picker.locator('option').allTextContents();
  await picker.selectOption(options[1]);
  await expect(page.getByRole('heading', { name: `Week ${options[1]}` })).toBeVisible({ timeout: 30_000 });
});
