import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  CostAnomaliesResponse,
  DEFAULT_ANOMALY_METHOD,
} from '@internal/plugin-cost-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { meta, overview } from '../__testUtils__/costResponses';
import { CostApi, costApiRef } from '../api/CostApi';
import { CostOverviewPage } from './CostOverviewPage';

jest.setTimeout(30_000);

async function renderPage() {
  const anomalies: CostAnomaliesResponse = {
    ...meta(),
    from: '2026-11-17',
    to: '2026-11-30',
    method: DEFAULT_ANOMALY_METHOD,
    anomalies: [],
    missing: [],
  };
  const api: Partial<CostApi> = {
    getOverview: jest.fn().mockResolvedValue(overview()),
    getAnomalies: jest.fn().mockResolvedValue(anomalies),
  };
  await renderInTestApp(<CostOverviewPage />, {
    apis: [
      [costApiRef, api],
      [catalogApiRef, catalogApiMock()],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const headline = (label: string) =>
  within(screen.getByRole('region', { name: 'Headlines' }))
    .getByRole('heading', { name: label })
    .closest('div')!;

describe('CostOverviewPage', () => {
  it('labels each headline for what it sums, month to date by default', async () => {
    await renderPage();
    expect(
      await screen.findByRole('region', { name: 'Headlines' }),
    ).toBeInTheDocument();
    expect(headline('All teams')).toHaveTextContent('$4,150');
    expect(headline('All teams')).toHaveTextContent(
      'Not idle, unmounted or unallocated.',
    );
    expect(headline('Kubernetes cluster')).toHaveTextContent('$3,950');
    expect(headline('Kubernetes cluster')).toHaveTextContent('No AWS.');
    expect(headline('AWS')).toHaveTextContent('$617');
    expect(headline('Everything')).toHaveTextContent('$4,567');
    // Cents below $100, significant digits below a dollar.
    expect(headline('Per 1,000 orders')).toHaveTextContent('$0.0041');
    expect(headline('Per 1,000 orders')).toHaveTextContent(
      'over the 29 of 30 days with both read',
    );
    const uncharged = screen.getByRole('region', {
      name: 'Charged to no team',
    });
    expect(uncharged).toHaveTextContent('$290');
    expect(uncharged).toHaveTextContent('Unmounted volumes');
    expect(uncharged).toHaveTextContent('$29.00');
    expect(uncharged).toHaveTextContent('Unallocated: Kubernetes');
    expect(uncharged).toHaveTextContent('$85.00');
    expect(uncharged).toHaveTextContent('Unallocated: AWS');
    expect(uncharged).toHaveTextContent('$13.00');
  });

  it('switches every figure to the last 7 days', async () => {
    await renderPage();
    const windowSwitch = await screen.findByRole('group', {
      name: 'Window the figures are over',
    });
    fireEvent.click(
      within(windowSwitch).getByRole('button', { name: 'Last 7 days' }),
    );
    expect(
      within(windowSwitch).getByRole('button', { name: 'Last 7 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(headline('All teams')).toHaveTextContent('$1,000');
    expect(headline('Per 1,000 orders')).toHaveTextContent('$0.0033');
    expect(
      screen.getByText(/Last 7 days: 24 Nov – 30 Nov/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Unmounted volumes (no pod mounts them)'),
    ).toBeInTheDocument();
    // The table's window column follows the switch: Checkout's 7 days.
    const checkoutRow = screen
      .getAllByRole('row')
      .find(row => within(row).queryByText('Checkout'))!;
    expect(checkoutRow).toHaveTextContent('$700');
    expect(checkoutRow).toHaveTextContent('$2,900');
  });
});
