import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { GOLDEN_PATH_ENCODERS } from '@internal/plugin-golden-path-common';
import {
  buildTemplateValues,
  GoldenPathInput,
} from '@internal/plugin-scaffolder-backend-module-golden-path';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './exampleCatalog';
import { listFiles } from './publishedRepository';

type TemplateName = 'http-service' | 'worker' | 'terraform-module';

/** Every shape of repository the three templates can emit. */
export interface TemplateVariant {
  id: string;
  template: TemplateName;
  input: Omit<GoldenPathInput, 'description' | 'templateName' | 'templateVersion'>;
}

const workload = {
  owner: 'group:default/checkout',
  system: 'system:default/commerce-core',
  onCall: 'pagerduty:checkout-primary',
  costCenter: 'CC-1042',
};

export const TEMPLATE_VARIANTS: TemplateVariant[] = [
  {
    id: 'http-typescript',
    template: 'http-service',
    input: { ...workload, kind: 'http', name: 'basket-service', language: 'typescript', tier: 'tier-1', sloTarget: 99.9, environments: ['dev', 'staging', 'prod'], database: true },
  },
  {
    id: 'http-go',
    template: 'http-service',
    input: { ...workload, kind: 'http', name: 'basket-api-go', language: 'go', tier: 'tier-2', sloTarget: 99.5, environments: ['dev', 'prod'], database: false },
  },
  {
    id: 'worker-typescript-queue',
    template: 'worker',
    input: { ...workload, kind: 'worker', name: 'receipt-mailer', language: 'typescript', tier: 'tier-2', sloTarget: 99, environments: ['dev', 'staging', 'prod'], schedule: '' },
  },
  {
    id: 'worker-typescript-cron',
    template: 'worker',
    input: { ...workload, kind: 'worker', name: 'stock-sync', language: 'typescript', tier: 'tier-1', sloTarget: 99.9, environments: ['prod'], schedule: '*/15 * * * *' },
  },
  {
    id: 'worker-go-queue',
    template: 'worker',
    input: { ...workload, kind: 'worker', name: 'refund-worker', language: 'go', tier: 'tier-3', sloTarget: 95, environments: ['dev'], schedule: '' },
  },
  {
    id: 'worker-go-cron',
    template: 'worker',
    input: { ...workload, kind: 'worker', name: 'nightly-reconcile', language: 'go', tier: 'tier-3', sloTarget: 99.99, environments: ['staging', 'prod'], schedule: '0 2 * * *' },
  },
  {
    id: 'terraform-module',
    template: 'terraform-module',
    input: { ...workload, kind: 'terraform-module', name: 'terraform-aws-export-bucket' },
  },
];

/** The portal's goldenPath settings as the tests configure them: one account per environment. */
export const TEST_SETTINGS = {
  githubOrganization: 'harbor-market',
  platformTeam: 'platform',
  awsAccountIds: { dev: '111111111111', staging: '222222222222', prod: '333333333333' },
  awsRegion: 'eu-west-1',
  stateBucket: 'harbor-market-terraform-state',
  baseImages: {
    node: 'node:22-bookworm-slim',
    nodeRuntime: 'gcr.io/distroless/nodejs22-debian12:nonroot',
    go: 'golang:1.27-bookworm',
    goRuntime: 'gcr.io/distroless/static-debian12:nonroot',
  },
};

interface TemplateStep {
  action: string;
  each?: string;
  input: { url: string; targetPath?: string };
}

const fetchTemplate = createFetchTemplateAction({
  reader: mockServices.urlReader.mock(),
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  additionalTemplateFilters: Object.fromEntries(
    Object.entries(GOLDEN_PATH_ENCODERS).map(([name, encode]) => [name, (v: unknown) => encode(v)]),
  ) as never,
});

/**
 * Runs a template's fetch:template steps, in order, with the scaffolder's own action and
 * the golden-path encoders: the files a task would publish, without the catalog and git
 * steps around them. Returns the workspace and its files.
 */
export async function renderGoldenPath(
  variant: TemplateVariant,
  description: string,
  settings = TEST_SETTINGS,
): Promise<{ directory: string; files: string[] }> {
  const templateFile = path.join(repoRoot, 'templates', `${variant.template}.yaml`);
  const template = parseYaml(fs.readFileSync(templateFile, 'utf8'));
  const input: GoldenPathInput = {
    ...variant.input,
    description,
    templateName: variant.template,
    templateVersion: '1.0.0',
  };
  const { values, environmentValues } = buildTemplateValues(input, settings);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `golden-path-${variant.id}-`));
  const parameters: Record<string, unknown> = { language: input.language };
  const scratch: string[] = [];
  const fill = (text: string, each?: Record<string, unknown>) =>
    text
      .replace(/\$\{\{ parameters\.(\w+) \}\}/g, (_, key) => String(parameters[key]))
      .replace(/\$\{\{ each\.value\.(\w+) \}\}/g, (_, key) => String(each?.[key]));

  for (const step of template.spec.steps as TemplateStep[]) {
    if (step.action !== 'fetch:template') continue;
    const runs = step.each ? environmentValues : [undefined];
    for (const each of runs) {
      await fetchTemplate.handler({
        input: {
          url: fill(step.input.url, each),
          targetPath: step.input.targetPath ? fill(step.input.targetPath, each) : undefined,
          values: each ?? values,
        },
        workspacePath: directory,
        templateInfo: { baseUrl: pathToFileURL(templateFile).href, entityRef: `template:default/${variant.template}` },
        logger: mockServices.logger.mock(),
        createTemporaryDirectory: async () => {
          scratch.push(fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-tmp-')));
          return scratch[scratch.length - 1];
        },
        output: () => {},
      } as never);
    }
  }
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  return { directory, files: listFiles(directory) };
}
