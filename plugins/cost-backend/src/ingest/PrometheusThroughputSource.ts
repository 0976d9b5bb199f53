import { addDays } from '@internal/plugin-cost-common';
import { ThroughputSource } from './ThroughputSource';
import { CostEntity } from './readCostEntities';

/**
 * Evaluates the component's COST_UNIT_QUERY_ANNOTATION (e.g.
 * `sum(increase(http_requests_total{service="cart-service"}[1d]))`) at the end of the day.
 */
export class PrometheusThroughputSource implements ThroughputSource {
  constructor(
    private readonly options: {
      baseUrl: string;
      timeoutMs: number;
      headers?: Record<string, string>;
    },
  ) {}

  async unitsOnDay(service: CostEntity, day: string): Promise<number | null> {
    if (!service.unitQuery) return null;
    const time = Date.parse(`${addDays(day, 1)}T00:00:00Z`) / 1000;
    const params = new URLSearchParams({
      query: service.unitQuery,
      time: String(time),
    });
    const response = await fetch(
      `${this.options.baseUrl.replace(/\/+$/, '')}/api/v1/query`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...this.options.headers,
        },
        body: params,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      },
    );
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: Array<{ value?: [number, string] }> | [number, string];
      };
    };
    if (body.status !== 'success' || !body.data) {
      throw new Error(
        `Prometheus at ${this.options.baseUrl} rejected the unit query of ${
          service.entityRef
        }: ${body.error ?? response.status}`,
      );
    }
    const { resultType, result } = body.data;
    const raw =
      resultType === 'scalar'
        ? (result as [number, string])[1]
        : (result as Array<{ value?: [number, string] }>)[0]?.value?.[1];
    const units = raw === undefined ? NaN : Number(raw);
    return Number.isFinite(units) ? units : null;
  }
}
