import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { WeeklyReview } from '@internal/plugin-platform-review-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PlatformReviewApi, platformReviewApiRef } from '../api/PlatformReviewApi';
import { WeeklyReviewPage } from './WeeklyReviewPage';

// The first render of a page with charts takes a few seconds on a shared machine.
jest.setTimeout(60_000);

const review: WeeklyReview = {
  isoWeek: '2026-W48',
  timeZone: 'Europe/Berlin',
  start: '2026-11-22T23:00:00.000Z',
  end: '2026-11-29T23:00:00.000Z',
  partial: true,
  demo: true,
  generatedAt: '2026-11-27T12:00:00.000Z',
  indicators: [
    {
      id: 'leadTimeMedianMinutes',
      title: 'Change lead time, median',
      unit: 'min',
      direction: 'lowerIsBetter',
      target: 10,
      value: 11.5,
      rating: 'amber',
      unavailableReason: null,
      source: 'DORA plugin',
      demo: true,
      lastError: null,
      history: [
        { isoWeek: '2026-W47', value: 9 },
        { isoWeek: '2026-W48', value: 11.5 },
      ],
      teams: [{ teamRef: 'group:default/checkout', value: 14, rating: 'red' }],
      changes: [{ entityRef: 'component:default/cart-service', delta: 6, description: '16.0 min, was 10.0 min last week' }],
    },
    {
      id: 'servicesFrozen',
      title: 'Services frozen by error budget (burn ≥ 6×)',
      unit: 'services',
      direction: 'lowerIsBetter',
      target: 0,
      value: null,
      rating: 'unknown',
      unavailableReason: 'the slo plugin does not serve /freezes here (404)',
      source: 'SLO plugin (error-budget freezes)',
      demo: false,
      lastError: null,
      history: [],
      teams: [],
      changes: [],
    },
  ],
};

describe('WeeklyReviewPage', () => {
  it('shows each indicator against its target in words, its teams and what changed, and exports the week', async () => {
    const api: PlatformReviewApi = {
      getWeek: jest.fn(async () => review),
      exportWeek: jest.fn(async () => ({ fileName: 'platform-review-2026-W48.md', blob: new Blob(['# Platform review']) })),
    };
    URL.createObjectURL = jest.fn(() => 'blob:review');
    URL.revokeObjectURL = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[platformReviewApiRef, api]]}>
        <WeeklyReviewPage />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Week 2026-W48' })).toBeInTheDocument();
    expect(screen.getAllByLabelText(/^Demo data\./).length).toBeGreaterThan(0);
    expect(screen.getByText('11.5 min')).toBeInTheDocument();
    expect(screen.getByText(/target ≤ 10 min \(week so far\)/)).toBeInTheDocument();
    expect(screen.getByLabelText('Status: Near target')).toBeInTheDocument();
    expect(screen.getByLabelText('Status: Unknown / not available')).toBeInTheDocument();
    expect(screen.getByText('Why: the slo plugin does not serve /freezes here (404)')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Change lead time, median per team' })).toHaveTextContent('checkout14 minOff target');
    expect(screen.getByText(/16.0 min, was 10.0 min last week/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(api.exportWeek).toHaveBeenCalledWith('2026-W48', 'md'));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
  });

  it('shows the error when the review cannot be loaded', async () => {
    const api: PlatformReviewApi = {
      getWeek: jest.fn(async () => {
        throw new Error('backend down');
      }),
      exportWeek: jest.fn(),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[platformReviewApiRef, api]]}>
        <WeeklyReviewPage />
      </TestApiProvider>,
    );
    expect((await screen.findAllByText(/backend down/))[0]).toBeInTheDocument();
  });
});
