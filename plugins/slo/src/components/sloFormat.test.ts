import { formatBudget, formatBurn, formatMinutes, formatTarget } from './sloFormat';

describe('SLO figures as people read them', () => {
  it('writes targets as the percentage they were set as', () => {
    expect(formatTarget(0.999)).toBe('99.9%');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99)).toBe('99%');
  });

  it('says when the budget is gone instead of showing a negative share alone', () => {
    expect(formatBudget(0.734)).toBe('73%');
    expect(formatBudget(-0.2)).toBe('exhausted (-20%)');
    expect(formatBudget(null)).toBe('no data');
  });

  it('shows burn as a multiple, and a dash without traffic', () => {
    expect(formatBurn(14.4)).toBe('14.4×');
    expect(formatBurn(0.213)).toBe('0.21×');
    expect(formatBurn(null)).toBe('–');
  });

  it('writes durations in days, hours and minutes', () => {
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(4320)).toBe('3 d');
    expect(formatMinutes(1500)).toBe('1 d 1 h');
    expect(formatMinutes(0.5)).toBe('< 1 min');
  });

  it('rounds minutes before splitting them, never "60 min" or "1 h 60 min"', () => {
    expect(formatMinutes(59.6)).toBe('1 h');
    expect(formatMinutes(119.7)).toBe('2 h');
  });
});
