import {
  computeSloSeries,
  computeSloStatus,
  durationMinutes,
  ReportingWindow,
  SLO_REPORTING_WINDOWS,
  SLO_SERIES_STEPS,
  SloDefinition,
  SloSeries,
  SloStatus,
} from '@internal/plugin-slo-common';
import { PrometheusClient, RangeSeries } from '@internal/prometheus-client';
import { groupSlosIntoQueries, increaseBy, QueryGroup } from './batchQueries';

export interface SloMeasurement {
  slo: SloDefinition;
  status?: SloStatus;
  /** Burn and budget over the window; absent when only the chart query failed. */
  series?: SloSeries;
  /** Why there is no status this time (Prometheus down, a query it refused, ...). */
  error?: string;
}

export interface MeasureResult {
  measurements: SloMeasurement[];
  /** PromQL requests this refresh made: a function of selector shapes, not of services. */
  requests: number;
}

/** `sum by (label)` results as label value → number. */
async function queryByLabel(
  client: PrometheusClient,
  query: string,
  label: string,
  now: Date,
): Promise<Map<string, number>> {
  const samples = await client.instantQuery(query, now);
  return new Map(samples.map(s => [s.labels[label] ?? '', s.value]));
}

async function measureGroup(
  group: QueryGroup,
  client: PrometheusClient,
  now: Date,
  countRequest: () => void,
): Promise<SloMeasurement[]> {
  const sloWindows = new Set(
    [...group.members.values()].flat().map(slo => slo.window),
  );
  const windows = [...SLO_REPORTING_WINDOWS, ...sloWindows];
  const ratios = new Map<string, Map<string, number>>();
  for (const window of new Set(windows)) {
    countRequest();
    countRequest();
    const [badOrGood, total] = await Promise.all([
      queryByLabel(client, increaseBy(group.bad, group.batchLabel, window), group.batchLabel, now),
      queryByLabel(client, increaseBy(group.total, group.batchLabel, window), group.batchLabel, now),
    ]);
    const byValue = new Map<string, number>();
    for (const value of group.members.keys()) {
      const all = total.get(value);
      const counted = badOrGood.get(value);
      // Missing series or no traffic: NaN, which the status reports as no data.
      if (all === undefined || counted === undefined || !(all > 0)) {
        byValue.set(value, Number.NaN);
        continue;
      }
      const bad = group.badIsComplement ? all - counted : counted;
      byValue.set(value, Math.min(1, Math.max(0, bad / all)));
    }
    ratios.set(window, byValue);
  }
  const seriesByWindow = new Map<string, Map<string, SloSeriesInput> | undefined>();
  for (const window of sloWindows) {
    countRequest();
    countRequest();
    seriesByWindow.set(window, await queryWindowSeries(group, client, window, now));
  }
  return [...group.members.entries()].flatMap(([value, slos]) =>
    slos.map(slo => ({
      slo,
      series: seriesFor(slo, seriesByWindow.get(slo.window)?.get(value)),
      status: computeSloStatus({
        target: slo.target,
        window: slo.window,
        measured: {
          byWindow: Object.fromEntries(
            SLO_REPORTING_WINDOWS.map(w => [w, ratios.get(w)!.get(value)!]),
          ) as Record<ReportingWindow, number>,
          wholeWindow: ratios.get(slo.window)!.get(value)!,
        },
      }),
    })),
  );
}

interface SloSeriesInput {
  stepMinutes: number;
  steps: Array<{ at: Date; bad: number; total: number }>;
}

/**
 * Per-step bad and total counts over one SLO window for every member of the group, in two
 * range queries. A chart is not worth failing the SLO over: on error there is no series
 * this time and the store keeps the previous one.
 */
async function queryWindowSeries(
  group: QueryGroup,
  client: PrometheusClient,
  window: string,
  now: Date,
): Promise<Map<string, SloSeriesInput> | undefined> {
  const stepMinutes = Math.max(1, Math.round(durationMinutes(window) / SLO_SERIES_STEPS));
  const range = {
    start: new Date(now.getTime() - (SLO_SERIES_STEPS - 1) * stepMinutes * 60_000),
    end: now,
    stepSeconds: stepMinutes * 60,
  };
  let badOrGood: RangeSeries[];
  let total: RangeSeries[];
  try {
    [badOrGood, total] = await Promise.all([
      client.rangeQuery(increaseBy(group.bad, group.batchLabel, `${stepMinutes}m`), range),
      client.rangeQuery(increaseBy(group.total, group.batchLabel, `${stepMinutes}m`), range),
    ]);
  } catch {
    return undefined;
  }
  const byValue = (series: RangeSeries[]) =>
    new Map(
      series.map(s => [
        s.labels[group.batchLabel] ?? '',
        new Map(s.points.map(p => [p.at.getTime(), p.value])),
      ]),
    );
  const counted = byValue(badOrGood);
  const totals = byValue(total);
  const result = new Map<string, SloSeriesInput>();
  for (const value of group.members.keys()) {
    const steps = [];
    for (let i = 0; i < SLO_SERIES_STEPS; i++) {
      const at = range.start.getTime() + i * range.stepSeconds * 1000;
      const all = totals.get(value)?.get(at) ?? 0;
      const countedHere = counted.get(value)?.get(at) ?? (group.badIsComplement ? all : 0);
      const bad = group.badIsComplement ? all - countedHere : countedHere;
      steps.push({ at: new Date(at), bad: Math.max(0, Math.min(all, bad)), total: all });
    }
    result.set(value, { stepMinutes, steps });
  }
  return result;
}

function seriesFor(slo: SloDefinition, input: SloSeriesInput | undefined): SloSeries | undefined {
  return input && computeSloSeries({ target: slo.target, ...input });
}

/**
 * Measures every SLO with batched queries against its Prometheus. A Prometheus that is
 * down or refuses a query only marks its own SLOs with an error; the caller keeps their
 * last good status.
 */
export async function measureSlos(options: {
  slos: SloDefinition[];
  clients: Record<string, PrometheusClient>;
  batchLabel: string;
  now: Date;
}): Promise<MeasureResult> {
  const counter = { requests: 0 };
  const countRequest = () => {
    counter.requests++;
  };
  const { groups, unbatchable } = groupSlosIntoQueries(options.slos, options.batchLabel);
  const measurements: SloMeasurement[] = unbatchable.map(({ slo, reason }) => ({
    slo,
    error: `Cannot measure ${slo.name}: ${reason}`,
  }));
  for (const group of groups) {
    const client = options.clients[group.prometheus];
    const members = [...group.members.values()].flat();
    if (!client) {
      measurements.push(
        ...members.map(slo => ({
          slo,
          error: `No Prometheus named "${group.prometheus}" is configured (slo.prometheus in app-config.yaml)`,
        })),
      );
      continue;
    }
    try {
      measurements.push(...(await measureGroup(group, client, options.now, countRequest)));
    } catch (error) {
      measurements.push(...members.map(slo => ({ slo, error: (error as Error).message })));
    }
  }
  return { measurements, requests: counter.requests };
}
