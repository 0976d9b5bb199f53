// Catalog baseline: N generated components (default 5,000) on the embedded default
// (SQLite), in this portal's backend and in create-app's stock backend. Prints start-up
// time, resident memory, ingestion time, and p50/p95 of get-entity-by-name and of a
// paged, filtered list, with the portal/stock ratio. Later plugins compare against it.
//
//   node bench/catalog.mjs [componentCount]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCatalog } from './generateCatalog.mjs';
import {
  backendEntries,
  guestToken,
  percentile,
  startBackend,
  timeRequests,
  writeResult,
} from './lib.mjs';

const componentCount = Number(process.argv[2] ?? 5000);
const port = 7107;
const requests = 500;
const concurrency = 8;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-catalog-'));
const catalogFile = path.join(dir, 'catalog.yaml');
generateCatalog(catalogFile, componentCount);

async function measure(entry) {
  // An empty catalog first: start-up time and memory of the backend itself.
  const empty = await startBackend({ entry, port, extraConfig: 'catalog:\n  locations: []\n' });
  await new Promise(r => setTimeout(r, 5000));
  const idle = { startupMs: empty.startupMs, rssMiB: empty.rssMiB() };
  await empty.stop();

  const backend = await startBackend({
    entry,
    port,
    extraConfig: `catalog:\n  locations:\n    - type: file\n      target: ${catalogFile}\n`,
  });
  const token = await guestToken(backend.baseUrl);
  const ingestStart = performance.now();
  for (;;) {
    const res = await fetch(
      `${backend.baseUrl}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const { totalItems } = await res.json();
    if (totalItems >= componentCount) break;
    if (performance.now() - ingestStart > 1_200_000) throw new Error(`only ${totalItems} ingested`);
    await new Promise(r => setTimeout(r, 1000));
  }
  const ingestMs = performance.now() - ingestStart;

  const byName = await timeRequests({
    count: requests,
    concurrency,
    token,
    urlFor: i =>
      `${backend.baseUrl}/api/catalog/entities/by-name/component/default/bench-component-${
        (i * 7919) % componentCount
      }`,
    check: body => body.metadata?.name?.startsWith('bench-component-'),
  });
  const pagedList = await timeRequests({
    count: requests,
    concurrency,
    token,
    urlFor: i =>
      `${backend.baseUrl}/api/catalog/entities/by-query?filter=kind=component,spec.lifecycle=production,spec.owner=bench-team-${
        i % 50
      }&limit=20&orderField=metadata.name,asc&fields=metadata.name,spec.owner`,
    check: body => Array.isArray(body.items) && body.items.length > 0,
  });
  const loadedRssMiB = backend.rssMiB();
  await backend.stop();
  return {
    startupMs: idle.startupMs,
    rssMiBIdle: idle.rssMiB,
    ingestSeconds: ingestMs / 1000,
    rssMiBWithCatalog: loadedRssMiB,
    getEntityByNameP50Ms: percentile(byName, 50),
    getEntityByNameP95Ms: percentile(byName, 95),
    pagedFilteredListP50Ms: percentile(pagedList, 50),
    pagedFilteredListP95Ms: percentile(pagedList, 95),
  };
}

const stock = await measure(backendEntries.stock);
const portal = await measure(backendEntries.portal);

const rows = [
  ['backend start-up, empty catalog', 'startupMs', 'ms'],
  ['resident memory, idle', 'rssMiBIdle', 'MiB'],
  [`ingestion of ${componentCount} components`, 'ingestSeconds', 's'],
  ['resident memory, catalog loaded', 'rssMiBWithCatalog', 'MiB'],
  ['get entity by name, p50', 'getEntityByNameP50Ms', 'ms'],
  ['get entity by name, p95', 'getEntityByNameP95Ms', 'ms'],
  ['paged filtered list, p50', 'pagedFilteredListP50Ms', 'ms'],
  ['paged filtered list, p95', 'pagedFilteredListP95Ms', 'ms'],
];
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
console.log(
  `catalog bench: ${componentCount} components, SQLite, ${requests} requests x ${concurrency} concurrent (${machine})`,
);
console.log(`  ${'measure'.padEnd(36)}${'portal'.padStart(12)}${'stock'.padStart(12)}${'portal/stock'.padStart(14)}`);
for (const [label, key, unit] of rows) {
  console.log(
    `  ${label.padEnd(36)}${`${portal[key].toFixed(1)} ${unit}`.padStart(12)}${`${stock[key].toFixed(1)} ${unit}`.padStart(12)}${(portal[key] / stock[key]).toFixed(2).padStart(14)}`,
  );
}
const file = writeResult('catalog', {
  date: new Date().toISOString(),
  machine,
  componentCount,
  requests,
  concurrency,
  portal,
  stock,
});
console.log(`  written to ${file}`);
