import { splitByPlatform, emptyBreakdown } from './categories';
import { costWindowLabel, costWindowRange } from './windows';

describe('cost windows', () => {
  it('end on the given day and reach back 7 days, 30 days, or to the first of its month', () => {
    expect(costWindowRange('7d', '2026-11-21')).toEqual({
      first: '2026-11-15',
      last: '2026-11-21',
    });
    expect(costWindowRange('30d', '2026-03-01')).toEqual({
      first: '2026-01-31',
      last: '2026-03-01',
    });
    expect(costWindowRange('mtd', '2026-11-21')).toEqual({
      first: '2026-11-01',
      last: '2026-11-21',
    });
    expect(costWindowLabel('mtd', '2026-11-21')).toBe('November to date');
    expect(costWindowLabel('30d', '2026-11-21')).toBe('Last 30 days');
  });
});

describe('splitByPlatform', () => {
  it('counts the cloud category as AWS and every other as the cluster', () => {
    expect(
      splitByPlatform({
        ...emptyBreakdown(),
        cpu: 10,
        ram: 5,
        storage: 1.5,
        cloud: 3.25,
      }),
    ).toEqual({ kubernetesUsd: 16.5, awsUsd: 3.25 });
  });
});
