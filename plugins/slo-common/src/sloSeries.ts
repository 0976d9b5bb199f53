/** One point of an SLO's history over its rolling window, for charts. */
export interface SloSeriesPoint {
  /** End of the step, ISO 8601. */
  at: string;
  /** Burn rate over the step ending here; null without traffic. */
  burnRate: number | null;
  /** Share of the window's error budget still left at this point; null without traffic. */
  budgetRemaining: number | null;
}

export interface SloSeries {
  stepMinutes: number;
  points: SloSeriesPoint[];
}

/** How many steps an SLO's window is charted in (30d → 6h steps). */
export const SLO_SERIES_STEPS = 120;

/**
 * Burn and budget consumption over the window from per-step bad and total counts, oldest
 * first. Budget remaining at a step is what the window's budget would have left had the
 * window ended there: 1 − cumulative bad / (allowed error ratio × the window's total).
 * Before the first step with traffic (a service created within the window) there is
 * nothing to chart: null, not a full budget.
 */
export function computeSloSeries(input: {
  target: number;
  stepMinutes: number;
  steps: Array<{ at: Date; bad: number; total: number }>;
}): SloSeries {
  const budget = Number((1 - input.target).toPrecision(12));
  const windowTotal = input.steps.reduce((sum, s) => sum + s.total, 0);
  let cumulativeBad = 0;
  let cumulativeTotal = 0;
  const points = input.steps.map(step => {
    cumulativeBad += step.bad;
    cumulativeTotal += step.total;
    return {
      at: step.at.toISOString(),
      burnRate: step.total > 0 ? step.bad / step.total / budget : null,
      budgetRemaining: cumulativeTotal > 0 ? 1 - cumulativeBad / (budget * windowTotal) : null,
    };
  });
  return { stepMinutes: input.stepMinutes, points };
}
