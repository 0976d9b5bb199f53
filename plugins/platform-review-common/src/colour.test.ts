import { rate } from './colour';

describe('rate', () => {
  it('rates a higher-is-better indicator against 20 deploys/day', () => {
    expect(rate(25, 20, 'higherIsBetter')).toBe('green');
    expect(rate(20, 20, 'higherIsBetter')).toBe('green');
    expect(rate(16, 20, 'higherIsBetter')).toBe('amber');
    expect(rate(15.9, 20, 'higherIsBetter')).toBe('red');
  });

  it('rates a lower-is-better indicator against USD 0.40', () => {
    expect(rate(0.4, 0.4, 'lowerIsBetter')).toBe('green');
    expect(rate(0.48, 0.4, 'lowerIsBetter')).toBe('amber');
    expect(rate(0.49, 0.4, 'lowerIsBetter')).toBe('red');
  });

  it('has no amber band around a target of 0', () => {
    expect(rate(0, 0, 'lowerIsBetter')).toBe('green');
    expect(rate(1, 0, 'lowerIsBetter')).toBe('red');
  });

  it('is unknown without a value', () => {
    expect(rate(null, 10, 'lowerIsBetter')).toBe('unknown');
  });
});
