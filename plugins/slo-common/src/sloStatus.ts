import { MULTI_WINDOW_BURN_RATE_ALERTS } from './burnRateAlerts';
import { durationMinutes, ReportingWindow, SLO_REPORTING_WINDOWS } from './sloWindows';

/** Error ratios as measured: bad / total events per window. NaN when there was no traffic. */
export interface MeasuredErrorRatios {
  byWindow: Record<ReportingWindow, number>;
  /** Over the SLO's whole rolling window (e.g. 30d). */
  wholeWindow: number;
}

export interface WindowBurn {
  window: ReportingWindow;
  /** null: no traffic in the window, so no ratio (never reported as 0% or 100%). */
  errorRatio: number | null;
  /** errorRatio / (1 − target): 1 spends the budget exactly over the SLO window. */
  burnRate: number | null;
}

export interface BurnRateAlertStatus {
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  factor: number;
  /** Fires only when both windows burn at least `factor`; null without data. */
  firing: boolean | null;
}

export type SloAlertState = 'page' | 'ticket' | 'ok' | 'no-data';

export interface SloStatus {
  windows: WindowBurn[];
  wholeWindow: WindowBurn & { window: string };
  /** Share of the error budget left over the SLO window; below 0 once exhausted. */
  budgetRemaining: number | null;
  /** The same in minutes of total outage the budget still allows. */
  budgetRemainingMinutes: number | null;
  budgetExhausted: boolean;
  alerts: BurnRateAlertStatus[];
  alertState: SloAlertState;
  /** At the current (1h) burn rate; null when not burning or without data. */
  minutesUntilExhausted: number | null;
}

const orNull = (value: number) => (Number.isFinite(value) ? value : null);

/** Burn rates are quotients of decimals (0.0144 / 0.001 = 14.399999999999999 in binary). */
const BURN_RATE_TOLERANCE = 1e-9;

/**
 * A budget left within this of zero is spent: counters extrapolated by `increase()` leave
 * float noise (2e-13 left) that must not decide whether deploys freeze.
 */
export const BUDGET_SPENT_TOLERANCE = 1e-9;

/**
 * Everything the portal shows about one SLO, from its target (a ratio, e.g. 0.999),
 * its rolling window (e.g. `30d`) and the measured error ratios.
 */
export function computeSloStatus(input: {
  target: number;
  window: string;
  measured: MeasuredErrorRatios;
}): SloStatus {
  const budget = Number((1 - input.target).toPrecision(12));
  const windowMinutes = durationMinutes(input.window);
  const burn = (ratio: number) => ({
    errorRatio: orNull(ratio),
    burnRate: orNull(ratio / budget),
  });
  const windows = SLO_REPORTING_WINDOWS.map(window => ({
    window,
    ...burn(input.measured.byWindow[window]),
  }));
  const burnOf = (window: string) => windows.find(w => w.window === window)?.burnRate ?? null;

  const alerts = MULTI_WINDOW_BURN_RATE_ALERTS.map(alert => {
    const long = burnOf(alert.longWindow);
    const short = burnOf(alert.shortWindow);
    return {
      ...alert,
      firing:
        long === null || short === null
          ? null
          : long >= alert.factor - BURN_RATE_TOLERANCE &&
            short >= alert.factor - BURN_RATE_TOLERANCE,
    };
  });
  const firing = (severity: 'page' | 'ticket') =>
    alerts.some(a => a.severity === severity && a.firing === true);
  let alertState: SloAlertState = 'ok';
  if (firing('page')) alertState = 'page';
  else if (firing('ticket')) alertState = 'ticket';
  else if (alerts.every(a => a.firing === null)) alertState = 'no-data';

  const whole = burn(input.measured.wholeWindow);
  const left = whole.burnRate === null ? null : 1 - whole.burnRate;
  // Spent to zero within the tolerance is spent, and reads as 0% left.
  const budgetRemaining =
    left !== null && Math.abs(left) <= BUDGET_SPENT_TOLERANCE ? 0 : left;
  const currentBurn = burnOf('1h');
  let minutesUntilExhausted: number | null = null;
  if (budgetRemaining !== null && budgetRemaining <= 0) {
    minutesUntilExhausted = 0;
  } else if (budgetRemaining !== null && currentBurn !== null && currentBurn > 0) {
    // Burning at rate b spends b / windowMinutes of the budget per minute.
    minutesUntilExhausted = (budgetRemaining * windowMinutes) / currentBurn;
  }

  return {
    windows,
    wholeWindow: { window: input.window, ...whole } as SloStatus['wholeWindow'],
    budgetRemaining,
    budgetRemainingMinutes: budgetRemaining === null ? null : budgetRemaining * budget * windowMinutes,
    budgetExhausted: budgetRemaining !== null && budgetRemaining <= 0,
    alerts,
    alertState,
    minutesUntilExhausted,
  };
}
