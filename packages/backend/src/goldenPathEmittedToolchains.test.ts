import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { findBinary, parseYamlStrictly, run } from './__testUtils__/emittedFileChecks';
import { helm } from './__testUtils__/publishedRepository';
import { renderGoldenPath, TEMPLATE_VARIANTS, TemplateVariant } from './__testUtils__/renderGoldenPath';
import { findTerraform } from './__testUtils__/terraformCli';

jest.setTimeout(900_000);

/**
 * "Green on the first push": what each emitted repository's own CI runs, run here on the
 * emitted files with the real tools. Tools this machine lacks are skipped with a test
 * named for what was not run, which scripts/summarizeTestResults.mjs lists.
 */
const terraform = findTerraform();
const promtool = findBinary('promtool');
const go = findBinary('go');
const npm = findBinary('npm');

const rendered = new Map<string, string>();
async function repository(variant: TemplateVariant): Promise<string> {
  if (!rendered.has(variant.id)) {
    const { directory } = await renderGoldenPath(variant, 'Created by the golden-path toolchain tests');
    rendered.set(variant.id, directory);
  }
  return rendered.get(variant.id)!;
}

afterAll(() => {
  for (const directory of rendered.values()) fs.rmSync(directory, { recursive: true, force: true });
});

/** Each root `terraform init` runs in: every environment, or the module repository itself. */
function terraformRoots(variant: TemplateVariant): string[] {
  return variant.template === 'terraform-module'
    ? ['.']
    : variant.input.environments!.map(e => `terraform/environments/${e}`);
}

describe('the emitted Terraform', () => {
  if (!terraform.cli) {
    it.skip(`terraform fmt -check, init -backend=false, validate and test on every template's Terraform (skipped: ${terraform.missing})`, () => {});
    return;
  }
  const { binary, env } = terraform.cli;
  const tf = (cwd: string, ...args: string[]) => run(binary, args, { cwd, env });

  it.each(TEMPLATE_VARIANTS.map(v => [v.id, v]))(
    '%s: terraform fmt -check, init -backend=false with the committed lock file, validate and test',
    async (_, variant) => {
      const directory = await repository(variant);
      tf(directory, 'fmt', '-check', '-recursive');
      for (const root of terraformRoots(variant)) {
        const cwd = path.join(directory, root);
        const lockFile = fs.readFileSync(path.join(cwd, '.terraform.lock.hcl'), 'utf8');
        // -lockfile=readonly: the committed lock file must already cover what init installs.
        tf(cwd, 'init', '-backend=false', '-input=false', '-lockfile=readonly');
        expect(fs.readFileSync(path.join(cwd, '.terraform.lock.hcl'), 'utf8')).toBe(lockFile);
        expect(tf(cwd, 'validate', '-no-color')).toContain('The configuration is valid');
        const tested = tf(cwd, 'test', '-no-color');
        expect({ root, summary: /Success! (\d+) passed, 0 failed/.exec(tested)?.[0] }).toEqual({
          root,
          summary: expect.stringMatching(/^Success! [1-9]\d* passed, 0 failed$/),
        });
        fs.rmSync(path.join(cwd, '.terraform'), { recursive: true, force: true });
      }
    },
  );
});

describe('the emitted TypeScript apps', () => {
  const variants = TEMPLATE_VARIANTS.filter(v => v.input.language === 'typescript');
  if (!npm) {
    it.skip('npm ci, lint, type-check, build and test each TypeScript app (skipped: no npm on PATH)', () => {});
    return;
  }
  // One npm cache for every app and run: the first install fetches, the others copy.
  const cache = path.join(os.tmpdir(), 'golden-path-npm-cache');

  it.each(variants.map(v => [v.id, v]))(
    '%s: npm ci, npm run lint (eslint and tsc --noEmit), npm run build and npm test pass',
    async (_, variant) => {
      const cwd = await repository(variant);
      const npmRun = (...args: string[]) =>
        run(npm!, args, { cwd, env: { ...process.env, npm_config_cache: cache, npm_config_update_notifier: 'false', NODE_OPTIONS: '' } });
      npmRun('ci', '--prefer-offline', '--no-audit', '--no-fund');
      npmRun('run', 'lint');
      npmRun('run', 'build');
      expect(fs.existsSync(path.join(cwd, 'dist/main.js'))).toBe(true);
      const tested = npmRun('test');
      expect(tested).toMatch(/# fail 0/);
      expect(tested).toMatch(/# pass [1-9]/);
    },
  );
});

describe('the emitted Go services', () => {
  const variants = TEMPLATE_VARIANTS.filter(v => v.input.language === 'go');
  if (!go) {
    it.skip('go.mod parses and names the Go release of the build image (skipped: no go binary on PATH)', () => {});
    return;
  }

  it.each(variants.map(v => [v.id, v]))(
    '%s: go.mod parses, declares a Go release the build image provides, and gofmt has nothing to change',
    async (_, variant) => {
      const cwd = await repository(variant);
      const module = JSON.parse(run(go!, ['mod', 'edit', '-json'], { cwd, env: { ...process.env, GOFLAGS: '-mod=mod' } }));
      expect(module.Module.Path).toBe(`github.com/harbor-market/${variant.input.name}`);
      // "1.27", not "1.27.0": the Go of Debian 12 (1.19) reads only the two-part form.
      const [, minor] = /^1\.(\d+)$/.exec(module.Go) ?? [];
      // Supported Go releases are the two newest; 1.27 is the newest as of December 2026.
      expect(Number(minor)).toBeGreaterThanOrEqual(26);
      const buildImage = /^FROM golang:(\d+\.\d+)/m.exec(fs.readFileSync(path.join(cwd, 'Dockerfile'), 'utf8'))?.[1];
      expect(buildImage).toBe(`1.${minor}`);
      expect(run(findBinary('gofmt')!, ['-l', '.'], { cwd })).toBe('');
    },
  );
});

describe('the emitted alert rules', () => {
  if (!promtool) {
    it.skip('promtool check rules and promtool test rules on the CronJob alerts (skipped: no promtool on PATH)', () => {});
    return;
  }

  /** The PrometheusRule the chart renders, as a Prometheus rule file. */
  async function ruleFile(variant: TemplateVariant): Promise<string> {
    const directory = await repository(variant);
    const manifests = parseYamlStrictly(
      'helm template',
      helm('template', variant.input.name, path.join(directory, 'chart'), '--namespace', 'checkout'),
    ) as Array<{ kind: string; spec: { groups: unknown[] } }>;
    const rule = manifests.find(m => m?.kind === 'PrometheusRule')!;
    const file = path.join(directory, 'rules.yaml');
    fs.writeFileSync(file, stringifyYaml({ groups: rule.spec.groups }));
    return file;
  }

  it.each(TEMPLATE_VARIANTS.filter(v => v.template !== 'terraform-module').map(v => [v.id, v]))(
    '%s: promtool check rules accepts every rule',
    async (_, variant) => {
      const file = await ruleFile(variant);
      expect(run(promtool!, ['check', 'rules', file], { cwd: path.dirname(file) })).toMatch(/SUCCESS: \d+ rules found/);
    },
  );

  it('a CronJob alerts on a failed last run and on an old last success, and not otherwise (promtool test rules)', async () => {
    const variant = TEMPLATE_VARIANTS.find(v => v.id === 'worker-typescript-cron')!;
    const file = await ruleFile(variant);
    const name = variant.input.name; // runs every 15 minutes: one missed run is 900 + 300 + 3600 s
    const job = (id: number, startSeconds: number, outcome: 'complete' | 'failed') => [
      { series: `kube_job_owner{namespace="checkout",job_name="${name}-${id}",owner_kind="CronJob",owner_name="${name}",owner_is_controller="true"}`, values: '1x120' },
      { series: `kube_job_status_start_time{namespace="checkout",job_name="${name}-${id}"}`, values: `${startSeconds}x120` },
      { series: `kube_job_complete{namespace="checkout",job_name="${name}-${id}",condition="true"}`, values: `${outcome === 'complete' ? 1 : 0}x120` },
      { series: `kube_job_failed{namespace="checkout",job_name="${name}-${id}",condition="true"}`, values: `${outcome === 'failed' ? 1 : 0}x120` },
    ];
    const labels = { severity: 'page', service: name, team: 'checkout' };
    const rules = (parseYaml(fs.readFileSync(file, 'utf8')).groups as Array<{ rules: Array<{ alert: string; annotations: Record<string, string> }> }>)
      .flatMap(g => g.rules);
    /** The rule's annotations as Prometheus fills them in, with $value as given. */
    const annotations = (alert: string, value?: string) =>
      Object.fromEntries(
        Object.entries(rules.find(r => r.alert === alert)!.annotations).map(([key, text]) => [
          key,
          text.replace(/\{\{ \$value \| humanizeDuration \}\}/, value ?? ''),
        ]),
      );
    const tests = {
      rule_files: [path.basename(file)],
      evaluation_interval: '1m',
      tests: [
        {
          // A success, then a failure: the last run failed.
          interval: '1m',
          input_series: [...job(1, 60, 'complete'), ...job(2, 960, 'failed'),
            { series: `job_last_success_timestamp_seconds{service="${name}"}`, values: '60x120' }],
          alert_rule_test: [
            { eval_time: '30m', alertname: 'CronJobRunFailed', exp_alerts: [{ exp_labels: { ...labels, namespace: 'checkout', owner_name: name }, exp_annotations: annotations('CronJobRunFailed') }] },
            // 30 minutes since the last success is within one missed run (80 minutes).
            { eval_time: '30m', alertname: 'CronJobLastSuccessTooOld', exp_alerts: [] },
            { eval_time: '90m', alertname: 'CronJobLastSuccessTooOld', exp_alerts: [{ exp_labels: { ...labels }, exp_annotations: annotations('CronJobLastSuccessTooOld', '1h 29m 0s') }] },
            { eval_time: '90m', alertname: 'CronJobNoSuccessRecorded', exp_alerts: [] },
          ],
        },
        {
          // A failure, then a success: the failure is over.
          interval: '1m',
          input_series: [...job(1, 60, 'failed'), ...job(2, 960, 'complete'),
            { series: `job_last_success_timestamp_seconds{service="${name}"}`, values: '960x120' }],
          alert_rule_test: [
            { eval_time: '30m', alertname: 'CronJobRunFailed', exp_alerts: [] },
            { eval_time: '30m', alertname: 'CronJobLastSuccessTooOld', exp_alerts: [] },
          ],
        },
        {
          // Never succeeded: the failure alerts, and so does the missing success time once
          // a run should have succeeded.
          interval: '1m',
          input_series: [...job(1, 60, 'failed')],
          alert_rule_test: [
            { eval_time: '10m', alertname: 'CronJobRunFailed', exp_alerts: [{ exp_labels: { ...labels, namespace: 'checkout', owner_name: name }, exp_annotations: annotations('CronJobRunFailed') }] },
            { eval_time: '60m', alertname: 'CronJobNoSuccessRecorded', exp_alerts: [] },
            { eval_time: '100m', alertname: 'CronJobNoSuccessRecorded', exp_alerts: [{ exp_labels: { ...labels, service: name }, exp_annotations: annotations('CronJobNoSuccessRecorded') }] },
          ],
        },
      ],
    };
    const testFile = path.join(path.dirname(file), 'rules.test.yaml');
    fs.writeFileSync(testFile, stringifyYaml(tests));
    expect(run(promtool!, ['test', 'rules', path.basename(testFile)], { cwd: path.dirname(file) })).toContain('SUCCESS');
    // Nothing in these alerts reads the Pushgateway's counters.
    expect(JSON.stringify(rules)).not.toContain('jobs_processed_total');
  });
});
