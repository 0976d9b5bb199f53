import {
  computeSloSeries,
  computeSloStatus,
  SLO_REPORTING_WINDOWS,
  SloItem,
} from '@internal/plugin-slo-common';

/**
 * An SLO item as the backend serves it, its status computed by the real maths from one
 * error ratio in every window (a burn of `burn`× the budget).
 */
export function sloItem(options: {
  service: string;
  name?: string;
  target?: number;
  burn: number | null;
  measuredAt?: string;
  error?: string;
}): SloItem {
  const target = options.target ?? 0.999;
  const ratio = options.burn === null ? Number.NaN : options.burn * (1 - target);
  const status = computeSloStatus({
    target,
    window: '30d',
    measured: {
      byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, ratio])) as never,
      wholeWindow: ratio,
    },
  });
  return {
    entityRef: `component:default/${options.service}`,
    name: options.name ?? 'availability',
    displayName: options.name === 'latency' ? 'Latency' : 'Availability',
    target,
    window: '30d',
    prometheus: 'default',
    indicator: {
      bad: `http_requests_total{service="${options.service}",code=~"5.."}`,
      total: `http_requests_total{service="${options.service}"}`,
    },
    status,
    series: computeSloSeries({
      target,
      stepMinutes: 360,
      steps: Array.from({ length: 4 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 10, 27, i * 6)),
        total: 1000,
        bad: options.burn === null ? 0 : 1000 * ratio,
      })),
    }),
    measuredAt: options.measuredAt ?? new Date().toISOString(),
    ageSeconds: 30,
    error: options.error ?? null,
    errorAt: options.error ? new Date().toISOString() : null,
  };
}
