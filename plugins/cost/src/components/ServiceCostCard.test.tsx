import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CostAnomaliesResponse,
  CostAnomalyItem,
  DEFAULT_ANOMALY_METHOD,
  emptyBreakdown,
  ServiceCostResponse,
} from '@internal/plugin-cost-common';
import { screen } from '@testing-library/react';
import { meta, windows } from '../__testUtils__/costResponses';
import { CostApi, costApiRef } from '../api/CostApi';
import { ServiceCostCard } from './ServiceCostCard';

// Rendering the card with its chart takes seconds on a loaded machine.
jest.setTimeout(30_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout' },
};

const trend = Array.from({ length: 30 }, (_, i) => ({
  day: `2026-11-${String(i + 1).padStart(2, '0')}`,
  read: true,
  totalUsd: 10,
  byCategory: { ...emptyBreakdown(), cpu: 6, ram: 4 },
}));

function response(
  overrides: Partial<ServiceCostResponse>,
): ServiceCostResponse {
  return {
    ...meta(),
    service: {
      entityRef: 'component:default/cart-service',
      allocationKey: 'cart-service',
      teamRef: 'group:default/checkout',
      monthToDateUsd: 250,
      last30DaysUsd: 300,
    },
    trend,
    byCategoryLast30Days: { ...emptyBreakdown(), cpu: 180, ram: 120 },
    efficiency: { cpu: 0.25, ram: 0.5, total: 0.35 },
    unitCost: {
      unit: 'requests',
      per: 1000,
      usd: 0.0033,
      unitsLast30Days: 24_000_000,
      countedDays: 29,
      days: 30,
    },
    ...overrides,
  };
}

function anomaliesResponse(
  anomalies: CostAnomalyItem[],
  missing: string[] = [],
): CostAnomaliesResponse {
  return {
    ...meta({ sources: [] }),
    from: '2026-11-17',
    to: '2026-11-30',
    method: DEFAULT_ANOMALY_METHOD,
    anomalies,
    missing,
  };
}

async function renderCard(
  value: ServiceCostResponse,
  anomalies: CostAnomalyItem[] = [],
  missing: string[] = [],
) {
  const api: Partial<CostApi> = {
    getService: jest.fn().mockResolvedValue(value),
    getAnomalies: jest
      .fn()
      .mockResolvedValue(anomaliesResponse(anomalies, missing)),
  };
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <ServiceCostCard />
    </EntityProvider>,
    { apis: [[costApiRef, api]] },
  );
  return api;
}

describe('ServiceCostCard', () => {
  it('shows totals, unit cost, the breakdown and efficiency, asking for its own component', async () => {
    const api = await renderCard(response({}));
    expect(
      await screen.findByText('$300', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(api.getService).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'cart-service',
    });
    expect(screen.getByText('Per 1,000 requests')).toBeInTheDocument();
    // Significant digits, as on /cost and in the weekly review: never $0.00.
    expect(screen.getByText('$0.0033')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Its own spend ÷ its requests, over the 29 of 30 days with both read',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Last 30 days: 1 Nov – 30 Nov .*All 30 days read\./),
    ).toBeInTheDocument();
    expect(screen.getByText('$180 (60%)')).toBeInTheDocument();
    expect(screen.getByText('25%')).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it('labels demo data, names what a failing source answered and counts the days shown', async () => {
    await renderCard(
      response({
        demo: true,
        windows: windows(['kubecost'], { '30d': 27 }),
        sources: [
          {
            source: 'kubecost',
            lastIngestedDay: '2026-11-27',
            lastSuccessAt: '2026-11-28T06:00:00Z',
            lastError:
              'Kubecost answered HTTP 400: error parsing window (http://kubecost:9090/model)',
            pendingDays: 3,
          },
        ],
      }),
    );
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    const notice = screen.getByRole('status');
    expect(notice).toHaveTextContent(
      'Kubecost answered HTTP 400: error parsing window (http://kubecost:9090/model).',
    );
    expect(notice).toHaveTextContent(
      'The figures include 27 of the 30 days of this window from Kubecost; 3 days of the look-back window will be asked for again on the next run.',
    );
    expect(
      screen.getByText(
        /27 of 30 days read; the figures leave the other days out/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('$300', { selector: 'p' })).toBeInTheDocument();
  });

  it('says so when no source reported the service, naming the key it is matched by', async () => {
    await renderCard(
      response({
        service: {
          ...response({}).service,
          last30DaysUsd: 0,
          monthToDateUsd: 0,
        },
      }),
    );
    expect(
      await screen.findByText(/No cost has been reported for this service/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('cart-service', { selector: 'code' }),
    ).toBeInTheDocument();
  });

  it("shows a line for the service's own recent cost anomaly", async () => {
    const api = await renderCard(response({}), [
      {
        entityRef: 'component:default/cart-service',
        kind: 'service',
        title: 'cart-service',
        teamRef: 'group:default/checkout',
        day: '2026-11-25',
        usd: 900,
        baselineUsd: 301,
        jumpUsd: 599,
        jumpPercent: 199,
        direction: 'spike',
        score: 404.02,
        observations: 7,
      },
    ]);
    expect(
      await screen.findByText(
        'Cost anomaly. Spike on 25 Nov: $900 against a usual $301 for a Wednesday, +$599 (+199%)',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(api.getAnomalies).toHaveBeenCalledWith({
      entityRef: 'component:default/cart-service',
    });
  });

  it('says the anomalies are incomplete rather than showing none when the catalog was empty', async () => {
    await renderCard(
      response({}),
      [],
      [
        'The catalog gave no teams (Groups of type team) or Components at the last cost ingestion, so cost cannot be attributed to any team or service; check that the catalog serves its entities, and the next ingestion picks them up.',
      ],
    );
    expect(
      await screen.findByText(
        /^Cost anomalies are incomplete: The catalog gave no teams/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
  });
});
