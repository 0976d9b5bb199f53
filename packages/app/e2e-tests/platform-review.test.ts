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
  // Every indicator's section holds its 12 weeks, the last one this week.
  const sections = markdown.split('\n## ').slice(1);
  expect(sections).toHaveLength(7);
  for (const section of sections) {
    const weekRows = section.split('\n').filter(line => /^\| \d{4}-W\d{2} \|/.test(line));
    expect(weekRows).toHaveLength(12);
    expect(weekRows[11]).toContain(`| ${week} |`);
  }
});

test('the CSV export holds all 12 weeks of every indicator, overall and per team', async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/platform-review');
  await expect(page.getByRole('heading', { name: /^Week \d{4}-W\d{2}$/ })).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const rows = (await fs.readFile((await download.path())!, 'utf8')).trim().split('\r\n').map(line => line.split(','));
  expect(rows[0]).toEqual(['week', 'indicator', 'scope', 'value', 'unit', 'target', 'direction', 'status', 'note']);
  const indicators = [...new Set(rows.slice(1).map(r => r[1]))];
  expect(indicators).toHaveLength(7);
  for (const indicator of indicators) {
    const scopes = [...new Set(rows.filter(r => r[1] === indicator).map(r => r[2]))];
    expect(scopes).toContain('all');
    for (const scope of scopes) expect(rows.filter(r => r[1] === indicator && r[2] === scope)).toHaveLength(12);
  }
  // Teams are there too, for the deploy indicators at least (the demo organisation deploys).
  expect(rows.some(r => r[1] === 'deploysPerDay' && r[2].startsWith('group:'))).toBe(true);
  // A week without a value says "no data", never a value of 0 with a rating.
  for (const row of rows.slice(1)) if (row[3] === '') expect(row[7]).toBe('no data');
});

test("each week's point is drawn in the colour of its own rating, with a tooltip", async ({ page }) => {
  await enterAsGuest(page);
  await page.goto('/platform-review');
  await expect(page.getByRole('heading', { name: /^Week \d{4}-W\d{2}$/ })).toBeVisible({ timeout: 30_000 });
  const colours: Record<string, string> = { green: '#2e7d32', amber: '#ed6c02', red: '#c62828' };
  const points = page.locator('circle[data-rating]');
  await expect(points.first()).toBeVisible();
  const drawn = await points.evaluateAll(circles =>
    circles.map(c => ({ week: c.getAttribute('data-week'), rating: c.getAttribute('data-rating'), fill: c.getAttribute('fill') })),
  );
  for (const point of drawn) expect(point.fill).toBe(colours[point.rating!]);
  // Weeks below target (red) are drawn red and weeks on target green, each by its own
  // rating: the demo's lead times (hours, against 10 min) are below target every week, its
  // 20-plus deploys a day on target.
  expect(drawn.some(p => p.rating === 'red')).toBe(true);
  expect(drawn.some(p => p.rating === 'green')).toBe(true);
  // Per point: the week, its value, the target and that week's rating.
  const leadTime = page.getByRole('figure', { name: /^Change lead time, median over the last 12 weeks/ });
  await leadTime.locator('circle[data-rating="red"]').first().hover();
  const tooltip = page.locator('.recharts-tooltip-wrapper').filter({ hasText: 'target ≤ 10 min' });
  await expect(tooltip).toContainText(/\d{4}-W\d{2}/);
  await expect(tooltip).toContainText(/\d+ (min|h|d)/);
  await expect(tooltip).toContainText('Off target');
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
