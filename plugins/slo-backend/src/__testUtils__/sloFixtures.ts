import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';

/** An availability SLO at 99.9% over 30 days on `http_requests_total{service=...}`. */
export function availabilityOpenSlo(service: string): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${service}-availability
spec:
  timeWindow:
    - duration: 30d
  indicator:
    spec:
      ratioMetric:
        bad:
          metricSource:
            spec:
              query: sum(http_requests_total{service="${service}",code=~"5.."})
        total:
          metricSource:
            spec:
              query: sum(http_requests_total{service="${service}"})
  objectives:
    - target: 0.999
`;
}

/**
 * A component laid out as the golden path publishes it: `<root>/<service>/catalog-info.yaml`
 * (its file location) beside `slo/availability.yaml`, which the annotation points at.
 */
export function componentWithOpenSlo(root: string, service: string): Entity {
  const dir = path.join(root, service);
  fs.mkdirSync(path.join(dir, 'slo'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'slo', 'availability.yaml'), availabilityOpenSlo(service));
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service,
      annotations: {
        'backstage.io/managed-by-location': `file:${path.join(dir, 'catalog-info.yaml')}`,
        'devportal.io/openslo': './slo/availability.yaml',
      },
    },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  };
}
