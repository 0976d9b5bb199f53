import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { WeeklyReview } from '@internal/plugin-platform-review-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PlatformReviewApi, platformReviewApiRef } from '../api/PlatformReviewApi';
import { WeeklyReviewPage } from './WeeklyReviewPage';

// The first render of a page with charts takes a few seconds on a shared machine.
jest.setTimeout(60_000);

const weeks = Array.from({ length: 12 }, (_, i) => `2026-W${String(37 + i).padStart(2, '0')}`);

const review: WeeklyReview = {
  isoWeek: '2026-W48',
  timeZone: 'Europe/Berlin',
  start: '2026-11-22T23:00:00.000Z',
  end: '2026-11-29T23:00:00.000Z',
  partial: true,
  demo: true,
  generatedAt: '2026-11-27T12:00:00.000Z',
  freezeMinimumMinutes: 60,
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
      noDataReason: null,
      source: 'DORA plugin',
      demo: true,
      lastError: null,
      // W37 to W46 on target, W47 without deploys (no data), W48 near target.
      history: weeks.map((isoWeek, i) => {
        if (i === 10) return { isoWeek, value: null, rating: 'unknown' as const };
        return i === 11 ? { isoWeek, value: 11.5, rating: 'amber' as const } : { isoWeek, value: 9, rating: 'green' as const };
      }),
      teams: [
        {
          teamRef: 'group:default/checkout',
          value: 14,
          rating: 'red',
          history: weeks.map((isoWeek, i) => ({ isoWeek, value: i === 11 ? 14 : 8, rating: i === 11 ? ('red' as const) : ('green' as const) })),
        },
      ],
      changes: [{ entityRef: 'component:default/cart-service', delta: 6, description: '', values: { thisWeek: 16, lastWeek: 10 } }],
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
      noDataReason: 'the slo plugin does not serve /freezes here (404)',
      source: 'SLO plugin (error-budget freezes)',
      demo: false,
      lastError: null,
      history: weeks.map(isoWeek => ({ isoWeek, value: null, rating: 'unknown' as const })),
      teams: [],
      changes: [],
    },
  ],
};

describe('WeeklyReviewPage', () => {
  it('shows each indicator against its target in words, its rule, its weeks, its teams and what changed', async () => {
    const api: PlatformReviewApi = { getWeek: jest.fn(async () => review) };
    await renderInTestApp(
      <TestApiProvider apis={[[platformReviewApiRef, api]]}>
        <WeeklyReviewPage />
      </TestApiProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Week 2026-W48' })).toBeInTheDocument();
    expect(screen.getAllByLabelText(/^Demo data\./).length).toBeGreaterThan(0);
    // 11.5 min in the portal's one duration format.
    expect(screen.getByLabelText('Change lead time, median this week')).toHaveTextContent('12 min');
    expect(screen.getByText(/target ≤ 10 min \(week so far\)/)).toBeInTheDocument();
    expect(screen.getByLabelText('Status: Near target')).toBeInTheDocument();
    expect(screen.getByText(/^Median \(the middle value/)).toBeInTheDocument();
    expect(screen.getByText(/Each week is rated on its own/)).toBeInTheDocument();
    // The week without deploys says so, and is never 0 or On target.
    expect(screen.getByText('No data for W47.')).toBeInTheDocument();
    const weekByWeek = screen.getByRole('table', { name: 'Change lead time, median, week by week' });
    expect(within(weekByWeek).getByRole('row', { name: /^2026-W47/ })).toHaveTextContent('2026-W47no datano data');
    expect(within(weekByWeek).getByRole('row', { name: /^2026-W46/ })).toHaveTextContent('2026-W469 minOn target');
    expect(screen.getByRole('figure', { name: /2026-W47 no data \(no data\), 2026-W48 12 min \(Near target\)/ })).toBeInTheDocument();

    expect(screen.getByText('Why: the slo plugin does not serve /freezes here (404)')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Change lead time, median per team' })).toHaveTextContent('checkout14 minOff target');
    expect(screen.getByText(/16 min, was 10 min last week/)).toBeInTheDocument();
  });

  it('exports all 12 weeks, overall and per team, as Markdown and CSV', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    URL.revokeObjectURL = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[platformReviewApiRef, { getWeek: async () => review }]]}>
        <WeeklyReviewPage />
      </TestApiProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Download Markdown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    const [markdown, csv] = await Promise.all(blobs.map(b => b.text()));
    for (const week of weeks) expect(markdown).toContain(`| ${week} |`);
    expect(markdown).toContain('| 2026-W47 | no data | no data | 8 min (On target) |');
    expect(markdown).toContain('| 2026-W48 | 12 min | Near target | 14 min (Off target) |');
    const rows = csv.trim().split('\r\n');
    expect(rows.filter(r => r.includes(',leadTimeMedianMinutes,all,'))).toHaveLength(12);
    expect(rows.filter(r => r.includes(',leadTimeMedianMinutes,group:default/checkout,'))).toHaveLength(12);
    expect(rows).toContain('2026-W47,leadTimeMedianMinutes,all,,min,10,lowerIsBetter,no data,');
  });

  it('shows the error when the review cannot be loaded', async () => {
    const api: PlatformReviewApi = {
      getWeek: jest.fn(async () => {
        throw new Error('backend down');
      }),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[platformReviewApiRef, api]]}>
        <WeeklyReviewPage />
      </TestApiProvider>,
    );
    expect((await screen.findAllByText(/backend down/))[0]).toBeInTheDocument();
  });
});
