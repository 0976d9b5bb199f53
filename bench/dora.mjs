// DORA ingestion: requests spent and wall time for a full refresh of N repositories × D
// days of deployments, for an incremental one with nothing new (conditional requests:
// 304s, free against GitHub's rate limit) and for one where a tenth of the repositories
// deployed once. Against the contract-fake GitHub of plugins/dora-backend, stored in SQLite.
//
//   node bench/dora.mjs [repositories=500] [days=90] [concurrency=8]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, writeResult } from './lib.mjs';

const [repositories = '500', days = '90', concurrency = '8'] = process.argv.slice(2);
const output = execFileSync(
  process.execPath,
  [
    '--require',
    path.join(repoRoot, 'node_modules/@backstage/cli-node/config/nodeTransform.cjs'),
    path.join(repoRoot, 'bench/doraIngestion.ts'),
    repositories,
    days,
    concurrency,
  ],
  { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
);
const result = JSON.parse(output.trim().split('\n').pop());

console.log(
  `dora bench: ${result.repositories} repositories × ${result.days} days (${result.deploymentsStored} deployments), ${result.concurrency} repositories at a time`,
);
for (const run of result.runs) {
  console.log(
    `  ${run.label.padEnd(40)} ${String(run.requests).padStart(7)} requests  ${String(run.notModified).padStart(6)} × 304  ${String(run.countedAgainstRateLimit).padStart(7)} counted  ${(run.wallMs / 1000).toFixed(1).padStart(6)} s`,
  );
}
console.log(`  overview (all services and teams, 90 days) from the store: ${result.overviewMs.join(', ')} ms`);
console.log(`  written to ${writeResult('dora', { date: new Date().toISOString(), ...result })}`);
