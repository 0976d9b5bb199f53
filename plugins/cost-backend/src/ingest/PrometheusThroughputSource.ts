import { addDays } from '@internal/plugin-cost-common';
import {
  InstantSample,
  PrometheusClient,
  PrometheusHttpClient,
} from '@internal/prometheus-client';
import { ThroughputSource } from './ThroughputSource';
import { CostEntity } from './readCostEntities';

/**
 * Evaluates the component's COST_UNIT_QUERY_ANNOTATION (e.g.
 * `sum(increase(http_requests_total{service="cart-service"}[1d]))`) at the end of the day.
 */
export class PrometheusThroughputSource implements ThroughputSource {
  private readonly client: PrometheusClient;

  constructor(options: {
    baseUrl: string;
    timeoutMs: number;
    headers?: Record<string, string>;
  }) {
    this.client = new PrometheusHttpClient(options);
  }

  async unitsOnDay(service: CostEntity, day: string): Promise<number | null> {
    if (!service.unitQuery) return null;
    const endOfDay = new Date(`${addDays(day, 1)}T00:00:00Z`);
    let samples: InstantSample[];
    try {
      samples = await this.client.instantQuery(service.unitQuery, endOfDay);
    } catch (error) {
      // The client's message names the Prometheus; this one adds whose query it was.
      throw new Error(
        `The unit query of ${service.entityRef} failed: ${
          (error as Error).message
        }`,
        { cause: error },
      );
    }
    // A day without samples is an empty vector, or NaN when the query is wrapped in scalar().
    const units = samples[0]?.value;
    return units !== undefined && Number.isFinite(units) ? units : null;
  }
}
