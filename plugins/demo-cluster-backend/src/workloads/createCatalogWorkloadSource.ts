import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';
import { KubernetesObjectSource } from '../kubernetes/createKubernetesApiRouter';
import { KubernetesObject } from '../kubernetes/KubernetesObject';
import { buildDemoWorkloads } from './buildDemoWorkloads';

const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
const CACHE_TTL_MS = 60_000;

/**
 * Workloads for every catalog component that declares a `backstage.io/kubernetes-id`,
 * regenerated at most once a minute so the fake cluster follows catalog changes (a
 * component created from a template shows pods within a minute).
 */
export function createCatalogWorkloadSource(options: {
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  clock?: () => Date;
}): KubernetesObjectSource {
  const clock = options.clock ?? (() => new Date());
  // Timestamps are relative to when the fake cluster started, like a long-running cluster.
  const startedAt = clock();
  let cached: { objects: KubernetesObject[]; expiresAt: number } | undefined;

  return async () => {
    if (cached && cached.expiresAt > Date.now()) {
      return cached.objects;
    }
    const { items } = await options.catalog.getEntities(
      {
        filter: {
          kind: 'Component',
          [`metadata.annotations.${KUBERNETES_ANNOTATION}`]: CATALOG_FILTER_EXISTS,
        },
        fields: ['metadata.annotations'],
      },
      { credentials: await options.auth.getOwnServiceCredentials() },
    );
    const objects = items.flatMap(entity => {
      const annotations = entity.metadata.annotations ?? {};
      const kubernetesId = annotations[KUBERNETES_ANNOTATION];
      if (!kubernetesId) return [];
      return buildDemoWorkloads({
        kubernetesId,
        namespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION] ?? 'default',
        now: startedAt,
      });
    });
    options.logger.debug(`demo cluster holds ${objects.length} objects`);
    cached = { objects, expiresAt: Date.now() + CACHE_TTL_MS };
    return objects;
  };
}
