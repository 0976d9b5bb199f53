import { formatValue, weeklyReviewCsv, weeklyReviewMarkdown } from './format';
import { WeeklyReview } from './review';

const review: WeeklyReview = {
  isoWeek: '2026-W48',
  timeZone: 'Europe/Berlin',
  start: '2026-11-22T23:00:00.000Z',
  end: '2026-11-29T23:00:00.000Z',
  partial: false,
  demo: true,
  generatedAt: '2026-11-30T08:00:00.000Z',
  indicators: [
    {
      id: 'deploysPerDay',
      title: 'Deploys per day (all teams)',
      unit: 'deploys/day',
      direction: 'higherIsBetter',
      target: 20,
      value: 17,
      rating: 'amber',
      unavailableReason: null,
      source: 'DORA',
      demo: true,
      lastError: null,
      history: [
        { isoWeek: '2026-W47', value: 21.5 },
        { isoWeek: '2026-W48', value: 17 },
      ],
      teams: [{ teamRef: 'group:default/checkout', value: 3, rating: 'red' }],
      changes: [{ entityRef: 'component:default/cart', delta: -2, description: '14 fewer deploys than last week' }],
    },
    {
      id: 'servicesFrozen',
      title: 'Services frozen, "burn" ≥ 6×',
      unit: 'services',
      direction: 'lowerIsBetter',
      target: 0,
      value: null,
      rating: 'unknown',
      unavailableReason: 'the SLO plugin does not serve freezes yet',
      source: 'SLO',
      demo: false,
      lastError: null,
      history: [],
      teams: [],
      changes: [],
    },
  ],
};

describe('weeklyReviewMarkdown', () => {
  it('renders the summary table, teams and changes', () => {
    expect(weeklyReviewMarkdown(review)).toBe(
      [
        '# Platform review 2026-W48',
        '',
        // Local dates: the week starts Monday 23 November in Berlin, though 22 November 23:00 in UTC.
        'Week 2026-11-23 to 2026-11-29 (Europe/Berlin). Demo data.',
        '',
        '| Indicator | This week | Target | Status | Last week |',
        '| --- | --- | --- | --- | --- |',
        '| Deploys per day (all teams) | 17 deploys/day | ≥ 20 deploys/day | Near target | 21.5 deploys/day |',
        '| Services frozen, "burn" ≥ 6× | n/a | ≤ 0 services | Unknown / not available: the SLO plugin does not serve freezes yet | n/a |',
        '',
        '## Deploys per day (all teams)',
        '',
        'Per team: group:default/checkout 3 deploys/day (Off target).',
        '',
        'What changed this week:',
        '- component:default/cart: 14 fewer deploys than last week',
        '',
      ].join('\n'),
    );
  });
});

describe('formatValue', () => {
  it('shows shares in percent, money to the cent and long lead times in hours', () => {
    expect(formatValue({ unit: '%' }, 0.755)).toBe('75.5%');
    expect(formatValue({ unit: 'USD' }, 0.4)).toBe('$0.40');
    // Cost per 1,000 orders reads as on the cost pages: never $0.00 for a small figure.
    expect(formatValue({ unit: 'USD' }, 0.0033)).toBe('$0.0033');
    expect(formatValue({ unit: 'min' }, 119)).toBe('119 min');
    expect(formatValue({ unit: 'min' }, 411.25)).toBe('6.9 h');
    expect(formatValue({ unit: 'min' }, null)).toBe('n/a');
  });
});

describe('weeklyReviewCsv', () => {
  it('writes one row per indicator and team, quoting where needed', () => {
    expect(weeklyReviewCsv(review).split('\r\n')).toEqual([
      'week,indicator,scope,value,unit,target,direction,status,note',
      '2026-W48,deploysPerDay,all,17,deploys/day,20,higherIsBetter,amber,',
      '2026-W48,deploysPerDay,group:default/checkout,3,deploys/day,20,higherIsBetter,red,',
      '2026-W48,servicesFrozen,all,,services,0,lowerIsBetter,unknown,the SLO plugin does not serve freezes yet',
      '',
    ]);
  });
});
