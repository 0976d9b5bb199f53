import { mockCredentials } from '@backstage/backend-test-utils';
import {
  componentEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { checkTerraform, formatFindings, parseTerraformFiles } from '@internal/iac-policies';
import {
  COST_CENTER_ANNOTATION,
  ON_CALL_ANNOTATION,
  TEMPLATE_NAME_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
  TIER_ANNOTATION,
} from '@internal/plugin-golden-path-common';
import { OPENSLO_ANNOTATION } from '@internal/plugin-slo-common';
import { parseOpenSlo } from '@internal/plugin-slo-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { runTemplate, startGoldenPathBackend, TemplateRun } from './__testUtils__/goldenPathBackend';
import { git, helm, listFiles } from './__testUtils__/publishedRepository';

jest.setTimeout(600_000);

const common = {
  description: 'Created by the golden-path template tests',
  owner: 'group:default/checkout',
  system: 'system:default/commerce-core',
  onCall: 'pagerduty:checkout-primary',
  costCenter: 'CC-1042',
  publishTo: 'local',
};

interface Case {
  template: 'http-service' | 'worker' | 'terraform-module';
  values: Record<string, unknown>;
}

const cases: Case[] = [
  {
    template: 'http-service',
    values: { name: 'basket-service', language: 'typescript', tier: 'tier-1', sloTarget: 99.9, environments: ['dev', 'staging', 'prod'], database: true },
  },
  {
    template: 'http-service',
    values: { name: 'basket-api-go', language: 'go', tier: 'tier-2', sloTarget: 99.5, environments: ['dev', 'prod'], database: false },
  },
  {
    template: 'http-service',
    values: { name: 'coupon-preview', language: 'typescript', tier: 'tier-3', sloTarget: 95, environments: ['dev'], database: false },
  },
  {
    template: 'worker',
    values: { name: 'receipt-mailer', language: 'typescript', tier: 'tier-2', sloTarget: 99, environments: ['dev', 'staging', 'prod'], schedule: '' },
  },
  {
    template: 'worker',
    values: { name: 'nightly-reconcile', language: 'go', tier: 'tier-3', sloTarget: 99.99, environments: ['staging', 'prod'], schedule: '0 2 * * *' },
  },
  {
    template: 'terraform-module',
    values: { name: 'terraform-aws-export-bucket' },
  },
];

const entityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

describe('golden-path templates, run by the scaffolder and published locally', () => {
  const repositoriesDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-repos-'));
  let server: Awaited<ReturnType<typeof startGoldenPathBackend>>;
  const runs = new Map<string, TemplateRun>();

  beforeAll(async () => {
    server = await startGoldenPathBackend({ repositoriesDirectory });
    for (const c of cases) {
      runs.set(c.values.name as string, await runTemplate(server, c.template, { ...common, ...c.values }));
    }
  });

  describe.each(cases)('$template $values.name', ({ template, values }) => {
    const name = values.name as string;
    const repository = () => path.join(repositoriesDirectory, name);
    const files = () => listFiles(repository());
    const read = (file: string) => fs.readFileSync(path.join(repository(), file), 'utf8');
    const isWorkload = template !== 'terraform-module';

    it('completes, logging each step as it goes', () => {
      const run = runs.get(name)!;
      if (run.status !== 'completed') {
        throw new Error(`task ${run.status}; its log ends:\n${run.log.slice(-8).join('\n')}`);
      }
      const log = run.log.join('\n');
      expect(log).toContain('Beginning step Check the input');
      expect(log).toContain('Beginning step Publish to a local git repository');
      expect(log).toContain('Beginning step Register in the catalog');
      expect(log).toContain('Skipping step publish-github');
      expect(log).not.toContain('Finished step Publish to GitHub');
    });

    it('publishes a git repository with one commit and every value rendered', () => {
      expect(git(repository(), 'rev-list', '--count', 'HEAD')).toBe('1');
      expect(git(repository(), 'status', '--porcelain')).toBe('');
      for (const file of files()) {
        const text = read(file);
        expect({ file, leftover: /\$\{\{\s*(values|each|parameters)\./.test(text) }).toEqual({ file, leftover: false });
        expect({ file, leftover: /\{%|%\}/.test(text) }).toEqual({ file, leftover: false });
      }
    });

    it('registers a valid catalog entity carrying the annotations the portal reads', async () => {
      const entity: Entity = parseYaml(read('catalog-info.yaml'));
      await expect(entityPolicy.enforce(entity)).resolves.toBeDefined();
      await expect(componentEntityV1alpha1Validator.check(entity)).resolves.toBe(true);

      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.spec).toMatchObject({ owner: 'group:default/checkout', system: 'system:default/commerce-core' });
      expect(res.body.metadata.annotations).toMatchObject({
        'github.com/project-slug': `harbor-market/${name}`,
        'backstage.io/techdocs-ref': 'dir:.',
        [TEMPLATE_NAME_ANNOTATION]: template,
        [TEMPLATE_VERSION_ANNOTATION]: '1.0.0',
        [ON_CALL_ANNOTATION]: 'pagerduty:checkout-primary',
        [COST_CENTER_ANNOTATION]: 'CC-1042',
        // Only a workload runs on Kubernetes and has an SLO.
        ...(isWorkload
          ? {
              'backstage.io/kubernetes-id': name,
              'backstage.io/kubernetes-namespace': 'checkout',
              [TIER_ANNOTATION]: values.tier,
              [OPENSLO_ANNOTATION]: './slo/availability.yaml',
            }
          : {}),
      });
    });

    it('emits docs with a runbook, CODEOWNERS and a CI workflow with every stage', () => {
      expect(files()).toEqual(expect.arrayContaining(['mkdocs.yml', 'docs/index.md', 'docs/runbook.md', '.github/CODEOWNERS', '.github/workflows/ci.yml']));
      const workflow = parseYaml(read('.github/workflows/ci.yml'));
      const jobs = Object.keys(workflow.jobs);
      const environments = isWorkload ? (values.environments as string[]) : [];
      expect(jobs).toEqual(
        isWorkload ? ['app', 'chart', 'terraform-plan', 'image', ...environments.map(e => `deploy-${e}`)] : ['terraform'],
      );
      // Each environment deploys after the previous one.
      expect(environments.slice(1).map(e => workflow.jobs[`deploy-${e}`].needs)).toEqual(
        environments.slice(0, -1).map(e => [`deploy-${e}`]),
      );
      // The image is tagged with the commit it was built from.
      expect(isWorkload ? JSON.stringify(workflow.jobs.image).includes('${{ github.sha }}') : null).toBe(
        isWorkload ? true : null,
      );
    });

    it('has CODEOWNERS with one owner per path: the platform team for Terraform and .github/, the team for the rest', () => {
      const owners = read('.github/CODEOWNERS')
        .split('\n')
        .filter(line => line.trim() && !line.startsWith('#'))
        .map(line => line.trim().split(/\s+/));
      // A line with two owners lets either approve: every line names exactly one.
      expect(owners.every(line => line.length === 2)).toBe(true);
      expect(Object.fromEntries(owners)).toEqual({
        '*': '@harbor-market/checkout',
        '/.github/': '@harbor-market/platform',
        ...(isWorkload
          ? { '/terraform/': '@harbor-market/platform' }
          : { '*.tf': '@harbor-market/platform', '.terraform.lock.hcl': '@harbor-market/platform' }),
      });
    });

    it('has the CI a senior reviewer accepts: pinned actions, least privilege, credentials only to deploy', () => {
      const text = read('.github/workflows/ci.yml');
      const workflow = parseYaml(text);
      // Every action is pinned to a commit, with the release it is in as a comment.
      const uses = text.split('\n').filter(line => /^\s*(- )?uses:/.test(line));
      expect(uses.length).toBeGreaterThan(0);
      for (const line of uses) {
        expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
      expect(workflow.permissions).toEqual({});
      for (const [id, job] of Object.entries<any>(workflow.jobs)) {
        const deploys = id.startsWith('deploy-');
        // Every job says what it needs; only the deploy jobs get an OIDC token, and those
        // run on main only, inside their environment's protection.
        expect({ id, permissions: job.permissions }).toEqual({
          id,
          permissions: deploys ? { contents: 'read', 'id-token': 'write' } : { contents: 'read' },
        });
        expect({ id, if: job.if, environment: job.environment }).toEqual(
          deploys
            ? { id, if: "github.ref == 'refs/heads/main' && github.event_name != 'pull_request'", environment: id.slice('deploy-'.length) }
            : { id, if: job.if, environment: undefined },
        );
      }
      expect(workflow.jobs.terraform?.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(
        isWorkload
          ? undefined
          : [
              'terraform fmt -check -recursive',
              'terraform init -backend=false -input=false -lockfile=readonly',
              'terraform validate',
              'terraform test',
            ],
      );
    });

    if (isWorkload) {
    it('has workload CI that plans on pull requests and scans, signs and verifies before it deploys', () => {
      const workflow = parseYaml(read('.github/workflows/ci.yml'));
      // Pull requests: Terraform is planned against a mocked AWS in every environment.
      expect(JSON.stringify(workflow.jobs['terraform-plan'].steps)).toContain('terraform -chdir=\\"$root\\" test');
      // The image is scanned and described before any deploy job can take it.
      const imageSteps = workflow.jobs.image.steps.map((s: { uses?: string; name?: string }) => s.uses ?? s.name);
      const scan = imageSteps.findIndex((s: string) => s.startsWith('aquasecurity/trivy-action@'));
      const sbom = imageSteps.findIndex((s: string) => s.startsWith('anchore/sbom-action@'));
      expect(scan).toBeGreaterThan(0);
      expect(sbom).toBeGreaterThan(scan);
      expect(workflow.jobs.image.steps[scan].with).toMatchObject({ 'exit-code': '1', severity: 'HIGH,CRITICAL' });
      for (const environment of values.environments as string[]) {
        const job = workflow.jobs[`deploy-${environment}`];
        const account = { dev: '111111111111', staging: '222222222222', prod: '333333333333' }[environment];
        const steps: Array<{ uses?: string; name?: string; run?: string; with?: Record<string, string> }> = job.steps;
        const at = (pattern: RegExp) => steps.findIndex(step => pattern.test(`${step.name ?? ''} ${step.uses ?? ''} ${step.run ?? ''}`));
        // Its own account, its own image repository.
        expect(steps.find(step => step.uses?.startsWith('aws-actions/configure-aws-credentials@'))!.with!['role-to-assume']).toBe(
          `arn:aws:iam::${account}:role/github-actions-${name}`,
        );
        expect(job.env.IMAGE_REPOSITORY).toBe(`${account}.dkr.ecr.eu-west-1.amazonaws.com/${name}`);
        // Plan, then apply that plan; then sign, verify, and deploy the verified digest.
        const order = [/terraform plan -input=false -out=tfplan/, /terraform apply -input=false tfplan/, /cosign sign --yes/, /cosign verify/, /helm upgrade --install/].map(at);
        expect(order.every(i => i >= 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(steps[order[4]].run).toContain('image.digest="$IMAGE_DIGEST"');
      }
    });

    }

    it('emits Terraform that HashiCorp\'s parser reads and the portal\'s policies pass', async () => {
      const tfFiles = Object.fromEntries(
        files()
          .filter(f => f.endsWith('.tf') || f.endsWith('.tftest.hcl'))
          .map(f => [f, read(f)]),
      );
      expect(Object.keys(tfFiles).length).toBeGreaterThan(0);
      await parseTerraformFiles(tfFiles);
      const findings = await checkTerraform(
        Object.fromEntries(Object.entries(tfFiles).filter(([f]) => f.endsWith('.tf'))),
      );
      expect(formatFindings(findings)).toBe('');
      // A root module per environment (a Terraform module template has none).
      const roots = [...new Set(files().filter(f => f.startsWith('terraform/environments/')).map(f => f.split('/')[2]))];
      expect(roots.sort()).toEqual(isWorkload ? [...(values.environments as string[])].sort() : []);
      // Each root has its committed provider lock file, and is locked to its own account.
      for (const root of isWorkload ? roots.map(r => `terraform/environments/${r}`) : ['.']) {
        expect(files()).toContain(path.join(root, '.terraform.lock.hcl'));
      }
      for (const environment of isWorkload ? (values.environments as string[]) : []) {
        const account = { dev: '111111111111', staging: '222222222222', prod: '333333333333' }[environment];
        expect(read(`terraform/environments/${environment}/providers.tf`)).toContain(`allowed_account_ids = ["${account}"]`);
        expect(read(`terraform/environments/${environment}/main.tf`)).toContain('create_image_repository = true');
      }
    });

    if (isWorkload) {
      it('emits a Helm chart that passes helm lint --strict and renders the workload', () => {
        const chart = path.join(repository(), 'chart');
        helm('lint', '--strict', chart);
        const manifests = parseAllDocuments(helm('template', name, chart, '--namespace', 'checkout'))
          .map(d => d.toJS())
          .filter(Boolean);
        const kinds = manifests.map(m => m.kind);
        const cron = Boolean(values.schedule);
        expect(kinds).toEqual(
          expect.arrayContaining([cron ? 'CronJob' : 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'ServiceMonitor', 'PrometheusRule', ...(cron ? [] : ['HorizontalPodAutoscaler'])]),
        );
        for (const manifest of manifests) {
          expect({ kind: manifest.kind, labels: manifest.metadata.labels }).toMatchObject({
            labels: { 'backstage.io/kubernetes-id': name, team: 'checkout', service: name },
          });
        }
        const workload = manifests.find(m => m.kind === (cron ? 'CronJob' : 'Deployment'));
        const podSpec = cron ? workload.spec.jobTemplate.spec.template.spec : workload.spec.template.spec;
        const [container] = podSpec.containers;
        expect(container.resources.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
        expect(container.resources.limits).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(podSpec.securityContext).toMatchObject({ runAsNonRoot: true });
        // A CronJob's pods run to completion: only a Deployment is probed.
        expect(container).toMatchObject(
          cron ? {} : { livenessProbe: { httpGet: { path: '/healthz' } }, readinessProbe: { httpGet: { path: '/readyz' } } },
        );

        // Egress only to DNS, this namespace and listed destinations: no port open to anywhere.
        const policy = manifests.find(m => m.kind === 'NetworkPolicy');
        for (const rule of policy.spec.egress) {
          expect(rule.to?.length).toBeGreaterThan(0);
          for (const peer of rule.to) {
            expect(peer.namespaceSelector === undefined || Object.keys(peer.namespaceSelector).length > 0).toBe(true);
          }
        }
        expect(policy.spec.egress[0]).toMatchObject({
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        });
        expect(policy.spec.egress).toContainEqual({ to: [{ podSelector: {} }] });
        expect(policy.spec.egress.some((r: { ports?: Array<{ port: number }> }) => r.ports?.some(p => p.port === 443))).toBe(false);
        expect(policy.spec.egress.some((r: { ports?: Array<{ port: number }> }) => r.ports?.some(p => p.port === 5432))).toBe(Boolean(values.database));

        // Deployed to an environment: that environment's account and image repository.
        const first = (values.environments as string[])[0];
        const account = { dev: '111111111111', staging: '222222222222', prod: '333333333333' }[first];
        const deployed = parseAllDocuments(
          helm('template', name, chart, '--namespace', 'checkout', '--set-string', `environment=${first}`, '--set-string', `image.digest=sha256:${'a'.repeat(64)}`),
        ).map(d => d.toJS()).filter(Boolean);
        expect(deployed.find(m => m.kind === 'ServiceAccount').metadata.annotations['eks.amazonaws.com/role-arn']).toBe(`arn:aws:iam::${account}:role/${name}-${first}`);
        const deployedSpec = deployed.find(m => m.kind === (cron ? 'CronJob' : 'Deployment')).spec;
        expect((cron ? deployedSpec.jobTemplate.spec.template.spec : deployedSpec.template.spec).containers[0].image).toBe(
          `${account}.dkr.ecr.eu-west-1.amazonaws.com/${name}@sha256:${'a'.repeat(64)}`,
        );

        const rules = manifests.find(m => m.kind === 'PrometheusRule').spec.groups.flatMap((g: { rules: object[] }) => g.rules);
        const alerts = rules.filter((r: { alert?: string }) => r.alert);
        // A CronJob's pushed counters are replaced by every run: it alerts on what runs leave.
        expect(alerts.map((a: { alert: string }) => a.alert)).toEqual(
          cron ? ['CronJobRunFailed', 'CronJobLastSuccessTooOld', 'CronJobNoSuccessRecorded'] : Array(4).fill('ErrorBudgetBurn'),
        );
        expect(JSON.stringify(rules).includes('rate(')).toBe(!cron);
        // Burn-rate alerts at factor × error budget, over both windows of each pair.
        const budget = (100 - (values.sloTarget as number)) / 100;
        const burnRates = [[14.4, '1h', '5m'], [6, '6h', '30m'], [3, '1d', '2h'], [1, '3d', '6h']] as const;
        for (const [factor, long, short] of cron ? [] : burnRates) {
          const alert = alerts.find((a: { expr: string }) => a.expr.includes(`[${long}]`) && a.expr.includes(`[${short}]`));
          expect(alert).toBeDefined();
          const thresholds = [...alert.expr.matchAll(/>\s*\(?\s*([0-9.e-]+)/g)].map(m => Number(m[1]));
          expect(thresholds.length).toBeGreaterThanOrEqual(1);
          for (const threshold of thresholds) expect(threshold).toBeCloseTo(factor * budget, 10);
        }
      });

      it('emits an OpenSLO definition that the SLO plugin reads', () => {
        const { definitions, problems } = parseOpenSlo(read('slo/availability.yaml'), {
          entityRef: `component:default/${name}`,
          defaultPrometheus: 'default',
        });
        expect(problems).toEqual([]);
        expect(definitions).toHaveLength(1);
        expect(definitions[0].target).toBeCloseTo((values.sloTarget as number) / 100, 10);
        expect(definitions[0].window).toBe('30d');
        // The selectors batch by the service label, like every golden-path service's.
        for (const selector of Object.values(definitions[0].indicator)) {
          expect(selector).toContain(`service="${name}"`);
        }
      });
    }
  });
});
