import {
  InstantSample,
  PrometheusClient,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';

interface PrometheusEnvelope {
  status: 'success' | 'error';
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  errorType?: string;
  error?: string;
}

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
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const body = new URLSearchParams({
      query,
      time: (time.getTime() / 1000).toString(),
      timeout: `${Math.ceil(timeoutMs / 1000)}s`,
    });
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/query`;
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
    if (envelope.data.resultType !== 'vector') {
      throw new PrometheusQueryError(
        'bad_data',
        `expected an instant vector, got ${envelope.data.resultType}`,
        response.status,
      );
    }
    return envelope.data.result.map(({ metric, value }) => ({
      labels: metric,
      value: Number(value[1]),
    }));
  }
}
