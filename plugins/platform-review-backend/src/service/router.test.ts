import { mockErrorHandler, mockServices } from '@backstage/backend-test-utils';
import { DEFAULT_PLATFORM_TARGETS, IndicatorReport, WeeklyReview } from '@internal/plugin-platform-review-common';
import express from 'express';
import request from 'supertest';
import { FakeHistories, startFakePluginApis } from '../__testUtils__/fakePluginApis';
import { WeeklyReviewService } from '../review/WeeklyReviewService';
import { ServiceTokenPluginApi } from '../sources/PluginApi';
import { createRouter } from './router';

// Europe/Berlin leaves summer time on Sunday 2026-10-25. Week 2026-W44 runs from Monday
// 2026-10-26 00:00 CET (2026-10-25T23:00Z) to 2026-11-02 00:00 CET (2026-11-01T23:00Z);
// W43 began on 2026-10-19 00:00 CEST (2026-10-18T22:00Z), so it lasted 169 hours.
const NOW = new Date('2026-11-04T12:00:00Z'); // Wednesday of W45

const cart = 'component:default/cart-service';
const checkout = 'component:default/checkout-service';
const payments = 'component:default/payments-service';
const owners = new Map([
  [cart, 'group:default/checkout'],
  [checkout, 'group:default/checkout'],
  [payments, 'group:default/payments'],
]);

/** Cost per day, with orders; the cost plugin has not stored Thursday 2026-10-29. */
function unitCostDays() {
  const days: NonNullable<FakeHistories['unitCost']>['days'] = [];
  for (let date = new Date('2026-10-19T00:00:00Z'); date <= new Date('2026-11-04T00:00:00Z'); date.setUTCDate(date.getUTCDate() + 1)) {
    const day = date.toISOString().slice(0, 10);
    if (day === '2026-10-29') continue;
    // W43 (19 to 25 October): $100 a day; from W44 on: $110 a day. 250,000 orders a day.
    const costUsd = day < '2026-10-26' ? 100 : 110;
    days.push({ day, units: 250_000, costUsd, teams: { 'group:default/checkout': 60, 'group:default/payments': 30 } });
  }
  return days;
}

const histories: FakeHistories = {
  unitCost: {
    unit: 'orders',
    services: [checkout],
    days: unitCostDays(),
  },
  deployments: [
    // Sunday 23:30 CET: still W43 in Berlin (and in UTC).
    { entityRef: cart, ownerRef: 'group:default/checkout', finishedAt: '2026-10-25T22:30:00Z', outcome: 'success', leadTimesSeconds: [600] },
    // Monday 00:30 CET: W44 in Berlin, though still Sunday (W43) in UTC.
    { entityRef: cart, ownerRef: 'group:default/checkout', finishedAt: '2026-10-25T23:30:00Z', outcome: 'success', leadTimesSeconds: [300, 900] },
    { entityRef: payments, ownerRef: 'group:default/payments', finishedAt: '2026-10-28T10:00:00Z', outcome: 'success', leadTimesSeconds: [1200] },
    { entityRef: payments, ownerRef: 'group:default/payments', finishedAt: '2026-10-28T11:00:00Z', outcome: 'failure', leadTimesSeconds: [] },
    { entityRef: payments, ownerRef: 'group:default/payments', finishedAt: '2026-10-29T09:00:00Z', outcome: 'success', leadTimesSeconds: [60] },
    // Monday 2026-11-02 00:00 CET exactly: W45.
    { entityRef: payments, ownerRef: 'group:default/payments', finishedAt: '2026-11-01T23:00:00Z', outcome: 'success', leadTimesSeconds: [60] },
  ],
  falcoAlerts: [
    { entityRef: payments, time: '2026-10-20T10:00:00Z', priority: 'critical' },
    { entityRef: payments, time: '2026-10-26T10:00:00Z', priority: 'critical' },
    { entityRef: payments, time: '2026-10-27T10:00:00Z', priority: 'emergency' },
    { entityRef: checkout, time: '2026-10-27T11:00:00Z', priority: 'critical' },
    { entityRef: checkout, time: '2026-10-27T12:00:00Z', priority: 'warning' },
  ],
  scorecards: {
    demo: false,
    levels: ['bronze', 'silver', 'gold'],
    scorecards: [{ id: 'production-readiness', title: 'Production readiness' }],
    teams: [],
    trend: [
      { evaluatedAt: '2026-10-20T08:00:00Z', scorecardId: 'production-readiness', levelCounts: { none: 1, bronze: 1, silver: 1, gold: 1 } },
      { evaluatedAt: '2026-10-27T08:00:00Z', scorecardId: 'production-readiness', levelCounts: { bronze: 2, silver: 2 } },
      { evaluatedAt: '2026-10-31T08:00:00Z', scorecardId: 'production-readiness', levelCounts: { bronze: 1, silver: 2, gold: 1 } },
    ],
  },
};

async function start(h: FakeHistories) {
  const fake = await startFakePluginApis(h);
  const reviews = new WeeklyReviewService({
    settings: {
      timeZone: 'Europe/Berlin',
      cacheSeconds: 300,
      targets: { ...DEFAULT_PLATFORM_TARGETS, leadTimeP90Minutes: 15 },
    },
    api: new ServiceTokenPluginApi({ discovery: fake.discovery, auth: mockServices.auth(), timeoutMs: 5000 }),
    owners: async () => owners,
    clock: () => NOW,
  });
  const app = express().use(createRouter({ reviews })).use(mockErrorHandler());
  return { app, fake };
}

const byId = (review: WeeklyReview, id: string): IndicatorReport => review.indicators.find(i => i.id === id)!;
const valueOf = (indicator: IndicatorReport, week: string) => indicator.history.find(p => p.isoWeek === week)?.value;

describe('GET /weeks/:isoWeek', () => {
  let fake: Awaited<ReturnType<typeof startFakePluginApis>> | undefined;
  afterEach(async () => fake?.close());

  it('gives the known weekly figures and colours, with weeks on the Berlin wall clock across the DST change', async () => {
    const started = await start(histories);
    fake = started.fake;
    const res = await request(started.app).get('/weeks/2026-W44');
    expect(res.status).toBe(200);
    const review = res.body as WeeklyReview;
    expect(review).toMatchObject({
      isoWeek: '2026-W44',
      timeZone: 'Europe/Berlin',
      start: '2026-10-25T23:00:00.000Z',
      end: '2026-11-01T23:00:00.000Z',
      partial: false,
      demo: true, // the Falco fake serves demo data
    });

    const deploys = byId(review, 'deploysPerDay');
    // W44: cart at Monday 00:30 and two payments successes; the failure and the W45 deploy do not count.
    expect(deploys.value).toBeCloseTo(3 / 7, 12);
    expect(valueOf(deploys, '2026-W43')).toBeCloseTo(1 / 7, 12);
    expect(valueOf(deploys, '2026-W42')).toBe(0);
    expect(deploys.history).toHaveLength(12);
    expect(deploys.history[0].isoWeek).toBe('2026-W33');
    expect(deploys.rating).toBe('red');
    expect(deploys.teams).toEqual([
      { teamRef: 'group:default/checkout', value: 1 / 7, rating: null },
      { teamRef: 'group:default/payments', value: 2 / 7, rating: null },
    ]);
    expect(deploys.changes).toEqual([{ entityRef: payments, delta: 2 / 7, description: '2 deploys, 2 more than last week' }]);

    // Lead times this week: 5, 15, 20, 1 minutes → median 10 (target 10: green), p90 20 (target 15: red).
    const median = byId(review, 'leadTimeMedianMinutes');
    expect(median.value).toBe(10);
    expect(median.rating).toBe('green');
    expect(valueOf(median, '2026-W43')).toBe(10);
    expect(median.teams).toEqual([
      { teamRef: 'group:default/checkout', value: 10, rating: 'green' },
      { teamRef: 'group:default/payments', value: 10.5, rating: 'amber' },
    ]);
    const p90 = byId(review, 'leadTimeP90Minutes');
    expect(p90.value).toBe(20);
    expect(p90.rating).toBe('red');

    const falco = byId(review, 'falcoCriticalPerWeek');
    expect(falco.value).toBe(3); // the warning does not count
    expect(valueOf(falco, '2026-W43')).toBe(1);
    expect(falco.rating).toBe('green');
    expect(falco.teams).toEqual([
      { teamRef: 'group:default/checkout', value: 1, rating: null },
      { teamRef: 'group:default/payments', value: 2, rating: null },
    ]);
    expect(falco.changes.map(c => [c.entityRef, c.delta])).toEqual([
      [payments, 1],
      [checkout, 1],
    ]);

    // The week's last run: 3 of 4 services at silver or above, target 80%: amber.
    const scorecards = byId(review, 'scorecardSilverShare');
    expect(scorecards.value).toBe(0.75);
    expect(scorecards.rating).toBe('amber');
    expect(valueOf(scorecards, '2026-W43')).toBe(0.5);
    expect(valueOf(scorecards, '2026-W42')).toBeNull();

    // Not installed yet (404): unknown with the reason, the rest of the week still served.
    const freezes = byId(review, 'servicesFrozen');
    expect(freezes).toMatchObject({ value: null, rating: 'unknown' });
    expect(freezes.unavailableReason).toBe('the slo plugin does not serve /freezes here (404)');

    // The Berlin week's dates, Monday to Sunday. Six days stored: $660 / 1,500,000 orders.
    expect(started.fake.requests).toContain('/api/cost/unit-cost?unit=orders&from=2026-10-26&to=2026-11-01');
    const cost = byId(review, 'costPerThousandUnits');
    expect(cost.value).toBeCloseTo(0.44, 12);
    expect(cost.rating).toBe('amber'); // 0.04 over the 0.40 target, within 20% of it
    expect(valueOf(cost, '2026-W43')).toBeCloseTo(0.4, 12); // $700 / 1,750,000
    expect(valueOf(cost, '2026-W42')).toBeNull();
    expect(cost.teams.map(t => [t.teamRef, Number(t.value?.toFixed(6))])).toEqual([
      ['group:default/checkout', 0.24],
      ['group:default/payments', 0.12],
    ]);
  });

  it('says why cost per 1,000 orders is unknown when no component counts orders', async () => {
    const started = await start({ ...histories, unitCost: { unit: 'requests', services: [cart], days: unitCostDays() } });
    fake = started.fake;
    const review = (await request(started.app).get('/weeks/2026-W44')).body as WeeklyReview;
    const cost = byId(review, 'costPerThousandUnits');
    expect(cost).toMatchObject({ value: null, rating: 'unknown' });
    expect(cost.unavailableReason).toBe(
      'no component declares devportal.io/cost-unit: orders with a devportal.io/cost-unit-query, so no orders are counted; annotate the services that count orders',
    );
    // The rest of the week is still served.
    expect(byId(review, 'falcoCriticalPerWeek').value).toBe(3);
  });

  const freezeHistory: FakeHistories['freezes'] = {
    demo: false,
    items: [
      { entityRef: payments, frozen: false, since: null },
      { entityRef: cart, frozen: true, since: '2026-10-31T10:00:00Z' },
    ],
    transitions: [
      { entityRef: payments, sloName: 'availability', kind: 'started', at: '2026-10-20T10:00:00Z', reason: 'burn 7×' },
      { entityRef: payments, sloName: 'availability', kind: 'ended', at: '2026-10-27T10:00:00Z', reason: null },
      { entityRef: cart, sloName: 'latency', kind: 'started', at: '2026-10-31T10:00:00Z', reason: 'budget exhausted' },
    ],
  };

  it("lists the week's emergency overrides of the deploy gate first among the freeze changes", async () => {
    const override = (entityRef: string, createdAt: string, reason: string, actor: string | null) => ({
      entityRef,
      reason,
      actor,
      recordedBy: 'ci-deploy-gate',
      createdAt,
    });
    const started = await start({
      ...histories,
      freezes: freezeHistory,
      gateOverrides: [
        // Sunday 23:30 CET 25 October: W43 in Berlin.
        override(payments, '2026-10-25T22:30:00Z', 'Last week', 'sam.okafor'),
        override(payments, '2026-10-27T09:00:00Z', 'Rollback of the broken payments release', 'sam.okafor'),
        // Sunday 23:30 CET 1 November: still W44; no actor, so who recorded it.
        override(cart, '2026-11-01T22:30:00Z', 'Card outage fix', null),
        // Monday 00:00 CET 2 November: W45.
        override(cart, '2026-11-01T23:00:00Z', 'Next week', 'sam.okafor'),
      ],
    });
    fake = started.fake;
    const review = (await request(started.app).get('/weeks/2026-W44')).body as WeeklyReview;
    const freezes = byId(review, 'servicesFrozen');
    expect(freezes.changes).toEqual([
      { entityRef: cart, delta: null, description: 'deployed under emergency override: Card outage fix by ci-deploy-gate' },
      { entityRef: payments, delta: null, description: 'deployed under emergency override: Rollback of the broken payments release by sam.okafor' },
      { entityRef: payments, delta: -1, description: 'freeze ended 2026-10-27 10:00 UTC' },
      { entityRef: cart, delta: 1, description: 'freeze started 2026-10-31 10:00 UTC' },
    ]);
    // The overrides do not change the count.
    expect(freezes.value).toBe(2);
    expect(started.fake.requests).toContain(
      `/api/slo/overrides?from=${encodeURIComponent('2026-10-25T23:00:00.000Z')}&to=${encodeURIComponent('2026-11-01T23:00:00.000Z')}`,
    );
  });

  it('counts services frozen in each week from the SLO plugin freezes, when it serves them', async () => {
    const started = await start({
      ...histories,
      freezes: freezeHistory,
    });
    fake = started.fake;
    const review = (await request(started.app).get('/weeks/2026-W44')).body as WeeklyReview;
    const freezes = byId(review, 'servicesFrozen');
    expect(valueOf(freezes, '2026-W42')).toBe(0);
    expect(valueOf(freezes, '2026-W43')).toBe(1); // payments from Tuesday
    expect(freezes.value).toBe(2); // payments until Tuesday, cart from Saturday
    expect(freezes.rating).toBe('red');
    expect(freezes.teams).toEqual([
      { teamRef: 'group:default/checkout', value: 1, rating: null },
      { teamRef: 'group:default/payments', value: 1, rating: null },
    ]);
    // No /overrides here (404): the freeze changes alone.
    expect(freezes.changes.map(c => c.description)).toEqual(['freeze ended 2026-10-27 10:00 UTC', 'freeze started 2026-10-31 10:00 UTC']);
  });

  it('serves the current week, exports Markdown and CSV, and computes each week once', async () => {
    const started = await start(histories);
    fake = started.fake;
    const current = await request(started.app).get('/weeks/current');
    expect(current.body).toMatchObject({ isoWeek: '2026-W45', partial: true });
    // Wednesday: three days begun, and one deploy (Monday 00:00 CET).
    expect(byId(current.body, 'deploysPerDay').value).toBeCloseTo(1 / 3, 12);

    const md = await request(started.app).get('/weeks/2026-W44.md');
    expect(md.status).toBe(200);
    expect(md.headers['content-disposition']).toBe('attachment; filename="platform-review-2026-W44.md"');
    expect(md.text).toContain('# Platform review 2026-W44');
    expect(md.text).toContain('| Change lead time, p90 | 20 min | ≤ 15 min | Off target | 10 min |');
    const calls = started.fake.requests.length;

    const csv = await request(started.app).get('/weeks/2026-W44.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toContain('2026-W44,leadTimeMedianMinutes,group:default/payments,10.5,min,10,lowerIsBetter,amber,');
    expect(started.fake.requests.length).toBe(calls); // cached
  });

  it('names the parameter and form for a bad or future week', async () => {
    const started = await start(histories);
    fake = started.fake;
    const bad = await request(started.app).get('/weeks/2026-48');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('"2026-48" is not an ISO week: use YYYY-Www, e.g. 2026-W48 (path parameter isoWeek, or "current")');
    const future = await request(started.app).get('/weeks/2026-W50');
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/has not started yet in Europe\/Berlin; ask for 2026-W45 or earlier/);
  });
});
