import { Entity } from '@backstage/catalog-model';
import {
  CONTAINER_IMAGE_ANNOTATION,
  KUBERNETES_ID_ANNOTATION,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
} from '@internal/plugin-falco-common';

/** Components the backend can map Falco events to: the tab and card show only on these. */
export function isFalcoMappable(entity: Entity): boolean {
  if (entity.kind.toLowerCase() !== 'component') return false;
  const annotations = entity.metadata.annotations ?? {};
  return [
    KUBERNETES_ID_ANNOTATION,
    KUBERNETES_LABEL_SELECTOR_ANNOTATION,
    KUBERNETES_NAMESPACE_ANNOTATION,
    CONTAINER_IMAGE_ANNOTATION,
  ].some(key => Boolean(annotations[key]));
}
