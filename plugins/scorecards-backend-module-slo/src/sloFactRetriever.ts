import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { FactValue } from '@internal/plugin-scorecards-common';
import { readPluginFacts, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import { declaresSlos, FreezeListResponse, SloItem, SloListResponse } from '@internal/plugin-slo-common';

/**
 * Measured facts per component from the SLO plugin's stored statuses (it never waits on
 * Prometheus). Whether a component has SLOs at all is `slo.defined`, read from the catalog by
 * `createSloDeclarationFactRetriever`.
 */
export function createSloFactRetriever(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'slo',
    title: 'SLO plugin',
    facts: {
      'slo.budgetLeft': {
        type: 'boolean',
        description:
          'Every SLO of the component has error budget left over its window; false when it declares none or any is exhausted, no value while a declared SLO has no measurement.',
      },
      'slo.minBudgetRemaining': {
        type: 'number',
        description: 'The smallest share of error budget left (1 = untouched, below 0 = overspent) over its measured SLOs.',
      },
      'slo.deployFreeze': {
        type: 'boolean',
        description:
          'The error-budget policy has frozen production deploys: an SLO burns at or above the freeze threshold over both windows, or its budget is exhausted (an exemption lets it deploy but does not end the freeze). No value while an SLO has not been evaluated.',
      },
      'slo.paging': {
        type: 'boolean',
        description: 'A multi-window burn-rate alert at page severity is firing on one of its SLOs.',
      },
    },
    async retrieve(entities: Entity[]) {
      const [{ items }, freezes] = await Promise.all([
        readPluginFacts<SloListResponse>({ ...deps, pluginId: 'slo', path: '/slos' }),
        readPluginFacts<FreezeListResponse>({ ...deps, pluginId: 'slo', path: '/freezes' }),
      ]);
      const frozenSlos = new Map(
        freezes.items.flatMap(service => service.slos.map(slo => [`${service.entityRef}\u0000${slo.sloName}`, slo.frozen])),
      );
      const byEntity = new Map<string, SloItem[]>();
      for (const item of items) {
        const list = byEntity.get(item.entityRef) ?? [];
        list.push(item);
        byEntity.set(item.entityRef, list);
      }
      const values = new Map<string, Record<string, FactValue>>();
      for (const [entityRef, slos] of byEntity) {
        values.set(entityRef, {
          ...sloFacts(slos),
          'slo.deployFreeze': deployFreeze(slos.map(slo => frozenSlos.get(`${entityRef}\u0000${slo.name}`))),
        });
      }
      // Absent from the list: no budget and no freeze when the component declares no SLO; no
      // value (unknown, not "no SLO") when it declares some the SLO plugin has not measured yet.
      const noSlo = { 'slo.budgetLeft': false, 'slo.deployFreeze': false };
      for (const entity of entities) {
        const entityRef = stringifyEntityRef(entity);
        if (!values.has(entityRef) && !declaresSlos(entity.metadata.annotations)) values.set(entityRef, noSlo);
      }
      const measured = items.map(i => i.measuredAt).filter((t): t is string => t !== null).sort();
      const failing = items.filter(i => i.error);
      return {
        values,
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
    'slo.budgetLeft': budgetLeft,
    'slo.minBudgetRemaining': measured.length ? Math.min(...measured) : null,
    'slo.paging': pagingFact(slos),
  };
}

/** Frozen when any SLO is; unknown while one has not been evaluated and none is frozen. */
export function deployFreeze(frozen: Array<boolean | undefined>): boolean | null {
  if (frozen.some(f => f === true)) return true;
  return frozen.every(f => f === false) ? false : null;
}

/** Paging when any SLO pages; not paging only when every SLO was measured. */
function pagingFact(slos: SloItem[]): boolean | null {
  if (slos.some(s => s.status?.alertState === 'page')) return true;
  return slos.every(s => s.status) ? false : null;
}
