import { formatFrequency, formatPercent, tierLabel } from './format';

describe('format', () => {
  it('writes deploy frequency per day, week or month', () => {
    expect(formatFrequency(0)).toBe('none');
    expect(formatFrequency(3.42)).toBe('3.4 a day');
    expect(formatFrequency(0.3)).toBe('2.1 a week');
    expect(formatFrequency(1 / 30)).toBe('1 a month');
  });

  it('writes rates and tiers', () => {
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(1 / 3)).toBe('33.3%');
    expect(formatPercent(null)).toBe('—');
    expect(tierLabel('elite')).toBe('Elite');
    expect(tierLabel(null)).toBe('No deployments');
  });
});
