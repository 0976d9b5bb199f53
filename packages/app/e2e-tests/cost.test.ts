import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';

async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

/** The demo ingestion runs shortly after start-up; reload until it has. */
async function gotoWithCost(page: Page, path: string, ready: RegExp) {
  for (let attempt = 0; ; attempt++) {
    await page.goto(path);
    try {
      await expect(page.getByText(ready).first()).toBeVisible({
        timeout: 10_000,
      });
      return;
    } catch (error) {
      if (attempt >= 9) throw error;
    }
  }
}

test('the cost overview lists every team with the lines charged to no team, switches windows, and exports CSV', async ({
  page,
}) => {
  await enterAsGuest(page);
  await page.getByRole('link', { name: 'Cost', exact: true }).click();
  await expect(page).toHaveURL(/\/cost$/);
  await gotoWithCost(page, '/cost', /Charged to no team/);

  await expect(
    page.getByRole('heading', { name: 'Cost by team' }),
  ).toBeVisible();
  await expect(page.getByText('Demo data').first()).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Daily cost per team/ }),
  ).toBeVisible();
  // The teams table (the anomalies table above it may list Checkout too).
  const table = page
    .getByRole('table')
    .filter({ hasText: 'Idle (unused cluster capacity)' });
  await expect(table.getByRole('link', { name: 'Checkout' })).toBeVisible();
  await expect(table.getByText('Idle (unused cluster capacity)')).toBeVisible();
  await expect(
    table.getByText('Unmounted volumes (no pod mounts them)'),
  ).toBeVisible();
  await expect(
    table.getByText('Unallocated: Kubernetes (no team label)'),
  ).toBeVisible();
  await expect(table.getByText('Unallocated: AWS (no team tag)')).toBeVisible();
  await expect(table.getByRole('link', { name: /unmounted/i })).toHaveCount(0);

  // Each headline says what it sums; the switch moves every figure to its window.
  const headlines = page.getByRole('region', { name: 'Headlines' });
  await expect(headlines.getByText('Kubernetes cluster')).toBeVisible();
  await expect(headlines.getByText(/No AWS\./)).toBeVisible();
  await expect(headlines.getByText(/Per 1,000 orders/)).toBeVisible();
  await page
    .getByRole('group', { name: 'Window the figures are over' })
    .getByRole('button', { name: 'Last 7 days' })
    .click();
  await expect(page.getByText(/Last 7 days: \d+ \w+ – \d+ \w+/)).toBeVisible();
  await expect(
    table.getByRole('columnheader', { name: 'Last 7 days' }),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe(
    'line,entity_ref,last_7_days_usd,last_30_days_usd,month_to_date_usd,forecast_month_usd,monthly_budget_usd,budget_status,through,days_read_7d,days_read_30d,days_read_month,demo',
  );
  expect(
    csv.some(line => line.startsWith('Checkout,group:default/checkout,')),
  ).toBe(true);
  expect(csv.some(line => line.startsWith('Idle,'))).toBe(true);
  expect(csv.some(line => line.startsWith('Unmounted volumes,'))).toBe(true);
  expect(csv.some(line => line.startsWith('Total: everything,'))).toBe(true);
});

test("a team's page shows month to date against budget, the last 30 days split into Kubernetes and AWS, and its top services", async ({
  page,
}) => {
  await enterAsGuest(page);
  await gotoWithCost(
    page,
    '/catalog/default/group/checkout',
    /Top services this month/,
  );
  await expect(
    page.getByText('month to date · forecast', { exact: false }),
  ).toBeVisible();
  await expect(page.getByText(/Budget \$9,500 a month/)).toBeVisible();
  const last30 = page.getByRole('region', { name: 'Last 30 days' });
  await expect(last30.getByText(/^Kubernetes \$[\d,.]+ \(\d+%\) · AWS \$[\d,.]+ \(\d+%\)$/)).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Daily cost of Checkout over the last 30 days/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'cart-service' }).first(),
  ).toBeVisible();
});

test("a service's page shows its 30-day trend, breakdown, efficiency and unit cost", async ({
  page,
}) => {
  await enterAsGuest(page);
  await gotoWithCost(
    page,
    '/catalog/default/component/cart-service',
    /Efficiency \(usage ÷ requests\)/,
  );
  await expect(
    page.getByRole('img', {
      name: /Daily cost of cart-service over the last 30 days/,
    }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Cost by category' }).getByText('CPU'),
  ).toBeVisible();
  await expect(page.getByText('Per 1,000 requests')).toBeVisible();
});

test('the home page has a cost card under Platform health', async ({
  page,
}) => {
  await enterAsGuest(page);
  await gotoWithCost(page, '/', /All teams: \$/);
  await expect(page.getByText(/Checkout: \$[\d,]+ this month/)).toBeVisible();
});

test("cost anomalies: the demo's cart-service spike is listed on the overview, its card and the home page", async ({
  page,
}) => {
  await enterAsGuest(page);
  await gotoWithCost(page, '/cost', /Charged to no team/);
  const anomalies = page.locator('#anomalies');
  await expect(anomalies.getByText('Cost anomalies').first()).toBeVisible();
  const cartRow = anomalies
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'cart-service' }) })
    .first();
  await expect(cartRow).toBeVisible();
  await expect(cartRow).toContainText('Spike');
  await expect(cartRow).toContainText(/\+\$[\d,.]+ \(\+\d+%\)/);
  // Its weekly rhythm (a batch every Monday) is normal: warehouse-worker is not listed.
  await expect(
    anomalies.getByRole('link', { name: 'warehouse-worker' }),
  ).toHaveCount(0);

  await cartRow.getByRole('link', { name: 'cart-service' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/cart-service/);
  await expect(
    page
      .getByText(/Cost anomaly\. Spike on \d+ \w+: \$[\d,.]+ against a usual/)
      .first(),
  ).toBeVisible({ timeout: 60_000 });

  await page.goto('/');
  await expect(
    page.getByText(/cart-service spiked on \d+ \w+: \+\$[\d,.]+/).first(),
  ).toBeVisible({ timeout: 60_000 });
});
