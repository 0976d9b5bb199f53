import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { FactValue } from '@internal/plugin-scorecards-common';
import { readPluginFacts, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import { SloDefinition, SloStatus } from '@internal/plugin-slo-common';

/** One item of `GET /api/slo/slos` (plugins/slo-backend/src/service/createRouter.ts). */
export type SloItem = SloDefinition & {
  status: SloStatus | null;
  measuredAt: string | null;
  error: string | null;
};

/** Facts per component from the SLO plugin's stored statuses (it never waits on Prometheus). */
export function createSloFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'slo',
    title: 'SLO plugin',
    facts: {
      'slo.defined': {
        type: 'boolean',
        description: 'The component has at least one SLO (devportal.io/openslo document).',
      },
      'slo.budgetLeft': {
        type: 'boolean',
        description:
          'Every SLO of the component has error budget left over its window; false when none is defined or any is exhausted, no value while an SLO has no measurement.',
      },
      'slo.minBudgetRemaining': {
        type: 'number',
        description: 'The smallest share of error budget left (1 = untouched, below 0 = overspent) over its measured SLOs.',
      },
      'slo.paging': {
        type: 'boolean',
        description: 'A multi-window burn-rate alert at page severity is firing on one of its SLOs.',
      },
    },
    async retrieve() {
      const { items } = await readPluginFacts<{ items: SloItem[] }>({
        ...deps,
        pluginId: 'slo',
        path: '/slos',
      });
      const byEntity = new Map<string, SloItem[]>();
      for (const item of items) {
        const list = byEntity.get(item.entityRef) ?? [];
        list.push(item);
        byEntity.set(item.entityRef, list);
      }
      const values = new Map<string, Record<string, FactValue>>();
      for (const [entityRef, slos] of byEntity) values.set(entityRef, sloFacts(slos));
      const measured = items.map(i => i.measuredAt).filter((t): t is string => t !== null).sort();
      const failing = items.filter(i => i.error);
      return {
        // Components without SLOs answer too: they are absent from the list.
        values: withDefault(values, { 'slo.defined': false, 'slo.budgetLeft': false }),
        asOf: measured.at(-1) ?? null,
        lastError: failing.length
          ? `${failing.length} of ${items.length} SLOs failed to refresh, e.g. ${failing[0].entityRef} ${failing[0].name}: ${failing[0].error}`
          : null,
      };
    },
  };
}

/** Facts for one component from its SLOs (at least one). */
export function sloFacts(slos: SloItem[]): Record<string, FactValue> {
  const budgets = slos.map(s => s.status?.budgetRemaining ?? null);
  const measured = budgets.filter((b): b is number => b !== null);
  const exhausted = slos.some(s => s.status?.budgetExhausted === true);
  let budgetLeft: boolean | null = true;
  if (exhausted) budgetLeft = false;
  else if (measured.length < slos.length) budgetLeft = null;
  return {
    'slo.defined': true,
    'slo.budgetLeft': budgetLeft,
    'slo.minBudgetRemaining': measured.length ? Math.min(...measured) : null,
    'slo.paging': slos.some(s => s.status?.alertState === 'page')
      ? true
      : slos.every(s => s.status)
        ? false
        : null,
  };
}

/** A map that answers `fallback` for entities it has no entry for. */
function withDefault(
  values: Map<string, Record<string, FactValue>>,
  fallback: Record<string, FactValue>,
): Map<string, Record<string, FactValue>> {
  return new (class extends Map<string, Record<string, FactValue>> {
    get(key: string) {
      return super.get(key) ?? fallback;
    }
  })(values);
}
