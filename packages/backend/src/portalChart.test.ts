import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from './__testUtils__/exampleCatalog';
import { helm } from './__testUtils__/publishedRepository';

const chart = path.join(repoRoot, 'deploy/helm/portal');

interface Manifest {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // Rendered Kubernetes objects; each test reads the fields it checks.
  spec: any;
}

function render(...set: string[]): Manifest[] {
  const args = ['template', 'portal', chart, '--namespace', 'portal'];
  for (const value of set) args.push('--set', value);
  return parseAllDocuments(helm(...args))
    .map(d => d.toJS())
    .filter(Boolean);
}

function renderError(...set: string[]): string {
  try {
    render(...set);
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
  throw new Error(`helm template succeeded with ${set.join(' ')}`);
}

describe('the portal Helm chart (deploy/helm/portal)', () => {
  it('passes helm lint --strict, with and without the ServiceMonitor', () => {
    // helm exits non-zero (and helm() throws) on any finding under --strict.
    expect(helm('lint', '--strict', chart)).toContain('0 chart(s) failed');
    expect(
      helm('lint', '--strict', chart, '--set', 'serviceMonitor.enabled=true', '--set', 'autoscaling.enabled=false'),
    ).toContain('0 chart(s) failed');
  });

  it('runs the backend as a Deployment of at least 2 replicas, autoscaled, with a disruption budget', () => {
    const manifests = render();
    const kinds = manifests.map(m => m.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ConfigMap']),
    );
    const hpa = manifests.find(m => m.kind === 'HorizontalPodAutoscaler')!;
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'portal' });
    const pdb = manifests.find(m => m.kind === 'PodDisruptionBudget')!;
    const deployment = manifests.find(m => m.kind === 'Deployment')!;
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);

    const fixed = render('autoscaling.enabled=false').find(m => m.kind === 'Deployment')!;
    expect(fixed.spec.replicas).toBe(2);
    expect(renderError('autoscaling.enabled=false', 'replicaCount=1')).toContain('replicaCount must be at least 2');
    expect(renderError('autoscaling.minReplicas=1')).toContain('autoscaling.minReplicas must be at least 2');
  });

  it('takes the PostgreSQL credentials from a Secret, never from values', () => {
    const deployment = render('postgresql.existingSecret=portal-db').find(m => m.kind === 'Deployment')!;
    const [container] = deployment.spec.template.spec.containers;
    const env = Object.fromEntries(container.env.map((e: { name: string }) => [e.name, e]));
    expect(env.POSTGRES_USER.valueFrom.secretKeyRef).toEqual({ name: 'portal-db', key: 'username' });
    expect(env.POSTGRES_PASSWORD.valueFrom.secretKeyRef).toEqual({ name: 'portal-db', key: 'password' });
    expect(env.POSTGRES_PASSWORD.value).toBeUndefined();
    expect(env.NODE_ENV.value).toBe('production');
    expect(container.envFrom).toEqual([{ secretRef: { name: 'portal-secrets' } }]);
    // Replaces the image's CMD (packages/backend/Dockerfile), so it starts the backend too.
    const dockerfile = fs.readFileSync(path.join(repoRoot, 'packages/backend/Dockerfile'), 'utf8');
    const imageCmd = JSON.parse(/^CMD (.*)$/m.exec(dockerfile)![1]);
    expect(imageCmd.slice(0, 3)).toEqual(['node', '--require', './instrumentation.js']);
    expect(container.args).toEqual([...imageCmd, '--config', '/etc/portal/app-config.local.yaml']);
  });

  it('gives the backend the Falco ingest token from a Secret, so a documented install has ingest on', () => {
    const falcoToken = (...set: string[]) => {
      const [container] = render(...set).find(m => m.kind === 'Deployment')!.spec.template.spec.containers;
      return container.env.find((e: { name: string }) => e.name === 'FALCO_INGEST_TOKEN');
    };
    // The variable app-config.production.yaml reads falco.ingest.token from.
    const production = fs.readFileSync(path.join(repoRoot, 'app-config.production.yaml'), 'utf8');
    expect(production).toMatch(/falco:\s+ingest:\s+token: \$\{FALCO_INGEST_TOKEN\}/);
    // By default from the Secret docs/operations.md tells operators to create, never from values.
    expect(falcoToken()).toEqual({
      name: 'FALCO_INGEST_TOKEN',
      valueFrom: { secretKeyRef: { name: 'portal-secrets', key: 'FALCO_INGEST_TOKEN', optional: true } },
    });
    const operations = fs.readFileSync(path.join(repoRoot, 'docs/operations.md'), 'utf8');
    expect(operations).toMatch(/create secret generic portal-secrets[^`]*--from-literal=FALCO_INGEST_TOKEN=/);
    expect(operations).toMatch(/\| `FALCO_INGEST_TOKEN` \|/);
    // Or from the Secret Falcosidekick's chart already reads its webhook header from.
    expect(
      falcoToken('falco.ingestToken.existingSecret=falcosidekick-webhook', 'falco.ingestToken.key=token').valueFrom,
    ).toEqual({ secretKeyRef: { name: 'falcosidekick-webhook', key: 'token', optional: true } });
    // No Secret at all: no variable, and ingest is off.
    expect(falcoToken('existingSecret=')).toBeUndefined();
  });

  it('probes the backend health endpoints', () => {
    const deployment = render().find(m => m.kind === 'Deployment')!;
    const [container] = deployment.spec.template.spec.containers;
    expect(container.readinessProbe.httpGet).toEqual({ path: '/.backstage/health/v1/readiness', port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/.backstage/health/v1/liveness', port: 'http' });
    expect(container.ports).toEqual(expect.arrayContaining([{ name: 'http', containerPort: 7007, protocol: 'TCP' }]));
  });

  it('renders a ServiceMonitor only when asked to', () => {
    expect(render().map(m => m.kind)).not.toContain('ServiceMonitor');
    const monitor = render('serviceMonitor.enabled=true', 'serviceMonitor.extraLabels.release=kube-prometheus-stack').find(
      m => m.kind === 'ServiceMonitor',
    )!;
    expect(monitor.metadata.labels).toMatchObject({ release: 'kube-prometheus-stack' });
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'metrics', path: '/metrics' })]);
  });
});
