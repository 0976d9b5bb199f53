// Prints the closing lines over the Jest and Playwright result files that scripts/test.sh
// asks both runners to write (one Playwright file per end-to-end run): first each skipped
// test by name (a test that cannot run on this machine, e.g. without terraform, says so in
// its name), then "N passed, N failed, N skipped".
import fs from 'node:fs';

const [jestFile, ...playwrightFiles] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const skipped = [];
if (jestFile && fs.existsSync(jestFile)) {
  const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  for (const suite of jest.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      if (['pending', 'skipped', 'todo', 'disabled'].includes(test.status)) {
        skipped.push(test.fullName ?? test.title);
      }
    }
  }
}
for (const playwrightFile of playwrightFiles) {
  if (!fs.existsSync(playwrightFile)) continue;
  const { stats } = JSON.parse(fs.readFileSync(playwrightFile, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  for (let i = 0; i < (stats.skipped ?? 0); i++) skipped.push('(an end-to-end test)');
}
for (const name of skipped) console.log(`skipped: ${name}`);
console.log(`${passed} passed, ${failed} failed, ${skipped.length} skipped`);
