import { ComponentMapping, MappableComponent, stripTag } from './ComponentMapping';

const components: MappableComponent[] = [
  { entityRef: 'component:default/checkout-service', kubernetesId: 'checkout-service', namespace: 'checkout', containerImages: [] },
  { entityRef: 'component:default/checkout-service-worker', kubernetesId: 'checkout-service-worker', namespace: 'checkout', containerImages: [] },
  { entityRef: 'component:default/cart-service', kubernetesId: 'cart-service', namespace: 'checkout', containerImages: [] },
  {
    entityRef: 'component:default/search-api',
    labelSelector: 'app.kubernetes.io/name=search-api,tier!=canary',
    containerImages: [],
  },
  { entityRef: 'component:default/payments-service', containerImages: ['registry.harbormarket.example/payments-service'] },
  { entityRef: 'component:default/identity-service', kubernetesId: 'identity-service', namespace: 'customer-identity', containerImages: [] },
];
const mapping = new ComponentMapping(components);

const event = (fields: Record<string, string>) => ({
  outputFields: fields,
  namespace: fields['k8s.ns.name'] ?? null,
  pod: fields['k8s.pod.name'] ?? null,
  containerImage: fields['container.image.repository'] ?? null,
});

describe('ComponentMapping', () => {
  it('maps by the backstage.io/kubernetes-id pod label, in the component namespace', () => {
    expect(
      mapping.map(event({ 'k8s.ns.name': 'checkout', 'k8s.pod.name': 'x-1', 'k8s.pod.label[backstage.io/kubernetes-id]': 'cart-service' })),
    ).toEqual({ entityRef: 'component:default/cart-service', mappedBy: 'pod-label' });
    // The same label in another namespace is someone else's workload.
    expect(
      mapping.map(event({ 'k8s.ns.name': 'sandbox', 'k8s.pod.name': 'x-1', 'k8s.pod.label[backstage.io/kubernetes-id]': 'cart-service' })),
    ).toBeUndefined();
  });

  it('reads labels from k8s.pod.labels too', () => {
    expect(
      mapping.map(event({ 'k8s.ns.name': 'search', 'k8s.pod.labels': '(app.kubernetes.io/name:search-api, tier:web)' })),
    ).toEqual({ entityRef: 'component:default/search-api', mappedBy: 'label-selector' });
  });

  it('honours != in label selectors', () => {
    expect(
      mapping.map(event({ 'k8s.pod.label[app.kubernetes.io/name]': 'search-api', 'k8s.pod.label[tier]': 'canary' })),
    ).toBeUndefined();
  });

  it('maps by container image repository, ignoring tag and digest', () => {
    expect(
      mapping.map(event({ 'container.image.repository': 'registry.harbormarket.example/payments-service', 'k8s.ns.name': 'payments' })),
    ).toEqual({ entityRef: 'component:default/payments-service', mappedBy: 'container-image' });
    expect(stripTag('registry.harbormarket.example:5000/payments-service:1.4.2')).toBe('registry.harbormarket.example:5000/payments-service');
    expect(stripTag('docker.io/library/alpine@sha256:abc')).toBe('docker.io/library/alpine');
  });

  it('maps Deployment pod names to the longest matching kubernetes-id in the namespace', () => {
    expect(
      mapping.map(event({ 'k8s.ns.name': 'checkout', 'k8s.pod.name': 'checkout-service-worker-7d9f8b-x2k4q' })),
    ).toEqual({ entityRef: 'component:default/checkout-service-worker', mappedBy: 'pod-name' });
    expect(
      mapping.map(event({ 'k8s.ns.name': 'checkout', 'k8s.pod.name': 'checkout-service-5c7d9-abcde' })),
    ).toEqual({ entityRef: 'component:default/checkout-service', mappedBy: 'pod-name' });
  });

  it('maps by namespace only when exactly one component claims it', () => {
    expect(mapping.map(event({ 'k8s.ns.name': 'customer-identity', 'k8s.pod.name': 'debug-shell' }))).toEqual({
      entityRef: 'component:default/identity-service',
      mappedBy: 'namespace',
    });
    // Three components share "checkout": an unknown pod there stays unmapped.
    expect(mapping.map(event({ 'k8s.ns.name': 'checkout', 'k8s.pod.name': 'debug-shell' }))).toBeUndefined();
  });

  it("leaves the documentation's example (namespace default, pod kubecon) unmapped", () => {
    expect(mapping.map(event({ 'k8s.ns.name': 'default', 'k8s.pod.name': 'kubecon', 'container.image.repository': 'docker.io/library/alpine' }))).toBeUndefined();
  });
});
