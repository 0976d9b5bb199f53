import { classifyDoraTier, DoraTier, tierRank } from './doraTiers';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('classifyDoraTier (DORA 2024 clusters)', () => {
  it.each([
    ['elite', { deploysPerWeek: 10, medianLeadTimeSeconds: 5 * HOUR, changeFailRate: 0.04, medianRecoverySeconds: 0.5 * HOUR }],
    // 6% fails is too many for Elite but fine for High.
    ['high', { deploysPerWeek: 10, medianLeadTimeSeconds: 5 * HOUR, changeFailRate: 0.06, medianRecoverySeconds: 0.5 * HOUR }],
    ['high', { deploysPerWeek: 2, medianLeadTimeSeconds: 3 * DAY, changeFailRate: 0.15, medianRecoverySeconds: 2 * HOUR }],
    // Deploys every two weeks: at most Medium.
    ['medium', { deploysPerWeek: 0.5, medianLeadTimeSeconds: 10 * DAY, changeFailRate: 0.08, medianRecoverySeconds: 5 * HOUR }],
    // Medium's cluster fails less (10%) than High's (20%): 15% at Medium's pace is Low.
    ['low', { deploysPerWeek: 0.5, medianLeadTimeSeconds: 10 * DAY, changeFailRate: 0.15, medianRecoverySeconds: 5 * HOUR }],
    ['low', { deploysPerWeek: 0.1, medianLeadTimeSeconds: 2 * DAY, changeFailRate: 0, medianRecoverySeconds: null }],
    // A lead time of 2 months is beyond Medium's month.
    ['low', { deploysPerWeek: 3, medianLeadTimeSeconds: 60 * DAY, changeFailRate: 0, medianRecoverySeconds: null }],
    // Unknown lead time and no failures are not held against a service.
    ['elite', { deploysPerWeek: 7, medianLeadTimeSeconds: null, changeFailRate: 0, medianRecoverySeconds: null }],
    [null, { deploysPerWeek: 0, medianLeadTimeSeconds: null, changeFailRate: null, medianRecoverySeconds: null }],
  ] as const)('%s for %j', (tier, inputs) => {
    expect(classifyDoraTier(inputs)).toBe(tier);
  });
});

describe('tierRank', () => {
  it('ranks elite first and no tier last', () => {
    const tiers: Array<DoraTier | null> = ['low', null, 'elite', 'medium'];
    expect(tiers.sort((a, b) => tierRank(a) - tierRank(b))).toEqual([
      'elite',
      'medium',
      'low',
      null,
    ]);
  });
});
