import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FalcoAlert } from '@internal/plugin-falco-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { rootRouteRef } from '../routes';
import { FalcoApi, falcoApiRef } from '../api/FalcoApi';
import { RecentCriticalAlertsCard } from './RecentCriticalAlertsCard';

const alert: FalcoAlert = {
  id: 'a1',
  time: new Date(Date.now() - 5 * 60_000).toISOString(),
  rule: 'Drop and execute new binary in container',
  priority: 'critical',
  output: 'Executing binary not part of base image',
  source: 'syscall',
  hostname: 'ip-10-20-1-17.ec2.internal',
  tags: ['container'],
  outputFields: { 'k8s.ns.name': 'checkout' },
  namespace: 'checkout',
  pod: 'cart-service-abc-1',
  containerImage: null,
  entityRef: 'component:default/cart-service',
  mappedBy: 'pod-name',
  receivedAt: new Date().toISOString(),
};

describe('RecentCriticalAlertsCard', () => {
  it('lists the latest Critical-or-worse events of the last 7 days', async () => {
    const getAlerts = jest.fn(async () => ({ demo: true, window: null, items: [alert], totalCount: 4, rules: [] }));
    const api: FalcoApi = { getAlerts, getCounts: jest.fn(), getOverview: jest.fn() };
    await renderInTestApp(<RecentCriticalAlertsCard />, {
      apis: [[falcoApiRef, api]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef, '/falco': rootRouteRef },
    });

    expect(await screen.findByText('4 Critical or worse in the last 7 days.')).toBeInTheDocument();
    expect(screen.getByText('Drop and execute new binary in container')).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'cart-service' })).toHaveAttribute('href', '/catalog/default/component/cart-service');
    expect(screen.getByRole('link', { name: 'Security overview' })).toHaveAttribute('href', '/falco');
    const [query] = getAlerts.mock.calls[0] as unknown as [{ priorities: string[]; days: number; since?: Date; limit: number }];
    expect(query.priorities).toEqual(['emergency', 'alert', 'critical']);
    // The last 7 days as the service card counts them (lastDaysWindow), not 168 rolling hours.
    expect(query.days).toBe(7);
    expect(query.since).toBeUndefined();
    expect(query.limit).toBe(5);
  });

  it('says so when there are none', async () => {
    const api: FalcoApi = {
      getAlerts: jest.fn(async () => ({ demo: false, window: null, items: [], totalCount: 0, rules: [] })),
      getCounts: jest.fn(),
      getOverview: jest.fn(),
    };
    await renderInTestApp(<RecentCriticalAlertsCard />, { apis: [[falcoApiRef, api]] });
    expect(await screen.findByText('No Critical or worse Falco events in the last 7 days.')).toBeInTheDocument();
  });
});
