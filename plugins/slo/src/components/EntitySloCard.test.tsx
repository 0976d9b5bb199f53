import { Entity } from '@backstage/catalog-model';
import { EntityProvider, entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { sloApiRef, SloApi } from '../api/SloApi';
import { sloItem } from '../__testUtils__/sloItems';
import { EntitySloCard } from './EntitySloCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
};

function renderCard(api: Partial<SloApi>) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntitySloCard />
    </EntityProvider>,
    {
      apis: [[sloApiRef, api as SloApi]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntitySloCard', () => {
  it('shows each SLO’s budget left, burn per window and alert state, marked as demo data', async () => {
    await renderCard({
      getEntitySlos: async () => ({
        demo: true,
        items: [
          sloItem({ service: 'cart-service', burn: 0.25 }),
          sloItem({ service: 'cart-service', name: 'latency', target: 0.99, burn: 20 }),
        ],
      }),
    });
    expect(await screen.findByText('Demo data')).toBeInTheDocument();

    const availability = screen.getByRole('table', { name: 'Availability burn rate per window' });
    expect(within(availability).getAllByText('0.25×')).toHaveLength(7);
    expect(screen.getByRole('progressbar', { name: 'Availability error budget left' })).toHaveAttribute(
      'aria-valuetext',
      '75%',
    );
    expect(screen.getByText('Within budget')).toBeInTheDocument();

    // 20× burns through a 30-day budget in a day and a half: paging, budget gone.
    expect(screen.getByText('Paging')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Latency error budget left' })).toHaveAttribute(
      'aria-valuetext',
      'exhausted (-1900%)',
    );
    expect(screen.getByRole('link', { name: /Burn and budget charts/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/cart-service/slo',
    );
  });

  it('keeps showing the last good values when Prometheus failed, saying how old they are', async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await renderCard({
      getEntitySlos: async () => ({
        demo: false,
        items: [
          sloItem({
            service: 'cart-service',
            burn: 0.5,
            measuredAt: tenMinutesAgo,
            error: 'Prometheus at http://prometheus:9090 did not answer: ECONNREFUSED',
          }),
        ],
      }),
    });
    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent('Prometheus did not answer on the latest refresh');
    expect(notice).toHaveTextContent('10 minutes ago');
    expect(screen.getByRole('progressbar', { name: 'Availability error budget left' })).toHaveAttribute(
      'aria-valuetext',
      '50%',
    );
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it('explains what to check when nothing has been measured yet', async () => {
    await renderCard({ getEntitySlos: async () => ({ demo: false, items: [] }) });
    expect(await screen.findByText('No SLO measurements yet')).toBeInTheDocument();
  });
});
