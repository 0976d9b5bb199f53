// Takes Chromium screenshots of the portal's main pages, signed in as the guest.
// Usage: node scripts/screenshots.mjs [baseUrl] [outDir] [path ...]
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { chromiumLaunchOptions } from './chromiumLaunchOptions.mjs';

const [baseUrl = 'http://localhost:3000', outDir = 'screenshots', ...paths] =
  process.argv.slice(2);
const pages = paths.length
  ? paths
  : ['/', '/catalog', '/catalog/default/component/checkout-service'];

fs.mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
// SCREENSHOT_HEIGHT: pages that scroll inside their own layout are only captured as tall as the window.
const height = Number(process.env.SCREENSHOT_HEIGHT ?? 1000);
const page = await browser.newPage({ viewport: { width: 1440, height } });
await page.goto(baseUrl);
const enter = page.getByRole('button', { name: 'Enter' });
await enter.waitFor({ timeout: 60_000 });
await enter.click();
await enter.waitFor({ state: 'detached', timeout: 60_000 });
for (const path of pages) {
  await page.goto(baseUrl + path);
  await page.waitForLoadState('networkidle').catch(() => {});
  // Pages that load more after the first paint (TechDocs builds, charts) show progress bars.
  await page
    .locator('[role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .catch(() => {});
  await page.waitForTimeout(2500);
  const file = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
