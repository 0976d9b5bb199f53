import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { emptyPriorityCounts, FalcoCountsResponse, lastDaysWindow } from '@internal/plugin-falco-common';
import { screen } from '@testing-library/react';
import { FalcoApi, falcoApiRef } from '../api/FalcoApi';
import { EntityFalcoCard } from './EntityFalcoCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', annotations: { 'backstage.io/kubernetes-id': 'checkout-service' } },
  spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
};

function apiAnswering(response: Partial<FalcoCountsResponse>) {
  const getCounts = jest.fn(async (entityRef: string, days: number) => ({
    demo: false,
    entityRef,
    days,
    window: lastDaysWindow(days, new Date('2026-11-30T08:00:00Z')),
    counts: emptyPriorityCounts(),
    lastEventAt: null,
    ...response,
  }));
  const api: FalcoApi = { getCounts, getAlerts: jest.fn(), getOverview: jest.fn() };
  return { api, getCounts };
}

async function renderCard(api: FalcoApi) {
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityFalcoCard />
    </EntityProvider>,
    { apis: [[falcoApiRef, api]] },
  );
}

describe('EntityFalcoCard', () => {
  it("asks for the component's last 7 days and shows every priority's count", async () => {
    const { api, getCounts } = apiAnswering({
      counts: { ...emptyPriorityCounts(), critical: 3, notice: 9 },
      lastEventAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    });
    await renderCard(api);
    // The window as the backend counted it: the tab's "Last 7 days" is the same one.
    expect(await screen.findByText(/12 events in the last 7 days \(since 24 Nov, 00:00 UTC\)\./)).toBeInTheDocument();
    expect(getCounts).toHaveBeenCalledWith('component:default/checkout-service', 7);
    expect(screen.getByTestId('count-critical')).toHaveTextContent('3');
    expect(screen.getByTestId('count-notice')).toHaveTextContent('9');
    expect(screen.getByTestId('count-emergency')).toHaveTextContent('0');
    expect(screen.getByText(/Latest 2 hours ago/)).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it('says when Falco never reported the component, and labels demo data', async () => {
    const { api } = apiAnswering({ demo: true });
    await renderCard(api);
    expect(await screen.findByText(/No Falco events in the last 7 days/)).toBeInTheDocument();
    expect(screen.getByText(/Falco has never reported this component/)).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const api: FalcoApi = {
      getCounts: jest.fn().mockRejectedValue(new Error('falco backend unavailable')),
      getAlerts: jest.fn(),
      getOverview: jest.fn(),
    };
    await renderCard(api);
    expect((await screen.findAllByText(/falco backend unavailable/)).length).toBeGreaterThan(0);
  });
});
