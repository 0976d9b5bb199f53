// The error-budget policy at scale: N services (default 5,000) × 2 SLOs stored on SQLite,
// every 20th burning above the freeze threshold. Prints the time to apply the policy to one
// refresh's measurements (in its transaction), and p50/p95 of the deploy gate
// (GET /api/slo/gate/:namespace/:name, a service token) and of GET /api/slo/freezes.
//
//   bash bench/run.sh errorbudget [services]
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  computeSloStatus,
  DEFAULT_FREEZE_POLICY,
  SLO_REPORTING_WINDOWS,
  SloDefinition,
} from '@internal/plugin-slo-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { SloStatusStore } from '../plugins/slo-backend/src/database/SloStatusStore';
import { updateFreezes } from '../plugins/slo-backend/src/freeze/updateFreezes';
import { sloPlugin } from '../plugins/slo-backend/src/plugin';

const statusAt = (burn: number) =>
  computeSloStatus({
    target: 0.999,
    window: '30d',
    measured: {
      byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, burn * 0.001])) as any,
      wholeWindow: 0.0005,
    },
  });

async function main() {
  const lib = await import('./lib.mjs');
  const serviceCount = Number(process.argv[2] ?? 5000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errorbudget-bench-'));
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'slo.sqlite') }, useNullAsDefault: true });
  const store = await SloStatusStore.create(mockServices.database({ knex }));

  const now = new Date();
  const measurements = Array.from({ length: serviceCount }, (_, i) => i).flatMap(i =>
    ['availability', 'latency'].map(name => {
      const slo: SloDefinition = {
        entityRef: `component:default/gate-bench-${i}`,
        name,
        displayName: name,
        target: 0.999,
        window: '30d',
        prometheus: 'default',
        indicator: { bad: 'bad_total', total: 'total' },
      };
      return { slo, status: statusAt(i % 20 === 0 && name === 'availability' ? 8 : 0.5) };
    }),
  );
  await store.inTransaction(async tx => {
    for (const m of measurements) await tx.saveStatus(m.slo, m.status, now);
  });
  const t0 = performance.now();
  const transitions = await store.inTransaction(tx =>
    updateFreezes({ freezes: tx.freezes(), policy: DEFAULT_FREEZE_POLICY, measurements, now }),
  );
  const policyUpdateMs = Math.round(performance.now() - t0);

  const { server } = await startTestBackend({
    features: [
      sloPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({ data: { slo: { prometheus: { default: { baseUrl: 'http://127.0.0.1:9' } } } } }),
    ],
  });
  const baseUrl = `http://localhost:${server.port()}/api/slo`;
  const token = mockCredentials.service.token();
  const gate = await lib.timeRequests({
    count: 2000,
    concurrency: 8,
    token,
    urlFor: (i: number) => `${baseUrl}/gate/default/gate-bench-${(i * 7) % serviceCount}`,
    // Every 20th service burns 8× on one SLO: frozen; the others are allowed.
    check: (body: { decision: string; entityRef: string }) =>
      body.decision === (Number(body.entityRef.split('-').pop()) % 20 === 0 ? 'frozen' : 'allowed'),
  });
  const freezes = await lib.timeRequests({
    count: 40,
    concurrency: 2,
    token,
    urlFor: () => `${baseUrl}/freezes`,
    check: (body: { items: unknown[] }) => body.items.length === serviceCount,
  });
  const result = {
    services: serviceCount,
    slos: measurements.length,
    frozen: transitions.started,
    policyUpdateMs,
    gateP50Ms: Number(lib.percentile(gate, 50).toFixed(1)),
    gateP95Ms: Number(lib.percentile(gate, 95).toFixed(1)),
    freezesP50Ms: Math.round(lib.percentile(freezes, 50)),
    freezesP95Ms: Math.round(lib.percentile(freezes, 95)),
  };
  console.log(`error-budget policy at ${serviceCount} services (${measurements.length} SLOs, ${result.frozen} frozen), SQLite:`);
  console.log(`  policy applied to one refresh: ${policyUpdateMs} ms`);
  console.log(`  GET /gate/:namespace/:name  p50 ${result.gateP50Ms} ms, p95 ${result.gateP95Ms} ms (2,000 requests, 8 in flight)`);
  console.log(`  GET /freezes (all services) p50 ${result.freezesP50Ms} ms, p95 ${result.freezesP95Ms} ms`);
  console.log(`  written to ${lib.writeResult('errorbudget', result)}`);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
