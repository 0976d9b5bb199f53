import { formatMoney } from './formatMoney';

describe('formatMoney', () => {
  it('shows whole dollars from $100 and cents below', () => {
    expect(formatMoney(12345.4)).toBe('$12,345');
    expect(formatMoney(100)).toBe('$100');
    expect(formatMoney(99.5)).toBe('$99.50');
    expect(formatMoney(42.5)).toBe('$42.50');
    expect(formatMoney(1)).toBe('$1.00');
  });

  it('keeps two significant digits below a dollar, so small unit costs never read $0.00', () => {
    expect(formatMoney(0.0033)).toBe('$0.0033');
    expect(formatMoney(0.003349)).toBe('$0.0033');
    expect(formatMoney(0.4)).toBe('$0.40');
    expect(formatMoney(0.012345)).toBe('$0.012');
    expect(formatMoney(0.5678)).toBe('$0.57');
    expect(formatMoney(0)).toBe('$0.00');
  });

  it('decides the form on the rounded figure at the edges', () => {
    expect(formatMoney(99.996)).toBe('$100');
    expect(formatMoney(0.996)).toBe('$1.00');
    expect(formatMoney(0.994)).toBe('$0.99');
  });

  it('writes signs with a real minus, and a plus when asked', () => {
    expect(formatMoney(-5)).toBe('−$5.00');
    expect(formatMoney(-1234)).toBe('−$1,234');
    expect(formatMoney(5, { signed: true })).toBe('+$5.00');
    expect(formatMoney(0, { signed: true })).toBe('$0.00');
    expect(formatMoney(-0.001)).toBe('−$0.0010');
  });

  it('keeps chart axes short and round', () => {
    expect(formatMoney(12_345, { compact: true })).toBe('$12.3K');
    expect(formatMoney(2_500_000, { compact: true })).toBe('$2.5M');
    expect(formatMoney(250, { compact: true })).toBe('$250');
    expect(formatMoney(55, { compact: true })).toBe('$55');
    expect(formatMoney(0, { compact: true })).toBe('$0');
    expect(formatMoney(2.5, { compact: true })).toBe('$2.50');
    expect(formatMoney(0.5, { compact: true })).toBe('$0.50');
  });
});
