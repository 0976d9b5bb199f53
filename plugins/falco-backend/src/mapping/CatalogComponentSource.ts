import { AuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CONTAINER_IMAGE_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@internal/plugin-falco-common';
import { MappableComponent, stripTag } from './ComponentMapping';

/** Every Component with at least one annotation that can tie Falco events to it. */
export async function readMappableComponents(deps: {
  catalog: CatalogService;
  auth: AuthService;
}): Promise<MappableComponent[]> {
  const { items } = await deps.catalog.getEntities(
    { filter: { kind: 'Component' }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'] },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  return items.flatMap(entity => {
    const annotations = entity.metadata.annotations ?? {};
    const component: MappableComponent = {
      entityRef: stringifyEntityRef(entity),
      kubernetesId: annotations[KUBERNETES_ID_ANNOTATION] || undefined,
      namespace: annotations[KUBERNETES_NAMESPACE_ANNOTATION] || undefined,
      labelSelector: annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION] || undefined,
      containerImages: (annotations[CONTAINER_IMAGE_ANNOTATION] ?? '')
        .split(',')
        .map(image => stripTag(image.trim()))
        .filter(Boolean),
    };
    const mappable =
      component.kubernetesId || component.labelSelector || component.containerImages.length > 0 || component.namespace;
    return mappable ? [component] : [];
  });
}
