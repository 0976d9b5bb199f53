/** One counter: how much it grows in each sample interval, and when its process restarted. */
export interface CounterShape {
  metric: string;
  labels: Record<string, string>;
  /** Growth in the interval ending at `t` (unix seconds). */
  increment(t: number): number;
  /** Unix seconds at which the process restarted: the counter drops to zero there. */
  resetAt?: number[];
}

/** Requests per sample interval for one service, as a function of the sample's time. */
export interface TrafficShape {
  service: string;
  /** Requests served in the interval ending at `t` (unix seconds): all, and those that failed. */
  requests(t: number): { total: number; failed: number };
  /** Unix seconds at which the process restarted: both counters drop to zero there. */
  resetAt?: number[];
}

export interface GeneratedSeries {
  metric: string;
  labels: Record<string, string>;
  samples: Array<[number, number]>;
}

export interface SampleRange {
  start: number;
  end: number;
  step: number;
}

/**
 * One sample every `step` seconds from `start` to `end` inclusive per counter. At a reset
 * the counter restarts from zero and then counts that interval's increment.
 */
export function generateCounters(
  shapes: CounterShape[],
  range: SampleRange,
): GeneratedSeries[] {
  return shapes.map(shape => {
    const samples: Array<[number, number]> = [];
    let count = 0;
    for (let t = range.start; t <= range.end; t += range.step) {
      if (shape.resetAt?.includes(t)) count = 0;
      count += shape.increment(t);
      samples.push([t, count]);
    }
    return { metric: shape.metric, labels: shape.labels, samples };
  });
}

/**
 * `<metric>{service, code="200"|"500"}` counters (by default `http_requests_total`)
 * following each service's traffic shape.
 */
export function generateRequestCounters(
  shapes: TrafficShape[],
  range: SampleRange,
  metric = 'http_requests_total',
): GeneratedSeries[] {
  return generateCounters(
    shapes.flatMap(shape => [
      {
        metric,
        labels: { service: shape.service, code: '200' },
        increment: (t: number) => {
          const { total, failed } = shape.requests(t);
          return total - failed;
        },
        resetAt: shape.resetAt,
      },
      {
        metric,
        labels: { service: shape.service, code: '500' },
        increment: (t: number) => shape.requests(t).failed,
        resetAt: shape.resetAt,
      },
    ]),
    range,
  );
}

/**
 * What `increase(series[W])` evaluated at `end` gives on Prometheus 2.x, whose range
 * selectors include the sample at exactly `end - W`: with samples on both edges nothing
 * is extrapolated, so this is the exact sum of increments, counter resets included.
 */
export function expectedIncrease(
  series: GeneratedSeries,
  end: number,
  windowSeconds: number,
) {
  const inWindow = series.samples.filter(
    ([t]) => t >= end - windowSeconds && t <= end,
  );
  let increase = 0;
  for (let i = 1; i < inWindow.length; i++) {
    const [, previous] = inWindow[i - 1];
    const [, current] = inWindow[i];
    increase += current >= previous ? current - previous : current;
  }
  return increase;
}
