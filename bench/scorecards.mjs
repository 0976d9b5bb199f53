// Scorecards: N generated components (default 5,000) x 25 checks on the embedded default
// (SQLite). Prints the time of a full evaluation (catalog read, facts, 25 checks per
// entity, results, history and trends stored) and p50/p95 of the overview API (the whole
// grid, and filtered by team), the team roll-ups and one entity's result.
//
//   node bench/scorecards.mjs [componentCount]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCatalog } from './generateCatalog.mjs';
import { guestToken, percentile, startBackend, timeRequests, writeResult } from './lib.mjs';

const componentCount = Number(process.argv[2] ?? 5000);
const port = 7114;
const requests = 200;
const concurrency = 8;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-scorecards-'));
const catalogFile = path.join(dir, 'catalog.yaml');
generateCatalog(catalogFile, componentCount);

/** 25 checks over three scorecards, on built-in catalog facts and the SLO module's facts. */
function definitionsYaml() {
  const facts = [
    ['catalog.ownerIsGroup', 'true'],
    ['catalog.lifecycleSet', 'true'],
    ['catalog.systemSet', 'true'],
    ['catalog.hasTechDocs', 'true'],
    ['catalog.hasRunbookLink', 'true'],
    ['catalog.hasOnCall', 'true'],
    ['catalog.hasCostCenter', 'true'],
    ['catalog.templateVersionStatus', 'current'],
    ['slo.defined', 'true'],
    ['slo.budgetLeft', 'true'],
  ];
  const levels = ['bronze', 'silver', 'gold'];
  const sizes = { 'production-readiness': 10, security: 7, 'cost-hygiene': 8 };
  let n = 0;
  const scorecards = Object.entries(sizes).map(([id, size]) => {
    const checks = Array.from({ length: size }, (_, i) => {
      const [fact, value] = facts[n++ % facts.length];
      const appliesTo = i % 4 === 3 ? '\n        appliesTo: { types: [service, website] }' : '';
      return `      - id: check-${i}
        title: Check ${i} on ${fact}
        level: ${levels[Math.min(2, Math.floor((3 * i) / size))]}
        fact: ${fact}
        value: ${value}${appliesTo}
        howToFix: Fix ${fact}
        link: /docs/${fact}`;
    });
    return `  - id: ${id}\n    title: ${id}\n    checks:\n${checks.join('\n')}`;
  });
  return `levels: [bronze, silver, gold]\nscorecards:\n${scorecards.join('\n')}\n`;
}
const definitionsFile = path.join(dir, 'scorecards.yaml');
fs.writeFileSync(definitionsFile, definitionsYaml());

const backend = await startBackend({
  port,
  extraConfig: [
    'catalog:',
    '  locations:',
    '    - type: file',
    `      target: ${catalogFile}`,
    // No clusters: the Kubernetes module still asks the Kubernetes backend once per
    // component, which answers at once; its share of the evaluation is printed apart.
    'kubernetes:',
    '  clusterLocatorMethods:',
    '    - type: config',
    '      clusters: []',
    'scorecards:',
    `  definitionsFile: ${definitionsFile}`,
    '  schedule:',
    '    initialDelay: { hours: 1 }',
    '',
  ].join('\n'),
});
const token = await guestToken(backend.baseUrl);
const headers = { Authorization: `Bearer ${token}` };
const ingestStart = performance.now();
for (;;) {
  const res = await fetch(`${backend.baseUrl}/api/catalog/entities/by-query?filter=kind=component&limit=1`, { headers });
  const { totalItems } = await res.json();
  if (totalItems >= componentCount) break;
  if (performance.now() - ingestStart > 1_200_000) throw new Error(`only ${totalItems} ingested`);
  await new Promise(r => setTimeout(r, 1000));
}

async function evaluate() {
  const t0 = performance.now();
  const res = await fetch(`${backend.baseUrl}/api/scorecards/evaluate`, { method: 'POST', headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`evaluate failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { wallMs: performance.now() - t0, run: body.run };
}
// The first run stores every entity's history; later runs only the changes.
const first = await evaluate();
const second = await evaluate();
const checksPerRun = 25;
if (first.run.entityCount !== componentCount) {
  throw new Error(`evaluated ${first.run.entityCount} entities, expected ${componentCount}`);
}

const time = (urlFor, check) =>
  timeRequests({ count: requests, concurrency, token, urlFor, check });
const overview = await time(
  () => `${backend.baseUrl}/api/scorecards/overview`,
  body => body.rows.length === componentCount,
);
const overviewByTeam = await time(
  i => `${backend.baseUrl}/api/scorecards/overview?owner=bench-team-${i % 50}`,
  body => body.rows.length > 0,
);
const teams = await time(() => `${backend.baseUrl}/api/scorecards/teams`, body => body.teams.length === 50);
const entity = await time(
  i => `${backend.baseUrl}/api/scorecards/entity?entityRef=component:default/bench-component-${(i * 7919) % componentCount}`,
  body => body.result !== null,
);
const overviewBytes = (await (await fetch(`${backend.baseUrl}/api/scorecards/overview`, { headers })).text()).length;
const rssMiB = backend.rssMiB();
await backend.stop();

const sourceMs = Object.fromEntries(first.run.sources.map(s => [s.id, s.durationMs]));
const result = {
  componentCount,
  firstRunSourceMs: sourceMs,
  checksPerEntity: checksPerRun,
  firstEvaluationMs: first.run.durationMs,
  firstEvaluationWallMs: first.wallMs,
  secondEvaluationMs: second.run.durationMs,
  overviewP50Ms: percentile(overview, 50),
  overviewP95Ms: percentile(overview, 95),
  overviewBytes,
  overviewByTeamP50Ms: percentile(overviewByTeam, 50),
  overviewByTeamP95Ms: percentile(overviewByTeam, 95),
  teamsP95Ms: percentile(teams, 95),
  entityP95Ms: percentile(entity, 95),
  rssMiB,
};
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
console.log(
  `scorecards bench: ${componentCount} components x ${checksPerRun} checks, SQLite, ${requests} requests x ${concurrency} concurrent (${machine})`,
);
const rows = [
  ['full evaluation, first run (all history)', result.firstEvaluationMs, 'ms'],
  ['full evaluation, POST wall time', result.firstEvaluationWallMs, 'ms'],
  ['full evaluation, second run (changes only)', result.secondEvaluationMs, 'ms'],
  ...Object.entries(sourceMs).map(([id, ms]) => [`  of the first run, waiting for ${id} facts`, ms, 'ms']),
  // Sources are read side by side: the rest is catalog read, 25 checks x entities, store.
  ['  of the first run, everything but fact sources', result.firstEvaluationMs - Math.max(...Object.values(sourceMs)), 'ms'],
  ['overview API, whole grid, p50', result.overviewP50Ms, 'ms'],
  ['overview API, whole grid, p95', result.overviewP95Ms, 'ms'],
  ['overview response size', result.overviewBytes / 1024, 'KiB'],
  ['overview API, one team, p50', result.overviewByTeamP50Ms, 'ms'],
  ['overview API, one team, p95', result.overviewByTeamP95Ms, 'ms'],
  ['team roll-ups API, p95', result.teamsP95Ms, 'ms'],
  ['entity API, p95', result.entityP95Ms, 'ms'],
  ['backend resident memory after', result.rssMiB, 'MiB'],
];
for (const [label, value, unit] of rows) {
  console.log(`  ${label.padEnd(46)}${`${value.toFixed(1)} ${unit}`.padStart(14)}`);
}
const file = writeResult('scorecards', { date: new Date().toISOString(), machine, requests, concurrency, ...result });
console.log(`  written to ${file}`);
