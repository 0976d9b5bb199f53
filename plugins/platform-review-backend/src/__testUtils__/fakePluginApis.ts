import http from 'node:http';
import { AddressInfo } from 'node:net';

/** What the fake DORA, Falco, scorecards, SLO and cost plugins store. */
export interface FakeHistories {
  deployments?: Array<{ entityRef: string; ownerRef: string | null; finishedAt: string; outcome: 'success' | 'failure'; leadTimesSeconds: number[] }>;
  falcoAlerts?: Array<{ entityRef: string | null; time: string; priority: string }>;
  /** What `/api/falco/alerts` says about where its stored events begin (absent: it does not say). */
  falcoStoredSince?: string | null;
  scorecards?: unknown;
  /** Undefined: the endpoint is not installed (404), as before the error-budget work merges. */
  freezes?: unknown;
  /** Emergency overrides of the deploy gate; undefined: `/api/slo/overrides` is not installed (404). */
  gateOverrides?: Array<{ entityRef: string; reason: string; actor: string | null; recordedBy: string; createdAt: string }>;
  anomalies?: unknown;
  /** Stored days of spend and of the unit's counts, as the cost plugin sums them. */
  unitCost?: {
    unit: string;
    services: string[];
    days: Array<{ day: string; units: number; costUsd: number; teams: Record<string, number> }>;
  };
}

/**
 * One HTTP server answering as the other plugins do under `/api/<pluginId>`, in their
 * documented formats (and filters), so the review is tested through its real client.
 */
export async function startFakePluginApis(histories: FakeHistories) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!req.headers.authorization?.startsWith('Bearer ')) return json(401, { error: { name: 'AuthenticationError', message: 'no token' } });
    const q = url.searchParams;
    switch (url.pathname) {
      case '/api/dora/deployments': {
        if (!histories.deployments) break;
        const since = Date.parse(q.get('since')!);
        const until = Date.parse(q.get('until')!);
        const items = histories.deployments.filter(d => Date.parse(d.finishedAt) > since && Date.parse(d.finishedAt) <= until);
        return json(200, { demo: false, asOf: '2026-11-04T00:00:00.000Z', lastError: null, items });
      }
      case '/api/falco/alerts': {
        if (!histories.falcoAlerts) break;
        const priorities = q.get('priority')!.split(',');
        const since = Date.parse(q.get('since')!);
        const until = Date.parse(q.get('until')!);
        const matching = histories.falcoAlerts.filter(
          a => priorities.includes(a.priority) && Date.parse(a.time) >= since && Date.parse(a.time) < until,
        );
        const offset = Number(q.get('offset'));
        const limit = Number(q.get('limit'));
        return json(200, {
          demo: true,
          totalCount: matching.length,
          items: matching.slice(offset, offset + limit),
          rules: [],
          ...(histories.falcoStoredSince !== undefined ? { storedSince: histories.falcoStoredSince } : {}),
        });
      }
      case '/api/scorecards/teams':
        if (!histories.scorecards) break;
        return json(200, histories.scorecards);
      case '/api/slo/freezes':
        if (!histories.freezes) break;
        return json(200, histories.freezes);
      case '/api/slo/overrides': {
        if (!histories.gateOverrides) break;
        const from = Date.parse(q.get('from')!);
        const to = Date.parse(q.get('to')!);
        const items = histories.gateOverrides
          .filter(o => Date.parse(o.createdAt) >= from && Date.parse(o.createdAt) < to)
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
        return json(200, { items, from: q.get('from'), to: q.get('to') });
      }
      case '/api/cost/unit-cost': {
        if (!histories.unitCost) break;
        const { unit, services, days } = histories.unitCost;
        const from = q.get('from')!;
        const to = q.get('to')!;
        const counted = q.get('unit') === unit ? days.filter(d => d.day >= from && d.day <= to) : [];
        const units = counted.reduce((sum, d) => sum + d.units, 0);
        const costUsd = counted.reduce((sum, d) => sum + d.costUsd, 0);
        const teams = new Map<string, number>();
        for (const d of counted) for (const [teamRef, usd] of Object.entries(d.teams)) teams.set(teamRef, (teams.get(teamRef) ?? 0) + usd);
        const perThousand = (usd: number) => (units > 0 ? (usd / units) * 1000 : null);
        return json(200, {
          demo: false,
          asOf: null,
          sources: [],
          unit: q.get('unit'),
          from,
          to,
          services: q.get('unit') === unit ? services : [],
          countedDays: counted.map(d => d.day),
          missingDays: [],
          units,
          costUsd,
          costPerThousandUsd: perThousand(costUsd),
          teams: [...teams.entries()].map(([teamRef, usd]) => ({ teamRef, costUsd: usd, costPerThousandUsd: perThousand(usd) })),
        });
      }
      case '/api/cost/anomalies':
        if (!histories.anomalies) break;
        return json(200, histories.anomalies);
      default:
    }
    return json(404, { error: { name: 'NotFoundError', message: `no route ${url.pathname}` } });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    discovery: {
      getBaseUrl: async (pluginId: string) => `${baseUrl}/api/${pluginId}`,
      getExternalBaseUrl: async (pluginId: string) => `${baseUrl}/api/${pluginId}`,
    },
    requests,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
