import { Entity } from '@backstage/catalog-model';
import { buildDemoWorkloads } from '@internal/plugin-demo-cluster-backend';
import { startFactsFake } from '@internal/plugin-scorecards-node/testUtils';
import { createKubernetesFactRetriever, ObjectsByEntityResponse } from './kubernetesFactRetriever';

const NOW = new Date('2026-11-27T10:00:00Z');

const component = (name: string, annotated = true): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: annotated ? { 'backstage.io/kubernetes-id': name } : {},
  },
  spec: { type: 'service' },
});

/** The demo cluster's real pod objects for a service (every container has limits). */
const demoPods = (name: string) =>
  buildDemoWorkloads({ kubernetesId: name, namespace: 'checkout', now: NOW }).filter(o => o.kind === 'Pod');

function clusterAnswer(pods: unknown[], errors: ObjectsByEntityResponse['items'][number]['errors'] = []) {
  return {
    items: [
      {
        cluster: { name: 'demo-cluster (demo data)' },
        resources: [
          { type: 'pods', resources: pods },
          { type: 'services', resources: [] },
        ],
        podMetrics: [],
        errors,
      },
    ],
  };
}

describe('Kubernetes facts', () => {
  let installed = true;
  let fake: Awaited<ReturnType<typeof startFactsFake>>;
  beforeAll(async () => {
    fake = await startFactsFake('kubernetes', ({ method, path, body }) => {
      if (!installed) return { status: 404 };
      const name = decodeURIComponent(path.replace('/api/kubernetes/services/', ''));
      // The Kubernetes backend's contract: POST with the entity named in the path.
      if (method !== 'POST' || JSON.parse(body).entity.metadata.name !== name) {
        return { status: 400, body: { error: { name: 'InputError', message: `${method} for ${name} without its entity` } } };
      }
      if (name === 'limited') return { status: 200, body: clusterAnswer(demoPods('limited')) };
      if (name === 'unlimited') {
        // A copy: the demo pods share one container object.
        const pods = JSON.parse(JSON.stringify(demoPods('unlimited')));
        // One of its pods runs a sidecar without a memory limit.
        pods[0].spec.containers.push({ name: 'sidecar', resources: { limits: { cpu: '100m' } } });
        return { status: 200, body: clusterAnswer(pods) };
      }
      if (name === 'no-pods') return { status: 200, body: clusterAnswer([]) };
      if (name === 'cluster-down') {
        return {
          status: 200,
          body: clusterAnswer(demoPods('cluster-down'), [{ errorType: 'UNAUTHORIZED_ERROR', statusCode: 401, resourcePath: '/api/v1/pods' }]),
        };
      }
      return { status: 500, body: { error: { name: 'Error', message: 'fan-out failed' } } };
    });
  });
  afterAll(() => fake.close());

  it('counts pods with a container lacking limits, per component with a Kubernetes annotation', async () => {
    installed = true;
    const retrieval = await createKubernetesFactRetriever(fake).retrieve([
      component('limited'),
      component('unlimited'),
      component('no-pods'),
      component('cluster-down'),
      component('broken'),
      component('not-on-kubernetes', false),
    ]);
    const podCount = (name: string) => demoPods(name).length;
    expect(Object.fromEntries(retrieval.values)).toEqual({
      'component:default/limited': { 'kubernetes.workloads': podCount('limited'), 'kubernetes.workloadsWithoutLimits': 0 },
      'component:default/unlimited': { 'kubernetes.workloads': podCount('unlimited'), 'kubernetes.workloadsWithoutLimits': 1 },
      // Nothing running, or a cluster that failed: not known, so the check is unknown.
      'component:default/no-pods': { 'kubernetes.workloads': 0, 'kubernetes.workloadsWithoutLimits': null },
      'component:default/cluster-down': { 'kubernetes.workloads': null, 'kubernetes.workloadsWithoutLimits': null },
    });
    expect(retrieval.demo).toBe(true);
    expect(retrieval.lastError).toContain('500');
    expect(fake.requests.some(r => r.path.includes('not-on-kubernetes'))).toBe(false);
    expect(fake.requests[0].authorization).toMatch(/^Bearer mock-service-token:.*"target":"kubernetes"/);
  });

  it('is unavailable when the Kubernetes plugin is not installed', async () => {
    installed = false;
    await expect(createKubernetesFactRetriever(fake).retrieve([component('limited')])).rejects.toThrow(
      'the kubernetes plugin is not installed',
    );
  });
});
