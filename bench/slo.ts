// SLO burn at scale: N services (default 1,000) × 2 SLOs measured against a real Prometheus
// (Debian's, loaded with generated counters through promtool). Prints refresh time, PromQL
// requests per refresh (constant in the number of services: one batched query per window
// and selector shape) and the overview API's p50/p95. Stock Backstage has no SLO plugin,
// so there is no ratio.
//
//   bash bench/run.sh slo [services]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  generateRequestCounters,
  startPrometheusWith,
} from '../packages/prometheus-test-utils/src';

async function main() {
  const lib = await import('./lib.mjs');
  const serviceCount = Number(process.argv[2] ?? 1000);
  const port = 7109;
  const step = 600;
  const end = Math.floor(Date.now() / 1000 / step) * step;
  const services = Array.from({ length: serviceCount }, (_, i) => `slo-bench-${i}`);

  const t0 = performance.now();
  const prometheus = await startPrometheusWith(
    generateRequestCounters(
      services.map((service, i) => ({
        service,
        // Every 10th service burns fast over the last hour, so alerts are computed for real.
        requests: (t: number) => ({ total: 600, failed: i % 10 === 0 && t > end - 3600 ? 12 : 0.3 }),
      })),
      { start: end - 8 * 86_400, end, step },
    ),
  );
  const prometheusSetupS = (performance.now() - t0) / 1000;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-bench-'));
  const catalogFile = path.join(dir, 'catalog.yaml');
  const teams = Array.from({ length: 20 }, (_, i) => `slo-bench-team-${i}`);
  fs.writeFileSync(
    catalogFile,
    [
      ...teams.map(team => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: team },
        spec: { type: 'team', children: [] },
      })),
      ...services.map((service, i) => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: service,
          annotations: {
            'slo.devportal.io/availability.target': '99.9%',
            'slo.devportal.io/availability.bad': `http_requests_total{service="${service}",code="500"}`,
            'slo.devportal.io/availability.total': `http_requests_total{service="${service}"}`,
            'slo.devportal.io/weekly.target': '99.5%',
            'slo.devportal.io/weekly.window': '7d',
            'slo.devportal.io/weekly.good': `http_requests_total{service="${service}",code="200"}`,
            'slo.devportal.io/weekly.total': `http_requests_total{service="${service}"}`,
          },
        },
        spec: { type: 'service', lifecycle: 'production', owner: teams[i % teams.length] },
      })),
    ]
      .map(doc => stringify(doc))
      .join('---\n'),
  );

  const backend = await lib.startBackend({
    port,
    extraConfig: [
      'catalog:',
      '  locations:',
      `    - { type: file, target: ${catalogFile} }`,
      'slo:',
      '  demo: { enabled: false }',
      '  prometheus:',
      `    bench: { baseUrl: "${prometheus.url}", timeout: { seconds: 60 } }`,
      '  refresh:',
      '    frequency: { seconds: 30 }',
      '    timeout: { minutes: 5 }',
      '',
    ].join('\n'),
  });
  try {
    const expected = serviceCount * 2;
    const refreshes: Array<{ measured: number; requests: number; ms: number }> = [];
    const deadline = Date.now() + 900_000;
    while (refreshes.length < 3) {
      if (Date.now() > deadline) throw new Error(`refreshes seen: ${JSON.stringify(refreshes)}`);
      await new Promise(r => setTimeout(r, 2000));
      // "…, 0 failed, 2 deploy freezes started and 0 ended, in 812 ms" (freezes since the error-budget policy).
      const pattern = /SLO refresh: (\d+)\/(\d+) measured with (\d+) PromQL requests, (\d+) failed, (?:[^,\n]*, )?in (\d+) ms/g;
      refreshes.splice(0);
      for (const m of backend.log().matchAll(pattern)) {
        if (Number(m[2]) === expected) refreshes.push({ measured: Number(m[1]), requests: Number(m[3]), ms: Number(m[5]) });
      }
    }

    const token = await lib.guestToken(backend.baseUrl);
    const overview = await lib.timeRequests({
      count: 200,
      concurrency: 8,
      token,
      urlFor: () => `${backend.baseUrl}/api/slo/slos`,
      check: (body: { items: unknown[] }) => body.items.length === expected,
    });
    const entity = await lib.timeRequests({
      count: 200,
      concurrency: 8,
      token,
      urlFor: (i: number) => `${backend.baseUrl}/api/slo/slos?entityRef=component:default/${services[i % serviceCount]}`,
      check: (body: { items: Array<{ series: unknown }> }) => body.items.length === 2 && !!body.items[0].series,
    });
    const result = {
      services: serviceCount,
      slos: expected,
      prometheusSetupS: Number(prometheusSetupS.toFixed(1)),
      refreshMs: refreshes.map(r => r.ms),
      measured: refreshes.map(r => r.measured),
      promqlRequestsPerRefresh: refreshes.map(r => r.requests),
      overviewP50Ms: Math.round(lib.percentile(overview, 50)),
      overviewP95Ms: Math.round(lib.percentile(overview, 95)),
      entityWithSeriesP50Ms: Math.round(lib.percentile(entity, 50)),
      entityWithSeriesP95Ms: Math.round(lib.percentile(entity, 95)),
    };
    console.log(`SLO bench: ${serviceCount} services × 2 SLOs against a real Prometheus`);
    console.log(`  refresh:            ${result.refreshMs.join(' / ')} ms (${result.measured.join(' / ')} of ${expected} measured)`);
    console.log(`  PromQL requests:    ${result.promqlRequestsPerRefresh.join(' / ')} per refresh`);
    console.log(`  GET /slos (all):    p50 ${result.overviewP50Ms} ms, p95 ${result.overviewP95Ms} ms`);
    console.log(`  GET /slos (entity): p50 ${result.entityWithSeriesP50Ms} ms, p95 ${result.entityWithSeriesP95Ms} ms (with series)`);
    console.log(`  written to ${lib.writeResult('slo', result)}`);
  } finally {
    await backend.stop();
    await prometheus.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
