import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityResponse } from '@internal/plugin-scorecards-common';
import { screen, within } from '@testing-library/react';
import { ScorecardsApi, scorecardsApiRef } from '../../api/ScorecardsApi';
import { EntityScorecardsCard } from './EntityScorecardsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-service', namespace: 'default' },
  spec: { type: 'service', owner: 'payments' },
};

const check = (id: string, title: string, level: string, fact: string) => ({
  id,
  title,
  level,
  fact,
  operator: 'equal' as const,
  value: true,
  howToFix: `Fix ${id}`,
  link: `/docs/${id}`,
});

const response: EntityResponse = {
  run: {
    id: 3,
    startedAt: '2026-11-27T10:00:00.000Z',
    finishedAt: '2026-11-27T10:00:02.000Z',
    trigger: 'schedule',
    triggeredBy: null,
    entityCount: 30,
    durationMs: 2000,
    sources: [],
  },
  sources: [
    { id: 'slo', title: 'SLO plugin', facts: ['slo.defined'], available: false, error: 'connect ECONNREFUSED', demo: false, asOf: null, durationMs: 3 },
    { id: 'kubernetes', title: 'Kubernetes plugin', facts: ['kubernetes.workloads'], available: true, error: null, demo: true, asOf: null, durationMs: 9 },
  ],
  demo: true,
  levels: ['bronze', 'silver', 'gold'],
  definitions: {
    levels: ['bronze', 'silver', 'gold'],
    scorecards: [
      {
        id: 'readiness',
        title: 'Production readiness',
        checks: [
          check('owner', 'Owned by a team', 'bronze', 'catalog.ownerIsGroup'),
          check('on-call', 'On-call contact', 'silver', 'catalog.hasOnCall'),
          check('slo', 'SLO defined', 'silver', 'slo.defined'),
        ],
      },
    ],
  },
  result: {
    entityRef: 'component:default/payments-service',
    title: 'payments-service',
    kind: 'Component',
    type: 'service',
    owner: 'group:default/payments',
    system: null,
    lifecycle: 'production',
    evaluatedAt: '2026-11-27T10:00:02.000Z',
    scorecards: [
      {
        scorecardId: 'readiness',
        level: 'bronze',
        nextLevel: 'silver',
        blockedByUnknown: false,
        checks: [
          { checkId: 'owner', state: 'passed', value: true, why: 'catalog.ownerIsGroup is true; needs true.' },
          {
            checkId: 'on-call',
            state: 'failed',
            value: false,
            why: 'No devportal.io/on-call annotation. (catalog.hasOnCall is false; needs true.)',
            howToFix: 'Fix on-call',
            link: '/docs/on-call',
          },
          {
            checkId: 'slo',
            state: 'unknown',
            why: 'SLO plugin could not be read, so slo.defined is unknown: connect ECONNREFUSED',
            howToFix: 'Fix slo',
            link: '/docs/slo',
          },
        ],
      },
    ],
  },
  history: [],
};

describe('EntityScorecardsCard', () => {
  it('shows the level, each failing check with why and how to fix, and the unknown ones apart', async () => {
    const api: Partial<ScorecardsApi> = { getEntity: jest.fn(async () => response) };
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityScorecardsCard />
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api as ScorecardsApi]] },
    );

    expect(await screen.findByRole('heading', { name: 'Production readiness' })).toBeInTheDocument();
    expect(api.getEntity).toHaveBeenCalledWith('component:default/payments-service');
    expect(screen.getByText('Bronze')).toBeInTheDocument();
    expect(screen.getByText('1 of 3 checks passed')).toBeInTheDocument();
    expect(screen.getByText('Fix the failing Silver checks to reach Silver.')).toBeInTheDocument();

    const failing = screen.getByText('On-call contact (Silver)').closest('li')!;
    expect(within(failing).getByRole('img', { name: 'On-call contact: Failed' })).toBeInTheDocument();
    expect(within(failing).getByText(/No devportal.io\/on-call annotation/)).toBeInTheDocument();
    expect(within(failing).getByText(/How to fix: Fix on-call/)).toBeInTheDocument();
    expect(within(failing).getByRole('link', { name: 'Read more' })).toHaveAttribute('href', '/docs/on-call');

    expect(screen.getByText('Could not be checked (1)')).toBeInTheDocument();
    const unknown = screen.getByText('SLO defined (Silver)').closest('li')!;
    expect(within(unknown).getByText(/connect ECONNREFUSED/)).toBeInTheDocument();
    // Passed checks are counted, not listed.
    expect(screen.queryByText('Owned by a team (Bronze)')).not.toBeInTheDocument();

    // The SLO source failed: said once, with the reason; the Kubernetes source is demo data.
    expect(screen.getByRole('status')).toHaveTextContent('SLO plugin did not answer on the latest refresh.');
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('says when no scorecard applies', async () => {
    const api: Partial<ScorecardsApi> = { getEntity: jest.fn(async () => ({ ...response, result: null })) };
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityScorecardsCard />
      </EntityProvider>,
      { apis: [[scorecardsApiRef, api as ScorecardsApi]] },
    );
    expect(await screen.findByText('No scorecard applies to this entity')).toBeInTheDocument();
  });
});
