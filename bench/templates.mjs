// Golden-path templates: time from submitting the form (POST /api/scaffolder/v2/tasks) to
// the new component being in the catalog, with the local publisher, for each template.
// Prints p50/p95 per template over N runs (default 5). There is no stock-Backstage
// equivalent (create-app ships no golden path), so no ratio is printed.
//
//   node bench/templates.mjs [runsPerTemplate]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guestToken, percentile, startBackend, writeResult } from './lib.mjs';

const runsPerTemplate = Number(process.argv[2] ?? 5);
const port = 7108;
const repositories = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-repos-'));
const backend = await startBackend({
  port,
  extraConfig: `goldenPath:\n  localPublisher:\n    directory: ${repositories}\n`,
});
const token = await guestToken(backend.baseUrl);
const api = (p, init = {}) =>
  fetch(`${backend.baseUrl}${p}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });

// Wait until the templates and the example organisation are in the catalog.
for (const ref of ['template:default/http-service', 'template:default/worker', 'template:default/terraform-module', 'system:default/commerce-core']) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  for (let i = 0; ; i++) {
    if ((await api(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`)).ok) break;
    if (i > 300) throw new Error(`${ref} never appeared in the catalog`);
    await new Promise(r => setTimeout(r, 500));
  }
}

const common = {
  description: 'Created by the template benchmark',
  owner: 'group:default/checkout',
  system: 'system:default/commerce-core',
  onCall: 'pagerduty:checkout-primary',
  costCenter: 'CC-1042',
  publishTo: 'local',
};
const templates = {
  'http-service': { language: 'typescript', tier: 'tier-2', sloTarget: 99.9, environments: ['dev', 'staging', 'prod'], database: true },
  worker: { language: 'go', tier: 'tier-3', sloTarget: 99, environments: ['dev', 'prod'], schedule: '0 2 * * *' },
  'terraform-module': {},
};

const results = {};
for (const [template, values] of Object.entries(templates)) {
  const durations = [];
  for (let i = 0; i < runsPerTemplate; i++) {
    const name = `bench-${template.split('-')[0]}-${i}-${Date.now().toString(36)}`;
    const started = performance.now();
    const created = await api('/api/scaffolder/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({ templateRef: `template:default/${template}`, values: { ...common, ...values, name } }),
    });
    if (created.status !== 201) throw new Error(`${template}: ${created.status} ${await created.text()}`);
    const { id } = await created.json();
    for (;;) {
      const { status } = await (await api(`/api/scaffolder/v2/tasks/${id}`)).json();
      if (status === 'completed') break;
      if (status === 'failed' || status === 'cancelled') throw new Error(`${template} task ${id} ${status}`);
      await new Promise(r => setTimeout(r, 50));
    }
    // The last step waits for the catalog, so the entity is there now; check anyway.
    if (!(await api(`/api/catalog/entities/by-name/component/default/${name}`)).ok) {
      throw new Error(`${name} is not in the catalog after its task completed`);
    }
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  results[template] = { runs: runsPerTemplate, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95) };
}
await backend.stop();
fs.rmSync(repositories, { recursive: true, force: true });

console.log(`template bench: submission to entity in the catalog, local publisher, ${runsPerTemplate} runs each`);
for (const [template, r] of Object.entries(results)) {
  console.log(`  ${template.padEnd(18)} p50 ${(r.p50Ms / 1000).toFixed(2)} s   p95 ${(r.p95Ms / 1000).toFixed(2)} s`);
}
console.log(`  written to ${writeResult('templates', { date: new Date().toISOString(), results })}`);
