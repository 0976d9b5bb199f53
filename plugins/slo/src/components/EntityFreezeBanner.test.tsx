import { SWRConfig } from 'swr';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { FreezeExemption, FreezeListResponse, GateOverride } from '@internal/plugin-slo-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sloApiRef, SloApi } from '../api/SloApi';
import { EntityFreezeBanner } from './EntityFreezeBanner';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', namespace: 'default' },
  spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
};
const since = new Date(Date.now() - 3 * 3_600_000).toISOString();

function freezes(frozen: boolean, exemption: FreezeExemption | null = null): FreezeListResponse {
  return {
    demo: true,
    policy: { threshold: 6, longWindow: '6h', shortWindow: '30m', hysteresis: 0.8 },
    from: since,
    to: since,
    transitions: [],
    items: [
      {
        entityRef: 'component:default/cart-service',
        frozen,
        since: frozen ? since : null,
        exemption,
        slos: [
          {
            sloName: 'availability',
            frozen,
            since: frozen ? since : null,
            reason: frozen ? 'burning 7.5× over 6h and 9× over 30m (freeze at 6×)' : null,
            burn: { longWindow: '6h', shortWindow: '30m', long: 7.5, short: 9, threshold: 6, releaseBelow: 4.8, budgetRemaining: 0.4, budgetExhausted: false },
            measuredAt: since,
          },
        ],
      },
    ],
  };
}

function renderBanner(api: Partial<SloApi>, permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  return renderInTestApp(
    // usePermission caches answers in SWR; a fresh cache per render keeps tests apart.
    <SWRConfig value={{ provider: () => new Map() }}>
      <EntityProvider entity={entity}>
        <EntityFreezeBanner />
      </EntityProvider>
    </SWRConfig>,
    {
      apis: [
        // No overrides unless a test gives some.
        [sloApiRef, { listOverrides: async () => ({ items: [], from: since, to: since }), ...api } as SloApi],
        [permissionApiRef, mockApis.permission({ authorize: permission })],
      ],
    },
  );
}

// Typing into MUI dialogs is slow on a loaded machine.
jest.setTimeout(60_000);

describe('EntityFreezeBanner', () => {
  it('lists the emergency overrides CI recorded during the freeze, latest first', async () => {
    const override = (entityRef: string, minutesAgo: number, reason: string): GateOverride => ({
      id: reason,
      entityRef,
      reason,
      actor: 'octocat',
      runUrl: 'https://github.com/harbor-market/cart-service/actions/runs/42',
      commit: 'abc123',
      decision: 'frozen',
      decisionReason: 'availability: burning 7.5×',
      recordedBy: 'ci-deploy-gate',
      createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    });
    const listOverrides = jest.fn(async () => ({
      from: since,
      to: new Date().toISOString(),
      items: [
        override('component:default/cart-service', 20, 'hotfix for INC-981'),
        override('component:default/cart-service', 90, 'rollback of 1.4.2'),
      ],
    }));
    await renderBanner({ listFreezes: async () => freezes(true), listOverrides }, AuthorizeResult.DENY);

    expect(
      await screen.findByText('Deployed under emergency override 2 times during this freeze.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Latest 20 minutes ago by octocat: hotfix for INC-981/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CI run' })).toHaveAttribute(
      'href',
      'https://github.com/harbor-market/cart-service/actions/runs/42',
    );
    expect(listOverrides).toHaveBeenCalledWith('component:default/cart-service', since);
  });

  it('says since when and why deploys are frozen, and lets the platform group exempt the service', async () => {
    const addExemption = jest.fn(async () => ({}) as FreezeExemption);
    const listFreezes = jest.fn(async () => freezes(true));
    await renderBanner({ listFreezes, addExemption }, AuthorizeResult.ALLOW);

    expect(await screen.findByText('Production deploys are frozen · started 3 hours ago')).toBeInTheDocument();
    expect(screen.getByText('availability: burning 7.5× over 6h and 9× over 30m (freeze at 6×)')).toBeInTheDocument();
    expect(screen.getByText(/lifts once both burn below 4.8×/)).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
    expect(listFreezes).toHaveBeenCalledWith('component:default/cart-service');

    await userEvent.click(screen.getByRole('button', { name: 'Exempt from freeze' }));
    const exempt = screen.getByRole('button', { name: 'Exempt' });
    expect(exempt).toBeDisabled(); // no reason yet
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Hotfix for the incident' } });
    const before = Date.now();
    await userEvent.click(exempt);
    expect(addExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/cart-service',
      reason: 'Hotfix for the incident',
      expiresAt: expect.any(String),
    });
    const expiresAt = Date.parse((addExemption.mock.calls[0] as any)[0].expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(4 * 3_600_000 - 1000);
    expect(expiresAt - before).toBeLessThanOrEqual(4 * 3_600_000 + 60_000);
    // Reloaded after the change.
    expect(listFreezes).toHaveBeenCalledTimes(2);
  });

  it('shows the exemption, and no controls to those without slo.freeze.exempt', async () => {
    const exemption: FreezeExemption = {
      id: '3',
      entityRef: 'component:default/cart-service',
      reason: 'Payment fix',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      createdBy: 'user:default/priya.nair',
      createdAt: since,
    };
    await renderBanner({ listFreezes: async () => freezes(true, exemption) }, AuthorizeResult.DENY);
    expect(await screen.findByText(/^Deploy freeze \(exempted\)/)).toBeInTheDocument();
    expect(screen.getByText(/by user:default\/priya\.nair: Payment fix/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: /exempt/i })).not.toBeInTheDocument());
  });

  it('shows nothing while the service is not frozen', async () => {
    const listFreezes = jest.fn(async () => freezes(false));
    await renderBanner({ listFreezes }, AuthorizeResult.ALLOW);
    expect(listFreezes).toHaveBeenCalled();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByText(/frozen/i)).not.toBeInTheDocument();
  });
});
