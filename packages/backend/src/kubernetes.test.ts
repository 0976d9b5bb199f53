import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  buildDemoWorkloads,
  createKubernetesApiRouter,
} from '@internal/plugin-demo-cluster-backend';
import express from 'express';
import { AddressInfo } from 'node:net';
import http from 'node:http';
import request from 'supertest';
import { readExampleEntity } from './__testUtils__/exampleCatalog';

jest.setTimeout(60_000);

/**
 * The Kubernetes plugin, configured like app-config.yaml configures it, reads a service's
 * pods from a local API server that answers the real list endpoints.
 */
describe('Kubernetes: a service page shows its pods', () => {
  const now = new Date('2026-11-20T09:00:00Z');
  const clusterObjects = [
    ...buildDemoWorkloads({ kubernetesId: 'checkout-service', namespace: 'checkout', now }),
    ...buildDemoWorkloads({ kubernetesId: 'cart-service', namespace: 'checkout', now }),
    ...buildDemoWorkloads({ kubernetesId: 'payments-service', namespace: 'payments', now }),
  ];
  const apiRequests: string[] = [];
  let apiServer: http.Server;
  let apiServerUrl: string;

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      apiRequests.push(`${req.headers.authorization} ${req.method} ${req.url}`);
      next();
    });
    app.use(createKubernetesApiRouter({ source: async () => clusterObjects }));
    apiServer = app.listen(0, '127.0.0.1');
    await new Promise(resolve => apiServer.once('listening', resolve));
    apiServerUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => apiServer.close(resolve)));

  it('lists the pods selected by the component annotations, with their status', async () => {
    const checkout = readExampleEntity('components/checkout-service/catalog-info.yaml');
    const { server } = await startTestBackend({
      features: [
        kubernetesPlugin,
        catalogServiceMock.factory({ entities: [checkout] }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'test-cluster',
                      url: apiServerUrl,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: 'cluster-token',
                      skipMetricsLookup: true,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });

    const res = await request(server)
      .post('/api/kubernetes/services/checkout-service')
      .set('Authorization', mockCredentials.user.header())
      .send({ entity: checkout });

    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
    const [cluster] = res.body.items;
    expect(cluster.cluster.name).toBe('test-cluster');
    expect(cluster.errors).toEqual([]);
    const pods = cluster.resources.find((r: { type: string }) => r.type === 'pods').resources;
    const expectedPods = clusterObjects.filter(
      o => o.kind === 'Pod' && o.metadata.labels?.['backstage.io/kubernetes-id'] === 'checkout-service',
    );
    expect(pods.map((p: { metadata: { name: string } }) => p.metadata.name).sort()).toEqual(
      expectedPods.map(p => p.metadata.name).sort(),
    );
    expect(pods[0].metadata.namespace).toBe('checkout');
    expect(pods[0].status.phase).toBe('Running');
    const deployments = cluster.resources.find(
      (r: { type: string }) => r.type === 'deployments',
    ).resources;
    expect(deployments.map((d: { metadata: { name: string } }) => d.metadata.name)).toEqual([
      'checkout-service',
    ]);

    // It asked the namespace from the annotation, by label selector, with the cluster token.
    expect(apiRequests).toContain(
      `Bearer cluster-token GET /api/v1/namespaces/checkout/pods?labelSelector=${encodeURIComponent(
        'backstage.io/kubernetes-id=checkout-service',
      )}`,
    );
  });
});
