import { DateTime } from 'luxon';
import {
  COST_UNIT_ANNOTATION,
  COST_UNIT_QUERY_ANNOTATION,
  CostAnomaliesResponse,
  UnitCostResponse,
} from '@internal/plugin-cost-common';
import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { formatMoney } from '@internal/portal-common';
import { PluginApi } from '../sources/PluginApi';
import { biggestMoves, report, unavailable, WeekContext, WeekSpan } from '../review/WeekContext';

const SOURCE = 'Cost plugin';

/**
 * The cost plugin's days are calendar days; a week covers the dates of its seven days on
 * the review's wall clock (those begun, for the running week).
 */
function weekDays(week: WeekSpan, timeZone: string): { from: string; to: string } {
  const monday = DateTime.fromJSDate(week.start, { zone: timeZone });
  return { from: monday.toISODate()!, to: monday.plus({ days: Math.max(week.days, 1) - 1 }).toISODate()! };
}

/**
 * All spend per 1,000 units of work (orders) each week, from the cost plugin's stored daily
 * cost and the units the declaring components counted; the week's cost anomalies are what
 * changed.
 */
export async function costIndicator(api: PluginApi, context: WeekContext, definition: IndicatorDefinition, unit: string): Promise<IndicatorReport> {
  const weeks = await Promise.all(
    context.weeks.map(week => {
      const { from, to } = weekDays(week, context.timeZone);
      return api.get<UnitCostResponse>('cost', `/unit-cost?unit=${encodeURIComponent(unit)}&from=${from}&to=${to}`);
    }),
  );
  const failed = weeks.find(w => !w.ok);
  if (failed && !failed.ok) return unavailable(definition, context, SOURCE, failed.reason);
  const bodies = weeks.map(w => (w.ok ? w.body : undefined)).filter((b): b is UnitCostResponse => b !== undefined);
  const current = bodies[bodies.length - 1];
  if (current.services.length === 0) {
    return {
      ...unavailable(
        definition,
        context,
        SOURCE,
        `no component declares ${COST_UNIT_ANNOTATION}: ${unit} with a ${COST_UNIT_QUERY_ANNOTATION}, so no ${unit} are counted; annotate the services that count ${unit}`,
      ),
      demo: current.demo,
    };
  }

  const { from, to } = weekDays(context.current, context.timeZone);
  const anomalies = await api.get<CostAnomaliesResponse>('cost', `/anomalies?from=${from}&to=${to}`);
  const teams = new Map<string, Array<number | null>>();
  bodies.forEach((body, i) => {
    for (const team of body.teams) {
      if (!teams.has(team.teamRef)) teams.set(team.teamRef, bodies.map(() => null));
      teams.get(team.teamRef)![i] = context.weeks[i].days > 0 ? team.costPerThousandUsd : null;
    }
  });
  const result = report(definition, context, {
    source: SOURCE,
    demo: bodies.some(b => b.demo),
    weekly: context.weeks.map((w, i) => (w.days > 0 ? bodies[i].costPerThousandUsd : null)),
    teams: { values: teams, rated: false },
    changes: anomalies.ok
      ? biggestMoves(
          anomalies.body.anomalies
            .filter(a => a.kind === 'service')
            .map(a => ({
              entityRef: a.entityRef,
              delta: a.jumpUsd,
              description: `cost anomaly on ${a.day}: ${formatMoney(a.jumpUsd, { signed: true })}${
                a.jumpPercent === null ? '' : ` (${a.jumpPercent >= 0 ? '+' : ''}${a.jumpPercent.toFixed(0)}%)`
              } against its usual day`,
            })),
        )
      : [],
  });
  if (result.value === null) {
    result.unavailableReason = `no day of this week has both every cost source's figures and the ${unit} counts stored yet (the cost plugin reads each day after it ends)`;
  }
  return result;
}
