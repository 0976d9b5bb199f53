// Prints one closing line, "N passed, N failed", over the Jest and Playwright result files
// that scripts/test.sh asks both runners to write (one Playwright file per end-to-end run).
import fs from 'node:fs';

const [jestFile, ...playwrightFiles] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (jestFile && fs.existsSync(jestFile)) {
  const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
}
for (const playwrightFile of playwrightFiles) {
  if (!fs.existsSync(playwrightFile)) continue;
  const { stats } = JSON.parse(fs.readFileSync(playwrightFile, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
console.log(`${passed} passed, ${failed} failed`);
