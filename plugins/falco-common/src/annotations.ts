/**
 * Container image repositories (comma-separated, without tag or digest) whose Falco events
 * belong to the component, matched against `container.image.repository`, e.g.
 * `registry.harbormarket.example/checkout-service`. Listed in docs/annotations.md.
 *
 * Falco events are also mapped through the Kubernetes plugin's own annotations
 * (`backstage.io/kubernetes-id`, `backstage.io/kubernetes-label-selector`,
 * `backstage.io/kubernetes-namespace`); see the falco-backend README for the order.
 */
export const CONTAINER_IMAGE_ANNOTATION = 'devportal.io/container-image';

/** Re-stated here so the frontend need not depend on the Kubernetes plugin. */
export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION = 'backstage.io/kubernetes-label-selector';
export const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
