import { Entity } from '@backstage/catalog-model';
import { readAnnotationSlos } from './readAnnotationSlos';

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'cart-service', annotations },
  spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
});

describe('readAnnotationSlos', () => {
  it('reads SLOs written as annotations, with the default window and Prometheus', () => {
    const { definitions, problems } = readAnnotationSlos(
      component({
        'slo.devportal.io/availability.target': '99.9%',
        'slo.devportal.io/availability.bad': 'http_requests_total{service="cart",code=~"5.."}',
        'slo.devportal.io/availability.total': 'http_requests_total{service="cart"}',
        'slo.devportal.io/latency.target': '0.99',
        'slo.devportal.io/latency.window': '28d',
        'slo.devportal.io/latency.good': 'http_request_duration_seconds_bucket{service="cart",le="0.3"}',
        'slo.devportal.io/latency.total': 'http_request_duration_seconds_count{service="cart"}',
        'slo.devportal.io/latency.prometheus': 'eu',
        'backstage.io/techdocs-ref': 'dir:.',
      }),
      { defaultPrometheus: 'main' },
    );
    expect(problems).toEqual([]);
    expect(definitions).toEqual([
      {
        entityRef: 'component:default/cart-service',
        name: 'availability',
        displayName: 'availability',
        target: 0.999,
        window: '30d',
        prometheus: 'main',
        indicator: {
          bad: 'http_requests_total{service="cart",code=~"5.."}',
          total: 'http_requests_total{service="cart"}',
        },
      },
      expect.objectContaining({
        name: 'latency',
        target: 0.99,
        window: '28d',
        prometheus: 'eu',
        indicator: {
          good: 'http_request_duration_seconds_bucket{service="cart",le="0.3"}',
          total: 'http_request_duration_seconds_count{service="cart"}',
        },
      }),
    ]);
  });

  it('names the annotation and the fix for what it cannot read, and keeps the rest', () => {
    const { definitions, problems } = readAnnotationSlos(
      component({
        'slo.devportal.io/availability.target': '120',
        'slo.devportal.io/availability.bad': 'x{service="cart"}',
        'slo.devportal.io/availability.total': 'y{service="cart"}',
        'slo.devportal.io/errors.target': '0.99',
        'slo.devportal.io/errors.total': 'y{service="cart"}',
        'slo.devportal.io/latency.objective': '0.99',
        'slo.devportal.io/ok.target': '0.95',
        'slo.devportal.io/ok.bad': 'x{service="cart"}',
        'slo.devportal.io/ok.total': 'y{service="cart"}',
      }),
      { defaultPrometheus: 'main' },
    );
    expect(definitions.map(d => d.name)).toEqual(['ok']);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'metadata.annotations["slo.devportal.io/latency.objective"]',
        message: expect.stringContaining('<name>.<target|window|bad|good|total'),
      }),
      expect.objectContaining({
        field: 'metadata.annotations["slo.devportal.io/availability.target"]',
        message: expect.stringContaining('use a ratio such as 0.999'),
      }),
      expect.objectContaining({
        field: 'metadata.annotations["slo.devportal.io/errors.bad"]',
        message: expect.stringContaining('exactly one of bad or good'),
      }),
    ]);
  });
});
