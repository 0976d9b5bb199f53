import {
  budgetStatus,
  combineEfficiency,
  forecastMonthEnd,
  monthToDate,
  roundCents,
  unitCost,
} from './maths';
import { daysBetween } from './calendar';

const flat = (first: string, last: string, usd: number) =>
  daysBetween(first, last).map(day => ({ day, usd }));

describe('monthToDate', () => {
  it('sums only the days of the as-of month up to the as-of day', () => {
    const daily = [
      ...flat('2026-10-25', '2026-10-31', 100),
      ...flat('2026-11-01', '2026-11-12', 10),
    ];
    // 12 November days of $10; October and later days excluded.
    expect(
      monthToDate([...daily, { day: '2026-11-13', usd: 999 }], '2026-11-12'),
    ).toBe(120);
  });
});

describe('forecastMonthEnd', () => {
  it('adds the trailing seven-day run rate for the days left in the month', () => {
    // Nov has 30 days. As of the 10th: MTD = 10 × $20; last 7 days average $20; 20 days left.
    expect(
      forecastMonthEnd(flat('2026-11-01', '2026-11-10', 20), '2026-11-10'),
    ).toBe(200 + 20 * 20);
  });

  it('reaches into the previous month on the first days of a month', () => {
    // As of 2 Dec: run rate over 26 Nov..2 Dec = (5 × 70 + 2 × 0) / 7 = 50; 29 days left.
    const daily = [
      ...flat('2026-11-26', '2026-11-30', 70),
      ...flat('2026-12-01', '2026-12-02', 0),
    ];
    expect(forecastMonthEnd(daily, '2026-12-02')).toBeCloseTo(0 + 50 * 29, 9);
  });

  it('averages a new service only over the days it has existed', () => {
    // Started 9 Nov at $30/day: run rate 30, not 30 × 2 / 7.
    expect(
      forecastMonthEnd(flat('2026-11-09', '2026-11-10', 30), '2026-11-10'),
    ).toBe(60 + 30 * 20);
  });

  it('is month to date on the last day of the month', () => {
    expect(
      forecastMonthEnd(flat('2026-11-01', '2026-11-30', 5), '2026-11-30'),
    ).toBe(150);
  });

  it('is zero with no data', () => {
    expect(forecastMonthEnd([], '2026-11-10')).toBe(0);
  });
});

describe('budgetStatus', () => {
  it('tells apart already over, heading over, within and no budget', () => {
    expect(
      budgetStatus({
        monthToDateUsd: 1100,
        forecastMonthUsd: 3000,
        monthlyBudgetUsd: 1000,
      }),
    ).toBe('over');
    expect(
      budgetStatus({
        monthToDateUsd: 500,
        forecastMonthUsd: 1000.01,
        monthlyBudgetUsd: 1000,
      }),
    ).toBe('forecast-over');
    expect(
      budgetStatus({
        monthToDateUsd: 500,
        forecastMonthUsd: 1000,
        monthlyBudgetUsd: 1000,
      }),
    ).toBe('within');
    expect(
      budgetStatus({
        monthToDateUsd: 500,
        forecastMonthUsd: 1000,
        monthlyBudgetUsd: null,
      }),
    ).toBe('no-budget');
  });
});

describe('combineEfficiency', () => {
  it('weights each day by what the resource cost, like Kubecost totalEfficiency', () => {
    const result = combineEfficiency([
      { cpuCost: 30, ramCost: 10, cpuEfficiency: 0.2, ramEfficiency: 0.5 },
      { cpuCost: 10, ramCost: 10, cpuEfficiency: 0.6, ramEfficiency: null },
    ]);
    // cpu: (0.2×30 + 0.6×10) / 40 = 0.3; ram: only day one = 0.5;
    // total: (6 + 6 + 5) / (40 + 10) = 0.34
    expect(result.cpu).toBeCloseTo(0.3, 12);
    expect(result.ram).toBeCloseTo(0.5, 12);
    expect(result.total).toBeCloseTo(0.34, 12);
  });

  it('is unknown when nothing was measured', () => {
    expect(
      combineEfficiency([
        { cpuCost: 0, ramCost: 0, cpuEfficiency: 0.5, ramEfficiency: 0.5 },
      ]),
    ).toEqual({
      cpu: null,
      ram: null,
      total: null,
    });
  });
});

describe('unitCost and roundCents', () => {
  it('gives cost per thousand units, null without units', () => {
    expect(unitCost(50, 200_000, 1000)).toBe(0.25);
    expect(unitCost(50, 0, 1000)).toBeNull();
  });

  it('rounds half-cents up', () => {
    expect(roundCents(1.005)).toBe(1.01);
    expect(roundCents(0.1 + 0.2)).toBe(0.3);
  });
});
