import { weeklyReviewCsv } from './exportCsv';
import { weeklyReviewMarkdown } from './exportMarkdown';
import { ValueFormatters } from './format';
import { WeeklyReview } from './review';

const formatters: ValueFormatters = { duration: seconds => `${(seconds ?? 0) / 60} minutes` };

const review: WeeklyReview = {
  isoWeek: '2026-W48',
  timeZone: 'Europe/Berlin',
  start: '2026-11-22T23:00:00.000Z',
  end: '2026-11-29T23:00:00.000Z',
  partial: false,
  demo: true,
  generatedAt: '2026-11-30T08:00:00.000Z',
  freezeMinimumMinutes: 60,
  indicators: [
    {
      id: 'leadTimeMedianMinutes',
      title: 'Change lead time, median',
      unit: 'min',
      direction: 'lowerIsBetter',
      target: 10,
      value: 12,
      rating: 'amber',
      unavailableReason: null,
      noDataReason: null,
      source: 'DORA plugin',
      demo: true,
      lastError: null,
      // Three weeks here; the review has twelve. W47 had no deploys: no data, not 0.
      history: [
        { isoWeek: '2026-W46', value: 8, rating: 'green' },
        { isoWeek: '2026-W47', value: null, rating: 'unknown' },
        { isoWeek: '2026-W48', value: 12, rating: 'amber' },
      ],
      teams: [
        {
          teamRef: 'group:default/checkout',
          value: 14,
          rating: 'red',
          history: [
            { isoWeek: '2026-W46', value: 9, rating: 'green' },
            { isoWeek: '2026-W47', value: null, rating: 'unknown' },
            { isoWeek: '2026-W48', value: 14, rating: 'red' },
          ],
        },
      ],
      changes: [{ entityRef: 'component:default/cart', delta: 6, description: '', values: { thisWeek: 16, lastWeek: 10 } }],
    },
    {
      id: 'servicesFrozen',
      title: 'Services frozen | by error budget',
      unit: 'services',
      direction: 'lowerIsBetter',
      target: 0,
      value: 1,
      rating: 'red',
      unavailableReason: null,
      noDataReason: 'weeks before the SLO plugin recorded freezes',
      source: 'SLO plugin',
      demo: false,
      lastError: null,
      history: [
        { isoWeek: '2026-W46', value: null, rating: 'unknown' },
        { isoWeek: '2026-W47', value: 0, rating: 'green' },
        { isoWeek: '2026-W48', value: 1, rating: 'red' },
      ],
      teams: [
        {
          teamRef: 'group:default/payments',
          value: 1,
          rating: null,
          history: [
            { isoWeek: '2026-W46', value: null, rating: null },
            { isoWeek: '2026-W47', value: 0, rating: null },
            { isoWeek: '2026-W48', value: 1, rating: null },
          ],
        },
      ],
      changes: [],
    },
  ],
};

describe('weeklyReviewMarkdown', () => {
  it('renders the summary, then every week of every indicator overall and per team, with no data as such', () => {
    expect(weeklyReviewMarkdown(review, formatters)).toBe(
      [
        '# Platform review 2026-W48',
        '',
        // Local dates: the week starts Monday 23 November in Berlin, though 22 November 23:00 in UTC.
        'Week 2026-11-23 to 2026-11-29 (Europe/Berlin). Demo data.',
        '',
        'Weeks run Monday 00:00 to Monday 00:00 (Europe/Berlin). Each week is rated on its own: green meets the target, amber misses it by at most 20% of it, red by more. A week without data is a gap in the chart and says "no data".',
        '',
        '| Indicator | This week | Target | Status | Last week |',
        '| --- | --- | --- | --- | --- |',
        '| Change lead time, median | 12 minutes | ≤ 10 minutes | Near target | no data |',
        '| Services frozen \\| by error budget | 1 services | ≤ 0 services | Off target | 0 services |',
        '',
        '## Change lead time, median',
        '',
        "Median (the middle value; the mean of the two middle ones for an even count) of commit-to-production time over every commit the week's successful deploys shipped. Target ≤ 10 minutes.",
        '',
        '| Week | All teams | Status | checkout |',
        '| --- | --- | --- | --- |',
        '| 2026-W46 | 8 minutes | On target | 9 minutes (On target) |',
        '| 2026-W47 | no data | no data | no data |',
        '| 2026-W48 | 12 minutes | Near target | 14 minutes (Off target) |',
        '',
        'What changed this week:',
        '- component:default/cart: 16 minutes, was 10 minutes last week',
        '',
        '## Services frozen | by error budget',
        '',
        'Services frozen by the error-budget policy for at least 60 minutes in a row at some time in the week; shorter freezes (flaps) are not counted. Target ≤ 0 services.',
        '',
        'No data: weeks before the SLO plugin recorded freezes.',
        '',
        '| Week | All teams | Status | payments |',
        '| --- | --- | --- | --- |',
        '| 2026-W46 | no data | no data | no data |',
        '| 2026-W47 | 0 services | On target | 0 services |',
        '| 2026-W48 | 1 services | Off target | 1 services |',
        '',
      ].join('\n'),
    );
  });
});

describe('weeklyReviewCsv', () => {
  it('writes every week of every indicator, overall and per team, with no data as such', () => {
    expect(weeklyReviewCsv(review).split('\r\n')).toEqual([
      'week,indicator,scope,value,unit,target,direction,status,note',
      '2026-W46,leadTimeMedianMinutes,all,8,min,10,lowerIsBetter,green,',
      '2026-W47,leadTimeMedianMinutes,all,,min,10,lowerIsBetter,no data,',
      '2026-W48,leadTimeMedianMinutes,all,12,min,10,lowerIsBetter,amber,',
      '2026-W46,leadTimeMedianMinutes,group:default/checkout,9,min,10,lowerIsBetter,green,',
      '2026-W47,leadTimeMedianMinutes,group:default/checkout,,min,10,lowerIsBetter,no data,',
      '2026-W48,leadTimeMedianMinutes,group:default/checkout,14,min,10,lowerIsBetter,red,',
      '2026-W46,servicesFrozen,all,,services,0,lowerIsBetter,no data,weeks before the SLO plugin recorded freezes',
      '2026-W47,servicesFrozen,all,0,services,0,lowerIsBetter,green,',
      '2026-W48,servicesFrozen,all,1,services,0,lowerIsBetter,red,',
      '2026-W46,servicesFrozen,group:default/payments,,services,0,lowerIsBetter,no data,',
      '2026-W47,servicesFrozen,group:default/payments,0,services,0,lowerIsBetter,,',
      '2026-W48,servicesFrozen,group:default/payments,1,services,0,lowerIsBetter,,',
      '',
    ]);
  });
});
