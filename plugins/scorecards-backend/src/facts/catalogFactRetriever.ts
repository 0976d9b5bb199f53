import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  COST_CENTER_ANNOTATION,
  COST_CENTER_PATTERN,
  ON_CALL_ANNOTATION,
  TEMPLATE_NAME_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
} from '@internal/plugin-golden-path-common';
import { FactValue } from '@internal/plugin-scorecards-common';
import { FactRetrieval, ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Backstage's own TechDocs annotation (also exported by @backstage/plugin-techdocs-common). */
const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';
/** What `devportal.io/on-call` accepts; see docs/annotations.md. */
const ON_CALL_PATTERN = /^(pagerduty|opsgenie|slack):\S+$/;

export type TemplateVersionStatus = 'current' | 'outdated' | 'not-from-template' | 'template-missing';

/**
 * Facts over catalog metadata, built into the scorecards backend: who owns the entity,
 * where it runs, where its docs, runbook and on-call are, and whether it is on the current
 * version of the golden-path template it was created from.
 */
export function createCatalogFactRetriever(deps: {
  catalog: CatalogService;
  auth: AuthService;
}): ScorecardFactRetriever {
  return {
    id: 'catalog',
    title: 'Software catalog',
    facts: {
      'catalog.ownerIsGroup': {
        type: 'boolean',
        description: 'spec.owner names a Group entity that exists in the catalog (not a user).',
      },
      'catalog.lifecycleSet': { type: 'boolean', description: 'spec.lifecycle is set.' },
      'catalog.systemSet': { type: 'boolean', description: 'spec.system is set.' },
      'catalog.hasTechDocs': {
        type: 'boolean',
        description: `The ${TECHDOCS_ANNOTATION} annotation is set, so TechDocs are built.`,
      },
      'catalog.hasRunbookLink': {
        type: 'boolean',
        description: 'metadata.links has a link of type "runbook" (or titled Runbook).',
      },
      'catalog.hasOnCall': {
        type: 'boolean',
        description: `The ${ON_CALL_ANNOTATION} annotation names a pagerduty:, opsgenie: or slack: contact.`,
      },
      'catalog.hasCostCenter': {
        type: 'boolean',
        description: `The ${COST_CENTER_ANNOTATION} annotation holds a cost centre such as CC-1042.`,
      },
      'catalog.templateVersionStatus': {
        type: 'string',
        description: `"current" when ${TEMPLATE_VERSION_ANNOTATION} equals the version of the template named by ${TEMPLATE_NAME_ANNOTATION}; else "outdated", "not-from-template" or "template-missing".`,
      },
    },
    async retrieve(entities: Entity[]): Promise<FactRetrieval> {
      const credentials = await deps.auth.getOwnServiceCredentials();
      const [groups, templates] = await Promise.all([
        deps.catalog.getEntities(
          { filter: { kind: 'Group' }, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
          { credentials },
        ),
        deps.catalog.getEntities(
          {
            filter: { kind: 'Template' },
            fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'],
          },
          { credentials },
        ),
      ]);
      const groupRefs = new Set(groups.items.map(g => stringifyEntityRef(g)));
      const templateVersions = new Map(
        templates.items.map(t => [t.metadata.name, t.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION]]),
      );
      const values = new Map<string, Record<string, FactValue>>();
      for (const entity of entities) {
        values.set(stringifyEntityRef(entity), catalogFacts(entity, groupRefs, templateVersions));
      }
      return { values, demo: false, asOf: new Date().toISOString() };
    },
  };
}

function catalogFacts(
  entity: Entity,
  groupRefs: Set<string>,
  templateVersions: Map<string, string | undefined>,
): Record<string, FactValue> {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const annotations = entity.metadata.annotations ?? {};
  const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  return {
    'catalog.ownerIsGroup': ownerIsGroup(spec.owner, entity.metadata.namespace, groupRefs),
    'catalog.lifecycleSet': nonEmpty(spec.lifecycle),
    'catalog.systemSet': nonEmpty(spec.system),
    'catalog.hasTechDocs': nonEmpty(annotations[TECHDOCS_ANNOTATION]),
    'catalog.hasRunbookLink': (entity.metadata.links ?? []).some(
      link => link.type?.toLocaleLowerCase('en-US') === 'runbook' || /runbook/i.test(link.title ?? ''),
    ),
    'catalog.hasOnCall': ON_CALL_PATTERN.test(annotations[ON_CALL_ANNOTATION] ?? ''),
    'catalog.hasCostCenter': new RegExp(COST_CENTER_PATTERN).test(annotations[COST_CENTER_ANNOTATION] ?? ''),
    'catalog.templateVersionStatus': templateVersionStatus(annotations, templateVersions),
  };
}

function ownerIsGroup(owner: unknown, namespace: string | undefined, groupRefs: Set<string>): boolean {
  if (typeof owner !== 'string' || owner.trim() === '') return false;
  try {
    // An unqualified owner is a Group, the way the catalog itself resolves spec.owner.
    const ref = parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: namespace ?? 'default' });
    return ref.kind.toLocaleLowerCase('en-US') === 'group' && groupRefs.has(stringifyEntityRef(ref));
  } catch {
    return false;
  }
}

function templateVersionStatus(
  annotations: Record<string, string>,
  templateVersions: Map<string, string | undefined>,
): TemplateVersionStatus {
  const name = annotations[TEMPLATE_NAME_ANNOTATION];
  if (!name) return 'not-from-template';
  if (!templateVersions.has(name)) return 'template-missing';
  return String(annotations[TEMPLATE_VERSION_ANNOTATION] ?? '') === String(templateVersions.get(name) ?? '')
    ? 'current'
    : 'outdated';
}
