import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { computeDoraMetrics, ServiceDoraResponse, weeklyDoraTrend, weeksEndingAt } from '@internal/plugin-dora-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DoraApi, doraApiRef } from '../api/DoraApi';
import { EntityDoraCard } from './EntityDoraCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', namespace: 'default', annotations: { 'github.com/project-slug': 'harbor-market/checkout-service' } },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout' },
};

const now = new Date('2026-11-27T12:00:00Z');
const HOUR = 3600 * 1000;
// 14 successes two days apart, each shipping one commit 3 h old: 0.5 a day, lead time 3 h.
const history = Array.from({ length: 14 }, (_, i) => {
  const finishedAtMs = now.getTime() - (i * 48 + 1) * HOUR;
  return { finishedAtMs, outcome: 'success' as const, commitTimesMs: [finishedAtMs - 3 * HOUR] };
});

const response = (overrides: Partial<ServiceDoraResponse> = {}): ServiceDoraResponse => ({
  demo: false,
  entityRef: 'component:default/checkout-service',
  repository: 'harbor-market/checkout-service',
  environment: 'production',
  source: 'deployments',
  window: '30d',
  timeZone: 'Europe/Berlin',
  metrics: computeDoraMetrics([history], { now, windowDays: 28 }),
  weekly: weeklyDoraTrend([history], { now, weeks: weeksEndingAt(now, 4, 'Europe/Berlin') }),
  latest: [],
  lastSuccessAt: now.toISOString(),
  lastError: null,
  lastErrorAt: null,
  history: { complete: true, pagesRead: 1, pagesTotal: 1, deploymentsPending: 0 },
  stale: false,
  ...overrides,
});

function renderCard(api: Partial<DoraApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[doraApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDoraCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntityDoraCard', () => {
  it('shows the four metrics and the tier', async () => {
    await renderCard({ getService: async () => response() });
    expect(await screen.findByText('3.5 a week')).toBeInTheDocument();
    expect(screen.getByText('3 h')).toBeInTheDocument();
    expect(screen.getByText('0%')).toBeInTheDocument();
    // 3.5 a week, 3 h lead time, nothing failed: High (Elite needs a deployment a day).
    expect(screen.getByLabelText(/^DORA tier: High\./)).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
    expect(screen.getByText(/p90 is the nearest rank/)).toBeInTheDocument();
  });

  it('asks for the window picked', async () => {
    const getService = jest.fn(async () => response());
    await renderCard({ getService });
    await screen.findByText('3.5 a week');
    expect(getService).toHaveBeenLastCalledWith('component:default/checkout-service', '90d');
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    await waitFor(() => expect(getService).toHaveBeenLastCalledWith('component:default/checkout-service', '30d'));
    expect(await screen.findByRole('button', { name: '30 days', pressed: true })).toBeInTheDocument();
  });

  it('shows how far a partial read got instead of figures and a tier', async () => {
    await renderCard({
      getService: async () =>
        response({
          metrics: null,
          weekly: null,
          history: { complete: false, pagesRead: 1, pagesTotal: 3, deploymentsPending: 100 },
          lastError: 'GitHub answered 403 (API rate limit exceeded) to GET /repos/x/y/deployments',
          stale: true,
        }),
    });
    expect(await screen.findByText(/reading history \(1 of 3 pages\)/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^DORA tier:/)).not.toBeInTheDocument();
    expect(screen.queryByText('Deploy frequency')).not.toBeInTheDocument();
  });

  it('labels demo data and says when GitHub did not answer', async () => {
    await renderCard({
      getService: async () => response({ demo: true, lastError: 'GitHub answered 502 (Server Error) to GET /repos/x/y/deployments' }),
    });
    expect(await screen.findByText('Demo data')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/GitHub did not answer on the latest refresh.*Reason: GitHub answered 502/);
  });

  it('explains a component the backend has no deployments for', async () => {
    await renderCard({
      getService: async () => {
        throw Object.assign(new Error('component:default/checkout-service has no DORA data'), { statusCode: 404 });
      },
    });
    expect(await screen.findByText('No deployment data yet')).toBeInTheDocument();
  });
});
