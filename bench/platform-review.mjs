// The weekly review API (GET /api/platform-review/weeks/:isoWeek) at N services (default
// 5,000): p50/p95 of a week computed from scratch (the DORA, Falco, scorecards, SLO and cost
// plugins read over HTTP from their contract fakes, not their own stores) and of a cached
// week. See bench/platformReview.ts.
//
//   node bench/platform-review.mjs [services=5000]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, writeResult } from './lib.mjs';

const [services = '5000'] = process.argv.slice(2);
const output = execFileSync(
  process.execPath,
  [
    '--require',
    path.join(repoRoot, 'node_modules/@backstage/cli-node/config/nodeTransform.cjs'),
    path.join(repoRoot, 'bench/platformReview.ts'),
    services,
  ],
  { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
);
const result = JSON.parse(output.trim().split('\n').pop());
console.log(
  `platform-review bench: ${result.services} services in ${result.teams} teams, ${result.deploymentsStored} deployments and ${result.falcoAlertsStored} critical alerts over 23 weeks`,
);
console.log(`  week computed (uncached)  ${result.uncached.requests} requests  p50 ${result.uncached.p50Ms} ms  p95 ${result.uncached.p95Ms} ms`);
console.log(`  week cached               ${result.cached.requests} requests  p50 ${result.cached.p50Ms} ms  p95 ${result.cached.p95Ms} ms`);
console.log(`  written to ${writeResult('platform-review', { date: new Date().toISOString(), ...result })}`);
