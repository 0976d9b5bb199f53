import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { FactValue } from '@internal/plugin-scorecards-common';
import { readPluginFacts, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';

type Priority = 'emergency' | 'alert' | 'critical' | 'error' | 'warning' | 'notice' | 'informational' | 'debug';

/** `GET /api/falco/facts`, as the scorecard facts contract defines it. */
export interface FalcoFactsResponse {
  demo: boolean;
  generatedAt: string;
  items: Array<{
    entityRef: string;
    alertsLast7Days: Record<Priority, number>;
    lastEventAt: string | null;
  }>;
}

/**
 * Facts per component from Falco runtime alerts. The plugin lists only components with an
 * event in retention, so an absent component had none: zero alerts, not unknown.
 */
export function createFalcoFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'falco',
    title: 'Falco plugin',
    facts: {
      'falco.criticalOrWorseLast7Days': {
        type: 'number',
        description: 'Falco alerts of priority Critical, Alert or Emergency in the last 7 days (today and the six UTC days before it, as on the service card).',
      },
      'falco.alertsLast7Days': { type: 'number', description: 'Falco alerts of any priority in the last 7 days (today and the six UTC days before it, as on the service card).' },
    },
    async retrieve(entities) {
      const body = await readPluginFacts<FalcoFactsResponse>({ ...deps, pluginId: 'falco', path: '/facts' });
      const values = new Map<string, Record<string, FactValue>>();
      for (const entity of entities) {
        values.set(stringifyEntityRef(entity), {
          'falco.criticalOrWorseLast7Days': 0,
          'falco.alertsLast7Days': 0,
        });
      }
      for (const item of body.items) {
        const a = item.alertsLast7Days;
        values.set(item.entityRef, {
          'falco.criticalOrWorseLast7Days': a.emergency + a.alert + a.critical,
          'falco.alertsLast7Days': Object.values(a).reduce((sum, n) => sum + n, 0),
        });
      }
      return { values, demo: body.demo, asOf: body.generatedAt };
    },
  };
}
