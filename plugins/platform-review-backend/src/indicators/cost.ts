import { DateTime } from 'luxon';
import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { biggestMoves, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'Cost plugin';

/** The part of `GET /api/cost/anomalies?from=&to=` read here (amountUsd/usd: both spellings). */
interface CostAnomalies {
  demo: boolean;
  anomalies?: Array<{ entityRef: string; kind: 'team' | 'service'; day: string; jumpUsd: number; jumpPercent: number | null }>;
  items?: Array<{ entityRef: string; kind?: 'team' | 'service'; day: string; jumpUsd: number; jumpPercent: number | null }>;
}

/**
 * Cost per 1,000 units needs the unit's weekly throughput, which no plugin stores yet, so its
 * value is unknown; the week's cost anomalies (per service, when the cost plugin serves them)
 * are listed as what changed.
 */
export async function costIndicator(api: PluginApi, context: WeekContext, definition: IndicatorDefinition, unitMetric: string): Promise<IndicatorReport> {
  const reason = `the weekly count of the unit (Prometheus ${unitMetric}) is not stored by any plugin yet`;
  const base = unavailable(definition, context, SOURCE, reason);
  // The cost plugin's days are UTC calendar days.
  const from = DateTime.fromJSDate(context.current.start, { zone: 'utc' }).toISODate();
  const to = DateTime.fromJSDate(new Date(context.current.end.getTime() - 1), { zone: 'utc' }).toISODate();
  const result = await api.get<CostAnomalies>('cost', `/anomalies?from=${from}&to=${to}`);
  if (!result.ok) return base;
  const anomalies = result.body.anomalies ?? result.body.items ?? [];
  return {
    ...base,
    demo: !!result.body.demo,
    changes: biggestMoves(
      anomalies
        .filter(a => a.kind !== 'team')
        .map(a => ({
          entityRef: a.entityRef,
          delta: a.jumpUsd,
          description: `cost anomaly on ${a.day}: ${a.jumpUsd >= 0 ? '+' : '−'}USD ${Math.abs(a.jumpUsd).toFixed(2)}${
            a.jumpPercent === null ? '' : ` (${a.jumpPercent >= 0 ? '+' : ''}${a.jumpPercent.toFixed(0)}%)`
          } against its usual day`,
        })),
    ),
  };
}
