import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  COMPONENT_TYPES_WITHOUT_COST,
  COST_ALLOCATION_KEY_ANNOTATION,
  COST_UNIT_ANNOTATION,
  COST_UNIT_QUERY_ANNOTATION,
  MONTHLY_BUDGET_ANNOTATION,
} from '@internal/plugin-cost-common';
import { StoredEntity } from '../database/CostStore';

const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

export interface CostEntity extends StoredEntity {
  /** PromQL counting the service's units per day (COST_UNIT_QUERY_ANNOTATION). */
  unitQuery: string | null;
}

/**
 * Teams (Groups of type team) and services (Components) with the key the cost sources use
 * for them, budgets (config wins over the group annotation) and declared units.
 */
export async function readCostEntities(deps: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  budgetsFromConfig: Record<string, number>;
}): Promise<CostEntity[]> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const { items } = await deps.catalog.getEntities(
    {
      filter: [{ kind: 'Group', 'spec.type': 'team' }, { kind: 'Component' }],
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.annotations',
        'spec.owner',
        'spec.type',
        'spec.profile.displayName',
      ],
    },
    { credentials },
  );
  return items
    .filter(
      entity =>
        !(
          entity.kind === 'Component' &&
          COMPONENT_TYPES_WITHOUT_COST.includes(String(entity.spec?.type))
        ),
    )
    .map(entity =>
      entity.kind === 'Group' ? toTeam(entity, deps) : toService(entity),
    );
}

function toTeam(
  entity: Entity,
  deps: { logger: LoggerService; budgetsFromConfig: Record<string, number> },
): CostEntity {
  const annotations = entity.metadata.annotations ?? {};
  const entityRef = stringifyEntityRef(entity);
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  let budget: number | null =
    deps.budgetsFromConfig[entity.metadata.name] ?? null;
  const annotated = annotations[MONTHLY_BUDGET_ANNOTATION];
  if (budget === null && annotated !== undefined) {
    const parsed = Number(annotated);
    if (Number.isFinite(parsed) && parsed >= 0) {
      budget = parsed;
    } else {
      deps.logger.warn(
        `${entityRef}: annotation ${MONTHLY_BUDGET_ANNOTATION} is "${annotated}"; write a number of US dollars, e.g. '12000'`,
      );
    }
  }
  return {
    entityRef,
    kind: 'team',
    title: profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
    allocationKey:
      annotations[COST_ALLOCATION_KEY_ANNOTATION] ?? entity.metadata.name,
    teamRef: null,
    monthlyBudgetUsd: budget,
    unit: null,
    unitQuery: null,
  };
}

function toService(entity: Entity): CostEntity {
  const annotations = entity.metadata.annotations ?? {};
  const owner =
    typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
  const unitQuery = annotations[COST_UNIT_QUERY_ANNOTATION] ?? null;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: 'service',
    title: entity.metadata.title ?? entity.metadata.name,
    allocationKey:
      annotations[COST_ALLOCATION_KEY_ANNOTATION] ??
      annotations[KUBERNETES_ID_ANNOTATION] ??
      entity.metadata.name,
    teamRef: owner
      ? stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace,
          }),
        )
      : null,
    monthlyBudgetUsd: null,
    unit: unitQuery ? annotations[COST_UNIT_ANNOTATION] ?? null : null,
    unitQuery,
  };
}
