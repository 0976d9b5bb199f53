import {
  InstantSample,
  PrometheusClient,
  RangeSeries,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';
import { withoutCredentials } from './withoutCredentials';

type ResultType = 'vector' | 'scalar' | 'matrix' | 'string';

interface PrometheusEnvelope {
  status: 'success' | 'error';
  data?: { resultType: ResultType; result: unknown };
  errorType?: string;
  error?: string;
}

type VectorResult = Array<{
  metric: Record<string, string>;
  value: [number, string];
}>;
type ScalarResult = [number, string];
type MatrixResult = Array<{
  metric: Record<string, string>;
  values: Array<[number, string]>;
}>;

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
    const { resultType, result } = await this.post(
      'query',
      ['vector', 'scalar'],
      {
        query,
        time: unixSeconds(time),
      },
    );
    if (resultType === 'scalar') {
      // `scalar(...)` answers even when nothing matched, with NaN; callers treat it like any sample.
      return [{ labels: {}, value: Number((result as ScalarResult)[1]) }];
    }
    return (result as VectorResult).map(({ metric, value }) => ({
      labels: metric,
      value: Number(value[1]),
    }));
  }

  async rangeQuery(
    query: string,
    range: { start: Date; end: Date; stepSeconds: number },
  ): Promise<RangeSeries[]> {
    const { result } = await this.post('query_range', ['matrix'], {
      query,
      start: unixSeconds(range.start),
      end: unixSeconds(range.end),
      step: range.stepSeconds.toString(),
    });
    return (result as MatrixResult).map(({ metric, values }) => ({
      labels: metric,
      points: values.map(([at, value]) => ({
        at: new Date(at * 1000),
        value: Number(value),
      })),
    }));
  }

  private async post(
    endpoint: 'query' | 'query_range',
    expectedTypes: ResultType[],
    params: Record<string, string>,
  ): Promise<{ resultType: ResultType; result: unknown }> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const body = new URLSearchParams({
      ...params,
      timeout: `${Math.ceil(timeoutMs / 1000)}s`,
    });
    const url = `${this.options.baseUrl.replace(/\/$/, '')}/api/v1/${endpoint}`;
    let response: Response;
    try {
      response = await (this.options.fetchFn ?? fetch)(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          ...this.options.headers,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${timeoutMs} ms`
          : (error as Error).message;
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} did not answer: ${reason}`,
        {
          cause: error,
        },
      );
    }

    let envelope: PrometheusEnvelope;
    try {
      envelope = (await response.json()) as PrometheusEnvelope;
    } catch {
      // A proxy or load balancer in front of Prometheus answering with its own (HTML) error page.
      const contentType =
        response.headers.get('content-type') ?? 'no content type';
      throw new PrometheusUnavailableError(
        `Prometheus at ${this.options.baseUrl} answered HTTP ${response.status} (${contentType}) without its JSON envelope`,
      );
    }
    if (envelope.status !== 'success' || !envelope.data) {
      const errorType = envelope.errorType ?? 'unknown';
      const message = `Prometheus at ${
        this.options.baseUrl
      } refused the query (${errorType}): ${
        envelope.error
          ? withoutCredentials(envelope.error, this.options.headers)
          : `HTTP ${response.status}`
      }`;
      if (
        errorType === 'timeout' ||
        errorType === 'unavailable' ||
        response.status === 503
      ) {
        throw new PrometheusUnavailableError(message);
      }
      throw new PrometheusQueryError(errorType, message, response.status);
    }
    const { resultType, result } = envelope.data;
    if (!expectedTypes.includes(resultType)) {
      throw new PrometheusQueryError(
        'bad_data',
        `Prometheus at ${
          this.options.baseUrl
        } answered with a ${resultType}; expected ${expectedTypes.join(
          ' or ',
        )}`,
        response.status,
      );
    }
    return { resultType, result };
  }
}
