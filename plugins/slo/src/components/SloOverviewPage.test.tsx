import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sloApiRef, SloApi } from '../api/SloApi';
import { sloItem } from '../__testUtils__/sloItems';
import { SloOverviewPage } from './SloOverviewPage';

const component = (name: string, owner: string, system: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner, system, lifecycle: 'production' },
});

const sloApi: Partial<SloApi> = {
  listSlos: async () => ({
    demo: false,
    items: [
      sloItem({ service: 'cart-service', burn: 0.3 }),
      sloItem({ service: 'payments-service', burn: 20 }),
      sloItem({ service: 'search-service', burn: 1.5 }),
      sloItem({ service: 'idle-service', burn: null }),
    ],
  }),
};

const burn = { longWindow: '6h', shortWindow: '30m', long: 20, short: 20, threshold: 6, releaseBelow: 4.8, budgetRemaining: -19, budgetExhausted: true };
const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000).toISOString();
sloApi.listFreezes = async () => ({
  demo: false,
  policy: { threshold: 6, longWindow: '6h', shortWindow: '30m', hysteresis: 0.8 },
  from: twoHoursAgo,
  to: twoHoursAgo,
  transitions: [],
  items: [
    {
      entityRef: 'component:default/payments-service',
      frozen: true,
      since: twoHoursAgo,
      exemption: null,
      slos: [{ sloName: 'availability', frozen: true, since: twoHoursAgo, reason: 'error budget exhausted', burn, measuredAt: twoHoursAgo }],
    },
    {
      entityRef: 'component:default/search-service',
      frozen: false,
      since: null,
      exemption: null,
      slos: [{ sloName: 'availability', frozen: false, since: null, reason: null, burn: { ...burn, long: 1.5, short: 1.5 }, measuredAt: twoHoursAgo }],
    },
  ],
});

const freezeColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('cell')[8]?.textContent);

async function renderPage() {
  await renderInTestApp(<SloOverviewPage />, {
    apis: [
      [sloApiRef, sloApi as SloApi],
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            component('cart-service', 'checkout', 'shop'),
            component('payments-service', 'group:default/payments', 'payments'),
            component('search-service', 'search', 'shop'),
            component('idle-service', 'checkout', 'shop'),
          ],
        }),
      ],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

const serviceColumn = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).queryAllByRole('cell')[0]?.textContent);

// Opening MUI menus over a material-table is slow on a loaded machine.
jest.setTimeout(30_000);

describe('SloOverviewPage', () => {
  it('lists every SLO worst first, with team and system from the catalog', async () => {
    await renderPage();
    expect(await screen.findByText('Service level objectives (4)')).toBeInTheDocument();
    expect(serviceColumn()).toEqual(['payments-service', 'search-service', 'cart-service', 'idle-service']);
    const summary = screen.getByRole('list', { name: 'SLO summary' });
    expect(within(summary).getAllByRole('listitem').map(i => i.textContent)).toEqual([
      '4SLOs', '1Paging', '1Ticket', '2Budget exhausted', '1Deploys frozen', '1No data',
    ]);
    // Frozen with its age; evaluated and not frozen; never evaluated.
    expect(freezeColumn()).toEqual(['Frozen 2 hours ago', 'No', '–', '–']);
    expect(screen.getByRole('link', { name: 'payments-service' })).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-service/slo',
    );
  });

  it('filters by team and by system', async () => {
    await renderPage();
    await screen.findByText('Service level objectives (4)');
    await userEvent.click(screen.getByRole('button', { name: 'Team All' }));
    await userEvent.click(screen.getByRole('option', { name: 'checkout' }));
    expect(await screen.findByText('Service level objectives (2)')).toBeInTheDocument();
    expect(serviceColumn()).toEqual(['cart-service', 'idle-service']);

    await userEvent.click(screen.getByRole('button', { name: 'Team checkout' }));
    await userEvent.click(screen.getByRole('option', { name: 'All' }));
    await userEvent.click(screen.getByRole('button', { name: 'System All' }));
    await userEvent.click(screen.getByRole('option', { name: 'payments' }));
    expect(await screen.findByText('Service level objectives (1)')).toBeInTheDocument();
    expect(serviceColumn()).toEqual(['payments-service']);
  });
});
