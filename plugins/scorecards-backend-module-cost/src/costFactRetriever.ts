import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { FactValue } from '@internal/plugin-scorecards-common';
import { readPluginFacts, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';

/** `GET /api/cost/facts`, as the scorecard facts contract defines it. */
export interface CostFactsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  items: Array<{
    entityRef: string;
    kind: 'service' | 'team';
    monthToDateUsd: number;
    forecastMonthUsd: number;
    monthlyBudgetUsd: number | null;
    overBudget: boolean | null;
  }>;
}

/** Facts per service (and team) from the cost plugin; a service's budget is its team's. */
export function createCostFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'cost',
    title: 'Cost plugin',
    facts: {
      'cost.withinBudget': {
        type: 'boolean',
        description: "The owning team's forecast for this month is within its monthly budget; no value without a budget.",
      },
      'cost.forecastMonthUsd': { type: 'number', description: "The service's forecast cost for this month, in USD." },
    },
    async retrieve() {
      const body = await readPluginFacts<CostFactsResponse>({ ...deps, pluginId: 'cost', path: '/facts' });
      if (body.asOf === null && body.lastError) {
        // Nothing has ever been read: there are no values to score against.
        throw new Error(body.lastError);
      }
      const values = new Map<string, Record<string, FactValue>>();
      for (const item of body.items) {
        values.set(item.entityRef, {
          'cost.withinBudget': item.overBudget === null ? null : !item.overBudget,
          'cost.forecastMonthUsd': item.forecastMonthUsd,
        });
      }
      return { values, demo: body.demo, asOf: body.asOf, lastError: body.lastError };
    },
  };
}
