// Falco ingest: sustained events/s into POST /api/falco/events with the p50/p99 time to
// acknowledgement, then a check that every acknowledged event is stored (zero loss),
// also after restarting the backend on the same database. Runs on SQLite (a file, so the
// restart means something) and on PostgreSQL (PORTAL_TEST_POSTGRES_URL, from
// scripts/postgres.sh). Shapes: one event per request from 8 senders, as Falcosidekick's
// webhook sends them, and batches of 50 (a JSON array) from 1 and from 8 senders. The
// goals (plugins/falco-backend/README.md) are printed next to what was measured.
//
//   node bench/falco.mjs [secondsPerShape]   (port: FALCO_BENCH_PORT, default 7117)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { guestToken, percentile, repoRoot, startBackend, writeResult } from './lib.mjs';

const secondsPerShape = Number(process.argv[2] ?? 20);
const port = Number(process.env.FALCO_BENCH_PORT ?? 7117);
const token = 'bench-falco-ingest-token';
const shapes = [
  { name: 'single × 8', batch: 1, senders: 8 },
  { name: 'batch50 × 1', batch: 50, senders: 1 },
  { name: 'batch50 × 8', batch: 50, senders: 8 },
];

/** The issue's goals, on a quiet machine: throughput and p99 acknowledgement per database. */
const goals = [
  { what: 'events/s, batches of 50, 8 senders', shape: 'batch50 × 8', value: r => r.eventsPerSecond, unit: '', atLeast: { 'SQLite (file)': 2000, PostgreSQL: 5000 } },
  { what: 'p99 ack, batches of 50, 1 sender', shape: 'batch50 × 1', value: r => r.p99AckMs, unit: ' ms', atMost: 50 },
  { what: 'p99 ack, batches of 50, 8 senders', shape: 'batch50 × 8', value: r => r.p99AckMs, unit: ' ms', atMost: 250 },
];

let sequence = 0;
const runId = Date.now().toString(36);

/** A Falcosidekick-forwarded event (fresh uuid) from a pod in a namespace no component claims. */
function falcoEvent() {
  sequence += 1;
  const now = new Date();
  const time = now.toISOString().replace('Z', `${String(sequence % 1e6).padStart(6, '0')}Z`);
  const hex = `${runId}${sequence.toString(16)}`.padStart(12, '0').slice(-12);
  return {
    uuid: `${'bench'.padEnd(8, '0').replace(/[^0-9a-f]/g, 'b')}-0000-4000-8000-${hex}`,
    time,
    rule: sequence % 7 === 0 ? 'Read sensitive file untrusted' : 'Terminal shell in container',
    priority: sequence % 7 === 0 ? 'Warning' : 'Notice',
    output: `${time.slice(11, 29)}: Notice A shell was spawned in a container with an attached terminal (user=root k8s_ns=bench k8s_pod_name=bench-${sequence % 50})`,
    hostname: `ip-10-20-1-${sequence % 200}.ec2.internal`,
    source: 'syscall',
    tags: ['container', 'mitre_execution', 'shell'],
    output_fields: {
      'container.id': 'ee97d9c4186f',
      'container.image.repository': 'registry.example/bench',
      'evt.time': now.getTime() * 1e6,
      'k8s.ns.name': 'bench',
      'k8s.pod.name': `bench-${sequence % 50}`,
      'proc.cmdline': 'sh -c clear; (bash || ash || sh)',
      'proc.name': 'sh',
      'user.loginuid': -1,
      'user.name': 'root',
    },
  };
}

async function sendFor(baseUrl, { batch, senders }, seconds) {
  const latencies = [];
  let acknowledged = 0;
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  async function sender() {
    while (performance.now() < deadline) {
      const events = Array.from({ length: batch }, falcoEvent);
      const body = JSON.stringify(batch === 1 ? events[0] : events);
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/falco/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=utf-8' },
        body,
      });
      const answer = await res.json();
      latencies.push(performance.now() - t0);
      if (res.ok && answer.rejected === 0) acknowledged += answer.accepted;
      else failures += 1;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: senders }, sender));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    acknowledged,
    failures,
    eventsPerSecond: acknowledged / elapsed,
    p50AckMs: percentile(latencies, 50),
    p99AckMs: percentile(latencies, 99),
  };
}

async function storedCount(baseUrl) {
  const auth = { Authorization: `Bearer ${await guestToken(baseUrl)}` };
  const res = await fetch(`${baseUrl}/api/falco/alerts?unmapped=true&limit=1`, { headers: auth });
  if (!res.ok) throw new Error(`alerts: ${res.status} ${await res.text()}`);
  return (await res.json()).totalCount;
}

async function measure(label, databaseConfig) {
  const extraConfig = `  database:\n${databaseConfig}\nfalco:\n  ingest:\n    token: ${token}\n    maxBatchSize: 1000\n  demo:\n    enabled: false\n`;
  let backend = await startBackend({ port, extraConfig });
  const results = {};
  let acknowledged = 0;
  try {
    // Warm-up: first requests compile routes and open connections.
    await sendFor(backend.baseUrl, shapes[0], 2);
    const warm = await storedCount(backend.baseUrl);
    for (const shape of shapes) {
      results[shape.name] = await sendFor(backend.baseUrl, shape, secondsPerShape);
      acknowledged += results[shape.name].acknowledged;
    }
    const storedBefore = (await storedCount(backend.baseUrl)) - warm;
    await backend.stop();
    backend = await startBackend({ port, extraConfig });
    const storedAfterRestart = (await storedCount(backend.baseUrl)) - warm;
    return { label, ...results, acknowledged, storedBefore, storedAfterRestart, lost: acknowledged - storedAfterRestart };
  } finally {
    await backend.stop();
  }
}

async function dropDatabases(url, prefix) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('select datname from pg_database where datname like $1', [`${prefix}%`]);
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}"`);
  await client.end();
}

const runs = [];
const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-falco-'));
runs.push(await measure('SQLite (file)', `    client: better-sqlite3\n    connection:\n      directory: ${sqliteDir}`));

const postgresUrl = process.env.PORTAL_TEST_POSTGRES_URL;
if (postgresUrl) {
  const prefix = `bench_falco_${runId}_`;
  try {
    runs.push(await measure('PostgreSQL', `    client: pg\n    connection: ${postgresUrl}\n    prefix: ${prefix}`));
  } finally {
    await dropDatabases(postgresUrl, prefix);
  }
} else {
  console.log('PostgreSQL skipped: source scripts/postgres.sh to set PORTAL_TEST_POSTGRES_URL');
}

const f = n => n.toFixed(1);
console.log(`\nFalco ingest, ${secondsPerShape}s per shape (shape = events per request × concurrent senders)`);
console.log('database        shape          events/s   p50 ack ms  p99 ack ms  failed  acked   stored  after restart  lost');
for (const run of runs) {
  for (const shape of shapes) {
    const r = run[shape.name];
    console.log(
      `${run.label.padEnd(15)} ${shape.name.padEnd(12)} ${f(r.eventsPerSecond).padStart(10)} ${f(r.p50AckMs).padStart(12)} ${f(r.p99AckMs).padStart(11)} ${String(r.failures).padStart(7)}`,
    );
  }
  console.log(
    `${run.label.padEnd(15)} total${' '.repeat(56)}${String(run.acknowledged).padStart(7)} ${String(run.storedBefore).padStart(8)} ${String(run.storedAfterRestart).padStart(14)} ${String(run.lost).padStart(5)}`,
  );
}

console.log('\nGoals (a quiet machine; this one had a load average of ' + os.loadavg()[0].toFixed(1) + ' at the end)');
console.log('database        measure                              measured     goal        ');
let missed = 0;
for (const run of runs) {
  for (const goal of goals) {
    const measured = goal.value(run[goal.shape]);
    const bound = goal.atLeast ? goal.atLeast[run.label] : goal.atMost;
    const met = goal.atLeast ? measured >= bound : measured <= bound;
    if (!met) missed += 1;
    console.log(
      `${run.label.padEnd(15)} ${goal.what.padEnd(36)} ${`${Math.round(measured).toLocaleString('en-US')}${goal.unit}`.padStart(9)}    ${`${goal.atLeast ? '≥' : '≤'} ${bound.toLocaleString('en-US')}${goal.unit}`.padEnd(11)} ${met ? 'met' : 'MISSED'}`,
    );
  }
}
const file = writeResult('falco', { secondsPerShape, runs, goalsMissed: missed });
console.log(`\nwritten to ${path.relative(repoRoot, file)}`);
if (runs.some(r => r.lost !== 0)) {
  console.error('LOSS: some acknowledged events are missing');
  process.exit(1);
}
