import { formatDuration, formatFrequency, formatPercent, tierLabel } from './format';

describe('format', () => {
  it('writes durations in the unit that fits', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(20)).toBe('1 min');
    expect(formatDuration(35 * 60)).toBe('35 min');
    expect(formatDuration(5.25 * 3600)).toBe('5.3 h');
    expect(formatDuration(3 * 86400)).toBe('3 d');
    expect(formatDuration(60 * 86400)).toBe('8.6 wk');
  });

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
