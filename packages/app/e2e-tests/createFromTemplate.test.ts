import { expect, test } from '@playwright/test';

/**
 * A newcomer creates a service from the HTTP service golden path with the local publisher,
 * is stopped by a name that is taken, watches the steps run and opens the new component.
 * scripts/e2e.sh removes the e2e-* repositories it leaves under .data/repositories.
 */
test('a developer creates a service from the golden path and finds it in the catalog', async ({
  page,
}) => {
  const name = `e2e-basket-${Date.now().toString(36)}`;
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.goto('/create/templates/default/http-service');

  // Step 1, with a name the catalog already has.
  await page.getByLabel('Name').fill('checkout-service');
  await page.getByLabel('Description').fill('Keeps shoppers baskets between visits');
  await page.getByLabel('Owning team').fill('checkout');
  await page.getByRole('option', { name: /checkout/i }).first().click();
  await page.getByLabel('System').fill('commerce');
  await page.getByRole('option', { name: /commerce/i }).first().click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByText('A component named "checkout-service" already exists').first(),
  ).toBeVisible();

  // The message is about that name: it goes as soon as the name changes.
  const nameField = page.getByRole('textbox', { name: 'Name' });
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toHaveCount(0);
  await expect(nameField).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: what it takes to run it. Bad values are explained in words, not as patterns.
  await page.getByLabel('On-call rotation').fill('call bob');
  await page.getByLabel('Cost centre').fill('1042');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Use the finance cost centre code, CC- and four digits (e.g. CC-1042).').first()).toBeVisible();
  await expect(page.getByText(/Name the rotation as pagerduty:<schedule>/).first()).toBeVisible();
  await expect(page.getByText(/must match pattern/)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/golden-path-form-bad-input.png', fullPage: true });
  await page.getByLabel('On-call rotation').fill('pagerduty:checkout-primary');
  await page.getByLabel('Cost centre').fill('CC-1042');
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 3: publish locally (the default), then review.
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page lists each step and its log as it runs.
  await expect(page.getByText('Check the input')).toBeVisible();
  await expect(page.getByText('Helm chart')).toBeVisible();
  const openInCatalog = page.getByRole('button', { name: 'Open in catalog' }).or(
    page.getByRole('link', { name: 'Open in catalog' }),
  );
  await expect(openInCatalog.first()).toBeVisible({ timeout: 90_000 });
  await openInCatalog.first().click();

  await expect(page).toHaveURL(new RegExp(`/catalog/default/component/${name}`));
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('link', { name: 'checkout', exact: true }).first()).toBeVisible();
});
