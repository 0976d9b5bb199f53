import { describeChange, formatValue, statusLabel, ValueFormatters } from './format';

// The page passes portal-react's formatDuration; a stand-in shows where it is used.
const formatters: ValueFormatters = { duration: seconds => `<${seconds} s>` };

describe('formatValue', () => {
  it('writes shares in percent, money to the cent, durations with the portal formatter and no data as such', () => {
    expect(formatValue({ unit: '%' }, 0.755, formatters)).toBe('75.5%');
    expect(formatValue({ unit: 'USD' }, 0.4, formatters)).toBe('$0.40');
    expect(formatValue({ unit: 'USD' }, 0.0033, formatters)).toBe('$0.0033');
    expect(formatValue({ unit: 'USD' }, 0.4, { ...formatters, money: usd => `$${usd}` })).toBe('$0.4');
    expect(formatValue({ unit: 'min' }, 119.7, formatters)).toBe('<7182 s>');
    expect(formatValue({ unit: 'deploys/day' }, 17.25, formatters)).toBe('17.3 deploys/day');
    expect(formatValue({ unit: 'min' }, null, formatters)).toBe('no data');
  });
});

describe('statusLabel', () => {
  it('says no data for a week without a value, never a rating', () => {
    expect(statusLabel(null, 'unknown')).toBe('no data');
    expect(statusLabel(0, 'green')).toBe('On target');
    expect(statusLabel(3, null)).toBe('no per-team target');
  });
});

describe('describeChange', () => {
  it("writes a change's figures with the portal formatter, or its own words", () => {
    expect(describeChange({ unit: 'min' }, { entityRef: 'x', delta: 6, description: '', values: { thisWeek: 16, lastWeek: 10 } }, formatters)).toBe(
      '<960 s>, was <600 s> last week',
    );
    expect(describeChange({ unit: 'alerts/week' }, { entityRef: 'x', delta: 1, description: '2 alerts, was 1 last week' }, formatters)).toBe(
      '2 alerts, was 1 last week',
    );
  });
});
