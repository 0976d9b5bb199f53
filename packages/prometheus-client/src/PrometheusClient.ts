/**
 * One series of an instant vector: its labels and its value at the query time. A scalar
 * result (e.g. `scalar(sum(...))`) comes as a single sample without labels.
 */
export interface InstantSample {
  labels: Record<string, string>;
  /** Prometheus sends values as strings; NaN and ±Inf are possible (e.g. 0/0 ratios). */
  value: number;
}

/** One series of a range vector: its labels and its values at each step. */
export interface RangeSeries {
  labels: Record<string, string>;
  points: Array<{ at: Date; value: number }>;
}

/** The part of the Prometheus HTTP API the backend plugins use. */
export interface PrometheusClient {
  /** `POST /api/v1/query`: evaluates `query` at `time` and returns the instant vector (or scalar). */
  instantQuery(query: string, time: Date): Promise<InstantSample[]>;
  /** `POST /api/v1/query_range`: evaluates `query` at every step from `start` to `end`. */
  rangeQuery(
    query: string,
    range: { start: Date; end: Date; stepSeconds: number },
  ): Promise<RangeSeries[]>;
}

/** Prometheus answered, but refused or failed the query (its `errorType` and `error`). */
export class PrometheusQueryError extends Error {
  constructor(
    readonly errorType: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'PrometheusQueryError';
  }
}

/** Prometheus could not be reached, or did not answer in time. */
export class PrometheusUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PrometheusUnavailableError';
  }
}
