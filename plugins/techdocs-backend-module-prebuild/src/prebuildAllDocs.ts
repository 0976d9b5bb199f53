import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TECHDOCS_ANNOTATION } from '@backstage/plugin-techdocs-common';

export interface PrebuildResult {
  built: string[];
  failed: string[];
}

/**
 * Asks the TechDocs backend to sync each documented entity, one at a time (each build
 * runs mkdocs). The sync endpoint builds only what changed, so repeated runs are cheap.
 */
export async function prebuildAllDocs(deps: {
  catalog: CatalogService;
  auth: AuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  fetchFn?: typeof fetch;
}): Promise<PrebuildResult> {
  const { catalog, auth, discovery, logger, fetchFn = fetch } = deps;
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    {
      filter: { [`metadata.annotations.${TECHDOCS_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  const baseUrl = await discovery.getBaseUrl('techdocs');
  const result: PrebuildResult = { built: [], failed: [] };
  for (const entity of items) {
    const ref = stringifyEntityRef(entity);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'techdocs',
    });
    const path = [entity.metadata.namespace ?? 'default', entity.kind, entity.metadata.name]
      .map(encodeURIComponent)
      .join('/');
    try {
      const response = await fetchFn(`${baseUrl}/sync/${path}`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
      });
      // The stream ends with a `finish` event on success and an `error` event otherwise.
      const body = await response.text();
      if (!response.ok || !body.includes('event: finish')) {
        throw new Error(`HTTP ${response.status}: ${body.slice(-300)}`);
      }
      result.built.push(ref);
    } catch (error) {
      logger.warn(`TechDocs prebuild of ${ref} failed: ${error}`);
      result.failed.push(ref);
    }
  }
  logger.info(
    `TechDocs prebuild: ${result.built.length} up to date, ${result.failed.length} failed`,
  );
  return result;
}
