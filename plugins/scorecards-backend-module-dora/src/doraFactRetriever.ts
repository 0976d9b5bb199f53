import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { FactValue } from '@internal/plugin-scorecards-common';
import { readPluginFacts, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';

/** `GET /api/dora/facts`, as the scorecard facts contract defines it. */
export interface DoraFactsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  items: Array<{
    entityRef: string;
    deploysLast7Days: number;
    deploysPerWeek28d: number;
    lastDeployAt: string | null;
    tier: 'elite' | 'high' | 'medium' | 'low' | null;
  }>;
}

/** Facts per component from the DORA plugin's deployment history. */
export function createDoraFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'dora',
    title: 'DORA plugin',
    facts: {
      'dora.deploysPerWeek28d': {
        type: 'number',
        description: 'Production deploys per week, averaged over the last 28 days.',
      },
      'dora.deploysLast7Days': { type: 'number', description: 'Production deploys in the last 7 days.' },
      'dora.tier': {
        type: 'string',
        description: 'DORA deployment-frequency tier: elite, high, medium or low.',
      },
    },
    async retrieve() {
      const body = await readPluginFacts<DoraFactsResponse>({ ...deps, pluginId: 'dora', path: '/facts' });
      if (body.asOf === null && body.lastError) throw new Error(body.lastError);
      const values = new Map<string, Record<string, FactValue>>();
      for (const item of body.items) {
        values.set(item.entityRef, {
          'dora.deploysPerWeek28d': item.deploysPerWeek28d,
          'dora.deploysLast7Days': item.deploysLast7Days,
          'dora.tier': item.tier,
        });
      }
      // Components DORA does not track (no repository mapped) stay without values: unknown.
      return { values, demo: body.demo, asOf: body.asOf, lastError: body.lastError };
    },
  };
}
