import {
  InstantSample,
  PrometheusClient,
  RangeSeries,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';

interface PrometheusEnvelope {
  status: 'success' | 'error';
  data?: { resultType: string; result: unknown[] };
  errorType?: string;
  error?: string;
}

type VectorResult = Array<{ metric: Record<string, string>; value: [number, string] }>;
type MatrixResult = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

const unixSeconds = (date: Date) => (date.getTime() / 1000).toString();

/**
 * Talks to one Prometheus over its HTTP API. Queries go as form-encoded POSTs, so long
 * batched PromQL is not limited by URL length; `timeout` is sent to Prometheus and also
 * bounds the HTTP call.
 */
export class PrometheusHttpClient implements PrometheusClient {
  constructor(
    private readonly options: {
      baseUrl: string;
      timeoutMs?: number;
      headers?: Record<string, string>;
      fetchFn?: typeof fetch;
    },
  ) {}

  async instantQuery(query: string, time: Date): Promise<InstantSample[]> {
    const result = (await this.post('query', 'vector', { query, time: unixSeconds(time) })) as VectorResult;
    return result.map(({ metric, value }) => ({ labels: metric, value: Number(value[1]) }));
  }

  async rangeQuery(
    query: string,
    range: { start: Date; end: Date; stepSeconds: number },
  ): Promise<RangeSeries[]> {
    const result = (await this.post('query_range', 'matrix', {
      query,
      start: unixSeconds(range.start),
      end: unixSeconds(range.end),
      step: range.stepSeconds.toString(),
    })) as MatrixResult;
    return result.map(({ metric, values }) => ({
      labels: metric,
      points: values.map(([at, value]) => ({ at: new Date(at * 1000), value: Number(value) })),
    }));
  }

  private async post(
    endpoint: 'query' | 'query_range',
    expectedType: 'vector' | 'matrix',
    params: Record<string, string>,
  ): Promise<unknown[]> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const body = new URLSearchParams({ ...params, timeout: `${Math.ceil(timeoutMs / 1000)}s` });
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/${endpoint}`;
    let response: Response;
    try {
      response = await (this.options.fetchFn ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...this.options.headers },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} did not answer: ${(error as Error).message}`,
        { cause: error },
      );
    }

    let envelope: PrometheusEnvelope;
    try {
      envelope = (await response.json()) as PrometheusEnvelope;
    } catch {
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} answered HTTP ${response.status} without its JSON envelope`,
      );
    }
    if (envelope.status !== 'success' || !envelope.data) {
      const errorType = envelope.errorType ?? 'unknown';
      const message = `Prometheus refused the query (${errorType}): ${envelope.error ?? `HTTP ${response.status}`}`;
      if (errorType === 'timeout' || errorType === 'unavailable' || response.status === 503) {
        throw new PrometheusUnavailableError(message);
      }
      throw new PrometheusQueryError(errorType, message, response.status);
    }
    if (envelope.data.resultType !== expectedType) {
      throw new PrometheusQueryError(
        'bad_data',
        `expected ${expectedType === 'vector' ? 'an instant vector' : 'a range matrix'}, got ${envelope.data.resultType}`,
        response.status,
      );
    }
    return envelope.data.result;
  }
}
