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
      freezeMinimumMinutes: 60,
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
    // Every week, and every team's week, is rated on its own.
    expect(deploys.history.slice(-3)).toEqual([
      { isoWeek: '2026-W42', value: 0, rating: 'red' },
      { isoWeek: '2026-W43', value: 1 / 7, rating: 'red' },
      { isoWeek: '2026-W44', value: 3 / 7, rating: 'red' },
    ]);
    expect(deploys.teams.map(t => [t.teamRef, t.value, t.rating])).toEqual([
      ['group:default/checkout', 1 / 7, null],
      ['group:default/payments', 2 / 7, null],
    ]);
    // The team's 12 weeks: checkout's cart deployed on Sunday of W43 and Monday of W44.
    expect(deploys.teams[0].history.map(p => p.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 / 7, 1 / 7]);
    expect(deploys.changes).toEqual([{ entityRef: payments, delta: 2 / 7, description: '2 deploys, 2 more than last week' }]);

    // Lead times this week: 5, 15, 20, 1 minutes → median 10 (target 10: green), p90 20 (target 15: red).
    const median = byId(review, 'leadTimeMedianMinutes');
    expect(median.value).toBe(10);
    expect(median.rating).toBe('green');
    expect(valueOf(median, '2026-W43')).toBe(10);
    expect(median.teams.map(t => [t.teamRef, t.value, t.rating])).toEqual([
      ['group:default/checkout', 10, 'green'],
      ['group:default/payments', 10.5, 'amber'],
    ]);
    // No deploys in W42: no lead time, drawn as a gap and listed as no data, not 0 and On target.
    expect(median.history.find(p => p.isoWeek === '2026-W42')).toEqual({ isoWeek: '2026-W42', value: null, rating: 'unknown' });
    // checkout's W43 (cart: 10 min, green) and W44 (5 and 15 min: 10 min).
    expect(median.teams[0].history.slice(-2)).toEqual([
      { isoWeek: '2026-W43', value: 10, rating: 'green' },
      { isoWeek: '2026-W44', value: 10, rating: 'green' },
    ]);
    // Cart's median stayed at 10 min; payments had no deploys in W43, so nothing to compare.
    expect(median.changes).toEqual([]);
    const p90 = byId(review, 'leadTimeP90Minutes');
    // Cart's p90 went from 10 to 15 min. Changes carry the figures; the page writes them
    // with the portal's duration formatter.
    expect(p90.changes).toEqual([{ entityRef: cart, delta: 5, description: '', values: { thisWeek: 15, lastWeek: 10 } }]);
    expect(p90.value).toBe(20);
    expect(p90.rating).toBe('red');

    const falco = byId(review, 'falcoCriticalPerWeek');
    expect(falco.value).toBe(3); // the warning does not count
    expect(valueOf(falco, '2026-W43')).toBe(1);
    expect(falco.rating).toBe('green');
    expect(falco.teams.map(t => [t.teamRef, t.value, t.history.slice(-2).map(p => p.value)])).toEqual([
      ['group:default/checkout', 1, [0, 1]],
      ['group:default/payments', 2, [1, 2]],
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
    // W43: $60 of 1,750,000 orders a day for checkout.
    expect(Number(cost.teams[0].history.find(p => p.isoWeek === '2026-W43')!.value!.toFixed(6))).toBe(0.24);
    expect(cost.teams[0].history.find(p => p.isoWeek === '2026-W42')!.value).toBeNull();
  });

  it('lists Falco weeks before its events were stored as no data, not zero', async () => {
    // Berlin's W43 began on 2026-10-18T22:00Z, before the first stored event's day: no data.
    const started = await start({ ...histories, falcoStoredSince: '2026-10-19T00:00:00.000Z' });
    fake = started.fake;
    const review = (await request(started.app).get('/weeks/2026-W44')).body as WeeklyReview;
    const falco = byId(review, 'falcoCriticalPerWeek');
    expect(falco.history.slice(-3)).toEqual([
      { isoWeek: '2026-W42', value: null, rating: 'unknown' },
      { isoWeek: '2026-W43', value: null, rating: 'unknown' },
      { isoWeek: '2026-W44', value: 3, rating: 'green' },
    ]);
    expect(falco.noDataReason).toBe('weeks before 2026-10-19, from when Falco events are stored (the first received, or the retention limit)');
    // The team's weeks follow: last week is no data, not 0.
    expect(falco.teams.find(t => t.teamRef === 'group:default/payments')!.history.slice(-2)).toEqual([
      { isoWeek: '2026-W43', value: null, rating: null },
      { isoWeek: '2026-W44', value: 2, rating: null },
    ]);
    expect(falco.changes.map(c => c.description)).toEqual(['2 alerts; no data for last week', '1 alerts; no data for last week']);
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

  const slo = (sloName: string, frozen: boolean, since: string | null = null) => ({ sloName, frozen, since });
  const freezeHistory: FakeHistories['freezes'] = {
    demo: false,
    // The SLO plugin began recording on Monday 2026-10-12 (W42) at 10:00 in Berlin.
    recordedSince: '2026-10-12T08:00:00.000Z',
    items: [
      { entityRef: payments, frozen: false, since: null, slos: [slo('availability', false)] },
      { entityRef: cart, frozen: true, since: '2026-10-31T10:00:00Z', slos: [slo('latency', true, '2026-10-31T10:00:00Z'), slo('availability', false)] },
      { entityRef: checkout, frozen: false, since: null, slos: [slo('availability', false)] },
    ],
    transitions: [
      { entityRef: payments, sloName: 'availability', kind: 'started', at: '2026-10-20T10:00:00Z', reason: 'burn 7×' },
      { entityRef: payments, sloName: 'availability', kind: 'ended', at: '2026-10-27T10:00:00Z', reason: null },
      // A five-minute flap: not counted.
      { entityRef: checkout, sloName: 'availability', kind: 'started', at: '2026-10-28T10:00:00Z', reason: 'burn 6.1×' },
      { entityRef: checkout, sloName: 'availability', kind: 'ended', at: '2026-10-28T10:05:00Z', reason: null },
      // Cart's availability freezes for 30 min inside its latency freeze: still one freeze.
      { entityRef: cart, sloName: 'latency', kind: 'started', at: '2026-10-31T10:00:00Z', reason: 'budget exhausted' },
      { entityRef: cart, sloName: 'availability', kind: 'started', at: '2026-11-01T10:00:00Z', reason: 'burn 8×' },
      { entityRef: cart, sloName: 'availability', kind: 'ended', at: '2026-11-01T10:30:00Z', reason: null },
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
      { entityRef: checkout, delta: null, description: '1 shorter freeze (flaps) this week, not counted' },
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
    // Before the SLO plugin recorded freezes: no data, not 0 and On target.
    expect(freezes.history.find(p => p.isoWeek === '2026-W41')).toEqual({ isoWeek: '2026-W41', value: null, rating: 'unknown' });
    expect(freezes.noDataReason).toBe('weeks before the SLO plugin recorded freezes');
    expect(freezes.history.slice(-3)).toEqual([
      { isoWeek: '2026-W42', value: 0, rating: 'green' },
      { isoWeek: '2026-W43', value: 1, rating: 'red' }, // payments from Tuesday
      { isoWeek: '2026-W44', value: 2, rating: 'red' }, // payments until Tuesday, cart from Saturday; not checkout's flap
    ]);
    expect(freezes.teams.map(t => [t.teamRef, t.value, t.history.slice(-3).map(p => p.value)])).toEqual([
      ['group:default/checkout', 1, [0, 0, 1]],
      ['group:default/payments', 1, [0, 1, 1]],
    ]);
    expect(review.freezeMinimumMinutes).toBe(60);
    // No /overrides here (404): the freeze changes alone.
    expect(freezes.changes.map(c => c.description)).toEqual([
      'freeze ended 2026-10-27 10:00 UTC',
      'freeze started 2026-10-31 10:00 UTC',
      '1 shorter freeze (flaps) this week, not counted',
    ]);
  });

  it('serves the current week, exports all 12 weeks as CSV, and computes each week once', async () => {
    const started = await start(histories);
    fake = started.fake;
    const current = await request(started.app).get('/weeks/current');
    expect(current.body).toMatchObject({ isoWeek: '2026-W45', partial: true });
    // Wednesday: three days begun, and one deploy (Monday 00:00 CET).
    expect(byId(current.body, 'deploysPerDay').value).toBeCloseTo(1 / 3, 12);

    await request(started.app).get('/weeks/2026-W44');
    const calls = started.fake.requests.length;
    const csv = await request(started.app).get('/weeks/2026-W44.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="platform-review-2026-W44.csv"');
    const rows = csv.text.trim().split('\r\n').map(line => line.split(','));
    // Every indicator has its 12 weeks overall, W33 to W44.
    for (const id of ['deploysPerDay', 'leadTimeMedianMinutes', 'leadTimeP90Minutes', 'servicesFrozen', 'costPerThousandUnits', 'falcoCriticalPerWeek', 'scorecardSilverShare']) {
      const weeks = rows.filter(r => r[1] === id && r[2] === 'all').map(r => r[0]);
      expect(weeks).toHaveLength(12);
      expect([weeks[0], weeks[11]]).toEqual(['2026-W33', '2026-W44']);
    }
    // And per team, a week without deploys saying so.
    expect(rows.filter(r => r[1] === 'leadTimeMedianMinutes' && r[2] === 'group:default/payments')).toHaveLength(12);
    expect(csv.text.split('\r\n')).toContain('2026-W44,leadTimeMedianMinutes,group:default/payments,10.5,min,10,lowerIsBetter,amber,');
    expect(csv.text.split('\r\n')).toContain('2026-W42,leadTimeMedianMinutes,group:default/payments,,min,10,lowerIsBetter,no data,');
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
