import { expect, Page, test } from '@playwright/test';

/**
 * Runs against a portal started with ./app-config.yaml layered on the embedded default
 * (scripts/test.sh: E2E_PORTAL_CONFIG=... scripts/e2e.sh packages/app/e2e-tests/not-running):
 * the SLO plugin is misconfigured, everything else runs.
 */
async function enterAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
}

test('readiness says the SLO plugin is not running, and why', async ({ request }) => {
  const res = await request.get('http://localhost:7007/.backstage/health/v1/readiness');
  expect(res.status()).toBe(200);
  const { plugins } = await res.json();
  expect(plugins.running).toEqual(expect.arrayContaining(['catalog', 'cost', 'scaffolder', 'techdocs']));
  expect(plugins.notRunning).toEqual([
    expect.objectContaining({ pluginId: 'slo', setting: 'slo.prometheus', reason: expect.stringMatching(/^slo\.prometheus lists no Prometheus/) }),
  ]);
});

test("a service page says the SLO plugin is not running, and the service's other cards still work", async ({
  page,
}, testInfo) => {
  await enterAsGuest(page);
  await page.goto('/catalog/default/component/checkout-service');
  await expect(page.getByRole('heading', { name: 'checkout-service' }).first()).toBeVisible();

  const notRunning = page.getByRole('status').filter({ hasText: 'slo is not running: slo.prometheus lists no Prometheus' });
  await expect(notRunning.first()).toBeVisible();
  await expect(notRunning.first()).toContainText("An administrator fixes slo.prometheus in the portal's configuration");
  await expect(page.getByText(/Request failed with 503/)).toHaveCount(0);
  // The freeze banner says the same in one line.
  await expect(page.getByText(/Whether deploys are frozen could not be read: slo is not running/)).toBeVisible();

  // The catalog and the other plugins are unaffected.
  await expect(page.getByText('Owner').first()).toBeVisible();
  await expect(page.getByText(/Month to date/).first()).toBeVisible();

  await page.screenshot({ path: testInfo.outputPath('service-page-slo-not-running.png'), fullPage: true });
  // Also where a person can open it after the run.
  await page.screenshot({ path: 'test-results/service-page-slo-not-running.png', fullPage: true });
});
