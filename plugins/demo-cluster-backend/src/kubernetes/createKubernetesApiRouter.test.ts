import express from 'express';
import request from 'supertest';
import { buildDemoWorkloads } from '../workloads/buildDemoWorkloads';
import { createKubernetesApiRouter } from './createKubernetesApiRouter';

describe('the fixture Kubernetes API', () => {
  const now = new Date('2026-11-20T09:00:00Z');
  const objects = [
    ...buildDemoWorkloads({ kubernetesId: 'cart-service', namespace: 'checkout', now }),
    ...buildDemoWorkloads({ kubernetesId: 'shipping-service', namespace: 'fulfilment', now }),
  ];
  const app = express().use(createKubernetesApiRouter({ source: async () => objects }));

  it('lists core-group objects in a namespace by label selector, as a typed List', async () => {
    const res = await request(app).get(
      '/api/v1/namespaces/checkout/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dcart-service',
    );
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe('PodList');
    expect(res.body.apiVersion).toBe('v1');
    expect(res.body.metadata.resourceVersion).toEqual(expect.any(String));
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    for (const pod of res.body.items) {
      expect(pod.metadata.namespace).toBe('checkout');
      expect(pod.metadata.labels['backstage.io/kubernetes-id']).toBe('cart-service');
      expect(pod.kind).toBeUndefined();
    }
  });

  it('lists named-group objects across namespaces', async () => {
    const res = await request(app).get('/apis/apps/v1/deployments');
    expect(res.body.kind).toBe('DeploymentList');
    expect(res.body.apiVersion).toBe('apps/v1');
    expect(res.body.items.map((d: { metadata: { name: string } }) => d.metadata.name).sort()).toEqual([
      'cart-service',
      'shipping-service',
    ]);
  });

  it('answers an empty list for a namespace with nothing in it, and Status objects for errors', async () => {
    const empty = await request(app).get('/api/v1/namespaces/payments/services');
    expect(empty.body).toMatchObject({ kind: 'ServiceList', items: [] });

    const unknown = await request(app).get('/api/v1/namespaces/checkout/widgets');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404 });

    const badSelector = await request(app).get('/api/v1/pods?labelSelector=app%20in%20x');
    expect(badSelector.status).toBe(400);
    expect(badSelector.body).toMatchObject({ kind: 'Status', reason: 'BadRequest', code: 400 });
  });
});
