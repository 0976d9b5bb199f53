// The weekly review API at scale, in-process: the real review service and router, reading
// the contract fakes of the DORA, Falco, scorecards, SLO and cost plugins (plugins/
// platform-review-backend/src/__testUtils__/fakePluginApis.ts) over HTTP, with N services
// (default 5,000) in 20 teams, one deploy per service per week over 12 weeks. Prints p50/p95
// of an uncached week (every source read and the week computed) and of a cached one.
// Run through bench/platform-review.mjs.
import { mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_PLATFORM_TARGETS, isoWeekOf, weekBounds, weeksEndingWith } from '@internal/plugin-platform-review-common';
import express from 'express';
import { AddressInfo } from 'node:net';
import { FakeHistories, startFakePluginApis } from '../plugins/platform-review-backend/src/__testUtils__/fakePluginApis';
import { WeeklyReviewService } from '../plugins/platform-review-backend/src/review/WeeklyReviewService';
import { createRouter } from '../plugins/platform-review-backend/src/service/router';
import { ServiceTokenPluginApi } from '../plugins/platform-review-backend/src/sources/PluginApi';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  const serviceCount = Number(process.argv[2] ?? 5000);
  const zone = 'Europe/Berlin';
  const now = new Date();
  const current = isoWeekOf(now, zone);
  // 12 weeks of history for the current week and the 11 before it.
  const weeks = weeksEndingWith(current, 23, zone);
  const services = Array.from({ length: serviceCount }, (_, i) => ({
    entityRef: `component:default/review-bench-${i}`,
    ownerRef: `group:default/review-bench-team-${i % 20}`,
  }));
  const histories: FakeHistories = { deployments: [], falcoAlerts: [] };
  weeks.forEach((week, w) => {
    const { start } = weekBounds(week, zone);
    services.forEach((s, i) => {
      const at = new Date(start.getTime() + ((i * 7919 + w * 104_729) % (7 * 86_400)) * 1000);
      if (at > now) return;
      histories.deployments!.push({ ...s, finishedAt: at.toISOString(), outcome: i % 17 === 0 ? 'failure' : 'success', leadTimesSeconds: [300 + (i % 50) * 60] });
      if (i % 100 === w % 100) histories.falcoAlerts!.push({ entityRef: s.entityRef, time: at.toISOString(), priority: 'critical' });
    });
  });
  histories.scorecards = {
    demo: false,
    levels: ['bronze', 'silver', 'gold'],
    scorecards: [{ id: 'production-readiness', title: 'Production readiness' }],
    teams: [],
    trend: weeks.map(week => ({
      evaluatedAt: new Date(Math.min(weekBounds(week, zone).start.getTime() + 86_400_000, now.getTime() - 1000)).toISOString(),
      scorecardId: 'production-readiness',
      levelCounts: { bronze: serviceCount / 4, silver: serviceCount / 2, gold: serviceCount / 4 },
    })),
  };
  // Daily spend per team and orders counted by one service per team, over the same weeks.
  const teamRefs = Array.from({ length: 20 }, (_, t) => `group:default/review-bench-team-${t}`);
  histories.unitCost = { unit: 'orders', services: services.slice(0, 20).map(s => s.entityRef), days: [] };
  for (let day = weekBounds(weeks[0], zone).start; day < now; day = new Date(day.getTime() + 86_400_000)) {
    const teams = Object.fromEntries(teamRefs.map((ref, t) => [ref, (serviceCount / 20) * (1 + (t % 5) / 10)]));
    const costUsd = Object.values(teams).reduce((sum, usd) => sum + usd, 0);
    histories.unitCost.days.push({ day: day.toISOString().slice(0, 10), units: serviceCount * 500, costUsd, teams });
  }
  const fake = await startFakePluginApis(histories);
  const owners = new Map(services.map(s => [s.entityRef, s.ownerRef]));
  const serve = (cacheSeconds: number) => {
    const reviews = new WeeklyReviewService({
      settings: { timeZone: zone, cacheSeconds, freezeMinimumMinutes: 60, targets: DEFAULT_PLATFORM_TARGETS },
      api: new ServiceTokenPluginApi({ discovery: fake.discovery, auth: mockServices.auth(), timeoutMs: 60_000 }),
      owners: async () => owners,
    });
    const server = express().use(createRouter({ reviews })).listen(0);
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  };
  const time = async (url: string, paths: string[]) => {
    const ms: number[] = [];
    for (const p of paths) {
      const t0 = performance.now();
      const res = await fetch(`${url}${p}`);
      const body = await res.json();
      if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b);
  };
  const lastWeeks = weeks.slice(-12);
  const uncached = serve(0);
  const cold = await time(uncached.url, [...lastWeeks, ...lastWeeks].map(w => `/weeks/${w}`));
  uncached.server.close();
  const cachedServer = serve(300);
  await time(cachedServer.url, lastWeeks.map(w => `/weeks/${w}`));
  const warm = await time(cachedServer.url, Array.from({ length: 240 }, (_, i) => `/weeks/${lastWeeks[i % 12]}`));
  cachedServer.server.close();
  await fake.close();
  const result = {
    services: serviceCount,
    teams: 20,
    deploymentsStored: histories.deployments!.length,
    falcoAlertsStored: histories.falcoAlerts!.length,
    uncached: { requests: cold.length, p50Ms: Math.round(percentile(cold, 50)), p95Ms: Math.round(percentile(cold, 95)) },
    cached: { requests: warm.length, p50Ms: Math.round(percentile(warm, 50) * 10) / 10, p95Ms: Math.round(percentile(warm, 95) * 10) / 10 },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
