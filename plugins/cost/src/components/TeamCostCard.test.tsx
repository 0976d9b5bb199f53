import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  CostAnomaliesResponse,
  DEFAULT_ANOMALY_METHOD,
  emptyBreakdown,
  TeamCostResponse,
} from '@internal/plugin-cost-common';
import { screen } from '@testing-library/react';
import { meta, team, usd } from '../__testUtils__/costResponses';
import { CostApi, costApiRef } from '../api/CostApi';
import { TeamCostCard } from './TeamCostCard';

jest.setTimeout(30_000);

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

// 90 days: $40 a day for the first 60 (so $1,200 over the 30 before the last 30), then $50.
const trend = Array.from({ length: 90 }, (_, i) => {
  const total = i < 60 ? 40 : 50;
  return {
    day: new Date(Date.UTC(2026, 8, 2 + i)).toISOString().slice(0, 10),
    read: true,
    totalUsd: total,
    byCategory: { ...emptyBreakdown(), cpu: total - 10, cloud: 10 },
  };
});

async function renderCard(value: TeamCostResponse) {
  const anomalies: CostAnomaliesResponse = {
    ...meta(),
    from: '2026-11-17',
    to: '2026-11-30',
    method: DEFAULT_ANOMALY_METHOD,
    anomalies: [],
    missing: [],
  };
  const api: Partial<CostApi> = {
    getTeam: jest.fn().mockResolvedValue(value),
    getAnomalies: jest.fn().mockResolvedValue(anomalies),
  };
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <TeamCostCard />
    </EntityProvider>,
    {
      apis: [
        [costApiRef, api],
        [catalogApiRef, catalogApiMock()],
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('TeamCostCard', () => {
  it('shows the last 30 days with their change and the Kubernetes/AWS split', async () => {
    await renderCard({
      ...meta(),
      team: team({
        entityRef: 'group:default/checkout',
        title: 'Checkout',
        ...usd(350, 1500, 1500),
        forecastMonthUsd: 1500,
        monthlyBudgetUsd: 2000,
        budgetStatus: 'within',
        last30DaysSplit: { kubernetesUsd: 1200, awsUsd: 300 },
      }),
      services: [],
      trend,
    });
    const section = await screen.findByRole('region', { name: 'Last 30 days' });
    expect(section).toHaveTextContent('$1,500');
    expect(section).toHaveTextContent(
      'last 30 days, +25% on the 30 days before',
    );
    expect(section).toHaveTextContent(
      'Kubernetes $1,200 (80%) · AWS $300 (20%)',
    );
    expect(
      screen.getByRole('img', {
        name: 'Daily cost of Checkout over the last 30 days, Kubernetes and AWS',
      }),
    ).toBeInTheDocument();
  });

  it('leaves the change out when the 30 days before were not all read, and shows cents below $100', async () => {
    await renderCard({
      ...meta(),
      team: team({
        entityRef: 'group:default/checkout',
        title: 'Checkout',
        ...usd(10, 42.5, 42.5),
        last30DaysSplit: { kubernetesUsd: 42.5, awsUsd: 0 },
      }),
      services: [],
      trend: trend.map((p, i) => (i === 40 ? { ...p, read: false } : p)),
    });
    const section = await screen.findByRole('region', { name: 'Last 30 days' });
    expect(section).toHaveTextContent('$42.50last 30 days');
    expect(section).not.toHaveTextContent('on the 30 days before');
    expect(section).toHaveTextContent(
      'Kubernetes $42.50 (100%) · AWS $0.00 (0%)',
    );
  });
});
