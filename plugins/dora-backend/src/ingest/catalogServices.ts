import { AuthService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DORA_DEPLOY_WORKFLOW_ANNOTATION,
  DORA_ENVIRONMENT_ANNOTATION,
  GITHUB_PROJECT_SLUG_ANNOTATION,
} from '@internal/plugin-dora-common';

export interface ServiceSource {
  entityRef: string;
  ownerRef: string | null;
  repository: string;
  environment: string;
  workflow: string | null;
}

const SLUG = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** Every component with a `github.com/project-slug`, with where its deployments are read. */
export async function catalogServices(
  deps: { catalog: CatalogService; auth: AuthService },
  defaults: { environment: string; workflow: string | null },
): Promise<{ services: ServiceSource[]; problems: string[] }> {
  const { items } = await deps.catalog.getEntities(
    { filter: { kind: 'Component', [`metadata.annotations.${GITHUB_PROJECT_SLUG_ANNOTATION}`]: CATALOG_FILTER_EXISTS } },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  const services: ServiceSource[] = [];
  const problems: string[] = [];
  for (const entity of items) {
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const repository = annotations[GITHUB_PROJECT_SLUG_ANNOTATION].trim();
    if (!SLUG.test(repository)) {
      problems.push(`${entityRef}: ${GITHUB_PROJECT_SLUG_ANNOTATION} is "${repository}"; write it as <owner>/<repository>`);
      continue;
    }
    const owner = typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
    services.push({
      entityRef,
      ownerRef: owner
        ? stringifyEntityRef(parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace ?? 'default' }))
        : null,
      repository,
      environment: annotations[DORA_ENVIRONMENT_ANNOTATION] ?? defaults.environment,
      workflow: annotations[DORA_DEPLOY_WORKFLOW_ANNOTATION] ?? defaults.workflow,
    });
  }
  return { services, problems };
}
