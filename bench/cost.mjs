// Cost: S services (default 2,000) × D days (default 90) of Kubecost allocations, served
// by a local Kubecost contract fake in the documented format, ingested by the portal's
// backend into an on-disk SQLite database. Prints the ingestion time (first request to
// every day stored), the first (computed) and p50/p95 (cached until the next ingestion)
// times of GET /api/cost/overview, /api/cost/teams/…, /api/cost/facts and
// /api/cost/anomalies (every team and service, last 14 days), and the cost
// plugin's database size.
//
//   node bench/cost.mjs [services] [days]        (port: COST_BENCH_PORT, default 7113)
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  guestToken,
  percentile,
  startBackend,
  timeRequests,
  writeResult,
} from './lib.mjs';

const services = Number(process.argv[2] ?? 2000);
const days = Number(process.argv[3] ?? 90);
const teams = 40;
const port = Number(process.env.COST_BENCH_PORT ?? 7113);
const requests = 200;
const concurrency = 4;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-cost-'));

// Deterministic allocations: service i belongs to team i % teams.
function allocation(name, start, end, i) {
  const cpuCost = 1 + (i % 17) * 0.37;
  const ramCost = 0.5 + (i % 11) * 0.21;
  const pvCost = (i % 5) * 0.1;
  return {
    name,
    properties: { cluster: 'bench', labels: {} },
    window: { start, end },
    start,
    end,
    minutes: 1440,
    cpuCores: 1,
    cpuCoreRequestAverage: 1,
    cpuCoreUsageAverage: 0.4,
    cpuCoreHours: 24,
    cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency: 0.4,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 1e6,
    networkReceiveBytes: 1e6,
    networkCost: 0.05,
    networkCrossZoneCost: 0,
    networkCrossRegionCost: 0,
    networkInternetCost: 0,
    networkCostAdjustment: 0,
    loadBalancerCost: 0.02,
    loadBalancerCostAdjustment: 0,
    pvBytes: 1e9,
    pvByteHours: 24e9,
    pvCost,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: 1e9,
    ramByteRequestAverage: 1e9,
    ramByteUsageAverage: 6e8,
    ramByteHours: 24e9,
    ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: 0.6,
    sharedCost: 0.01,
    externalCost: 0,
    totalCost: cpuCost + ramCost + pvCost + 0.05 + 0.02 + 0.01,
    totalEfficiency: 0.47,
    rawAllocationOnly: null,
  };
}

let firstRequestAt;
let kubecostRequests = 0;
const kubecost = http.createServer((req, res) => {
  firstRequestAt ??= performance.now();
  kubecostRequests++;
  const url = new URL(req.url, 'http://kubecost');
  const [from, to] = url.searchParams
    .get('window')
    .split(',')
    .map(s => Date.parse(s));
  const data = [];
  for (let t = from; t < to; t += 86_400_000) {
    const start = new Date(t).toISOString().replace('.000', '');
    const end = new Date(t + 86_400_000).toISOString().replace('.000', '');
    const set = {};
    for (let i = 0; i < services; i++) {
      const key = `team=team-${i % teams}/app=service-${i}`;
      set[key] = allocation(key, start, end, i);
    }
    set.__idle__ = allocation('__idle__', start, end, 3);
    set['__unallocated__/app=batch'] = allocation(
      '__unallocated__/app=batch',
      start,
      end,
      7,
    );
    data.push(set);
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code: 200, data }));
});
await new Promise(resolve => kubecost.listen(0, '127.0.0.1', resolve));

const backend = await startBackend({
  port,
  extraConfig: `  database:
    client: better-sqlite3
    connection:
      directory: ${dir}
cost:
  demo:
    enabled: false
  lookbackDays: ${days}
  kubecost:
    baseUrl: http://127.0.0.1:${kubecost.address().port}
  schedule:
    initialDelay: { seconds: 1 }
    frequency: { hours: 6 }
`,
});
try {
  const token = await guestToken(backend.baseUrl);
  const get = p =>
    fetch(`${backend.baseUrl}${p}`, {
      headers: { Authorization: `Bearer ${token}` },
    }).then(r => r.json());
  let ingestionMs;
  for (let i = 0; ; i++) {
    // Polls a team nobody times below, so the timed endpoints' first requests compute.
    const probe = await get('/api/cost/teams/default/team-0');
    const status = probe.sources?.find(s => s.source === 'kubecost');
    if (status?.lastError)
      throw new Error(`ingestion failed: ${status.lastError}`);
    if (status && status.pendingDays === 0 && status.lastSuccessAt) {
      ingestionMs = performance.now() - firstRequestAt;
      break;
    }
    if (i > 6000) throw new Error('ingestion did not finish in 20 minutes');
    await new Promise(r => setTimeout(r, 200));
  }

  // The first request after an ingestion computes the response; later ones are served from
  // the per-data-version cache until the next ingestion. Both are reported.
  const timed = async urlPath => {
    const t0 = performance.now();
    await get(urlPath);
    const cold = performance.now() - t0;
    const sorted = await timeRequests({
      count: requests,
      concurrency,
      token,
      urlFor: () => `${backend.baseUrl}${urlPath}`,
      check: body => body.asOf !== null,
    });
    return { cold, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };
  const overview = await timed('/api/cost/overview');
  const team = await timed('/api/cost/teams/default/team-7');
  const facts = await timed('/api/cost/facts');
  const anomalies = await timed('/api/cost/anomalies');
  const dbBytes = fs
    .readdirSync(dir)
    .filter(f => f.includes('cost'))
    .reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);

  const result = {
    services,
    days,
    teams,
    rows: (services + 2) * days,
    kubecostRequests,
    ingestionSeconds: Math.round(ingestionMs / 100) / 10,
    overviewMs: overview,
    teamMs: team,
    factsMs: facts,
    anomaliesMs: anomalies,
    databaseMiB: Math.round((dbBytes / 1024 / 1024) * 10) / 10,
    backendRssMiB: Math.round(backend.rssMiB()),
  };
  const fmt = t =>
    `first (computed) ${t.cold.toFixed(0)} ms; then p50 ${t.p50.toFixed(
      1,
    )} ms, p95 ${t.p95.toFixed(1)} ms`;
  console.log(
    `cost: ${services} services × ${days} days (${result.rows} rows, ${kubecostRequests} Kubecost requests)`,
  );
  console.log(`  ingestion          ${result.ingestionSeconds} s`);
  console.log(`  GET /overview      ${fmt(overview)}`);
  console.log(`  GET /teams/…       ${fmt(team)}`);
  console.log(`  GET /facts         ${fmt(facts)}`);
  console.log(`  GET /anomalies     ${fmt(anomalies)}`);
  console.log(
    `  database (SQLite)  ${result.databaseMiB} MiB;  backend RSS ${result.backendRssMiB} MiB`,
  );
  console.log(`  written to ${writeResult('cost', result)}`);
} finally {
  await backend.stop();
  kubecost.close();
}
