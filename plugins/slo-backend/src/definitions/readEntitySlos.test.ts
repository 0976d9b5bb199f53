import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEntitySlos } from './readEntitySlos';

const openSlo = (service: string) => `apiVersion: openslo/v1
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
              query: http_requests_total{service="${service}",code=~"5.."}
        total:
          metricSource:
            spec:
              query: http_requests_total{service="${service}"}
  objectives:
    - target: 0.995
`;

function component(location: string, annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'basket-service',
      annotations: {
        'backstage.io/managed-by-location': location,
        ...(annotation && { 'devportal.io/openslo': annotation }),
      },
    },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  };
}

describe('readEntitySlos', () => {
  const urlReader = mockServices.urlReader.mock();

  it('reads the document next to an entity from a file location', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-defs-'));
    fs.mkdirSync(path.join(dir, 'slo'));
    fs.writeFileSync(path.join(dir, 'slo', 'availability.yaml'), openSlo('basket-service'));
    const { definitions, problems } = await readEntitySlos(
      component(`file:${path.join(dir, 'catalog-info.yaml')}`, './slo/availability.yaml'),
      { urlReader, defaultPrometheus: 'default' },
    );
    expect(problems).toEqual([]);
    expect(definitions.map(d => [d.entityRef, d.name, d.target])).toEqual([
      ['component:default/basket-service', 'basket-service-availability', 0.995],
    ]);
  });

  it('reads it through the URL reader for a url location, relative to catalog-info.yaml', async () => {
    urlReader.readUrl.mockResolvedValue({
      buffer: async () => Buffer.from(openSlo('basket-service')),
    } as never);
    const { definitions } = await readEntitySlos(
      component(
        'url:https://github.com/harbor-market/basket-service/blob/main/catalog-info.yaml',
        './slo/availability.yaml',
      ),
      { urlReader, defaultPrometheus: 'default' },
    );
    expect(urlReader.readUrl).toHaveBeenCalledWith(
      'https://github.com/harbor-market/basket-service/blob/main/slo/availability.yaml',
    );
    expect(definitions).toHaveLength(1);
  });

  it('has nothing to read without the annotation, and says which path is missing', async () => {
    expect(
      await readEntitySlos(component('file:/nowhere/catalog-info.yaml'), { urlReader, defaultPrometheus: 'default' }),
    ).toEqual({ definitions: [], problems: [] });
    const { problems } = await readEntitySlos(
      component('file:/nowhere/catalog-info.yaml', './slo/missing.yaml'),
      { urlReader, defaultPrometheus: 'default' },
    );
    expect(problems[0]).toMatchObject({
      field: 'metadata.annotations["devportal.io/openslo"]',
      message: expect.stringMatching(/^\.\/slo\/missing\.yaml could not be read .*check the path$/),
    });
  });
});
