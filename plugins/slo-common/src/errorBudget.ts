/** SLO targets a service may declare, in percent. */
export const SLO_TARGET_MIN_PERCENT = 90;
export const SLO_TARGET_MAX_PERCENT = 99.999;

/**
 * Writes a ratio as a short decimal string. Float arithmetic makes 1 - 0.999 into
 * 0.0010000000000000009; PromQL thresholds and YAML should read 0.001.
 */
export function formatRatio(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** The error budget of a target given in percent: 99.9 → 0.001. */
export function errorBudget(targetPercent: number): number {
  return Number(((100 - targetPercent) / 100).toPrecision(10));
}

/** The error ratio at which an alert with burn-rate `factor` fires. */
export function burnRateThreshold(factor: number, targetPercent: number): number {
  return Number((factor * errorBudget(targetPercent)).toPrecision(10));
}
