import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GOLDEN_PATH_ENCODERS } from '@internal/plugin-golden-path-common';
import nunjucks from 'nunjucks';
import { checkTerraform } from './checkTerraform';
import { parseTerraformFiles } from './parseTerraformFiles';
import { readTerraformDirectory } from './readTerraformDirectory';

const SKELETON = resolve(__dirname, '../../../templates/skeletons/terraform');

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** The shared values of templates/README.md, as the http-service template passes them. */
function templateValues(database: boolean, environments = ENVIRONMENTS) {
  return {
    name: 'basket-service',
    description: "Keeps shoppers' baskets",
    kind: 'http',
    language: 'typescript',
    owner: 'group:default/checkout',
    ownerName: 'checkout',
    system: 'system:default/commerce-core',
    systemName: 'commerce-core',
    tier: 'tier-1',
    sloTarget: '99.9',
    errorBudget: '0.001',
    onCall: 'pagerduty:checkout-primary',
    costCenter: 'CC-1042',
    environments,
    database,
    githubSlug: 'harbor-market/basket-service',
    awsAccountId: '123456789012',
    awsRegion: 'eu-west-1',
    stateBucket: 'harbor-market-terraform-state',
    imageRepository:
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/basket-service',
    templateName: 'http-service',
    templateVersion: '1.0.0',
  };
}

// Configured as the scaffolder's fetch:template configures its templater, with the
// golden-path encoders the backend module registers as filters.
const templater = new nunjucks.Environment(undefined, {
  autoescape: false,
  tags: { variableStart: '${{', variableEnd: '}}' },
});
for (const [name, encode] of Object.entries(GOLDEN_PATH_ENCODERS)) {
  templater.addFilter(name, (value: unknown) => encode(value));
}

const ACCOUNTS: Record<string, string> = {
  dev: '111111111111',
  staging: '222222222222',
  prod: '333333333333',
};

async function renderDirectory(
  source: string,
  target: string,
  values: object,
): Promise<void> {
  for (const entry of await fs.readdir(source, { withFileTypes: true })) {
    const from = join(source, entry.name);
    const to = join(target, entry.name);
    if (entry.isDirectory()) {
      await renderDirectory(from, to, values);
    } else {
      const template = await fs.readFile(from, 'utf8');
      await fs.mkdir(dirname(to), { recursive: true });
      await fs.writeFile(to, templater.renderString(template, { values }));
    }
  }
}

/** Lays the skeleton out as the template does: modules once, a root per environment. */
async function renderRepository(
  repository: string,
  database: boolean,
  environments: string[],
): Promise<Record<string, string>> {
  const values = templateValues(database, environments);
  await renderDirectory(
    join(SKELETON, 'modules'),
    join(repository, 'terraform/modules'),
    values,
  );
  for (const environment of environments) {
    await renderDirectory(
      join(SKELETON, 'environment'),
      join(repository, 'terraform/environments', environment),
      { ...values, environment, awsAccountId: ACCOUNTS[environment] },
    );
  }
  return readTerraformDirectory(repository);
}

describe('golden-path Terraform skeleton', () => {
  let repository: string;

  beforeEach(async () => {
    repository = await fs.mkdtemp(join(tmpdir(), 'golden-path-terraform-'));
  });

  afterEach(async () => {
    await fs.rm(repository, { recursive: true, force: true });
  });

  describe.each([true, false])('with database: %s', database => {
    it.each(ENVIRONMENTS)(
      'renders the %s root and the service module without findings',
      async environment => {
        const files = await renderRepository(repository, database, [
          environment,
        ]);

        expect(Object.keys(files).sort()).toEqual(
          [
            'backend.tf',
            'main.tf',
            'outputs.tf',
            'platform.tf',
            'providers.tf',
            'variables.tf',
            'versions.tf',
          ]
            .map(file => `terraform/environments/${environment}/${file}`)
            .concat(
              [
                'database.tf',
                'image_repository.tf',
                'main.tf',
                'outputs.tf',
                'service_account_role.tf',
                'variables.tf',
                'versions.tf',
              ].map(file => `terraform/modules/service/${file}`),
            ),
        );
        const unrendered = Object.entries(files)
          .filter(([, text]) => /\$\{\{|\{%|%\}/.test(text))
          .map(([path]) => path);
        expect(unrendered).toEqual([]);
        await expect(parseTerraformFiles(files)).resolves.toBeDefined();
        expect(await checkTerraform(files)).toEqual([]);
      },
    );
  });

  it('renders every chosen environment together, each root in its own account creating its own image repository', async () => {
    const files = await renderRepository(repository, true, ENVIRONMENTS);

    expect(await checkTerraform(files)).toEqual([]);
    const creatingRoots = ENVIRONMENTS.filter(environment =>
      files[`terraform/environments/${environment}/main.tf`].includes(
        'create_image_repository = true',
      ),
    );
    expect(creatingRoots).toEqual(ENVIRONMENTS);
    for (const environment of ENVIRONMENTS) {
      expect(files[`terraform/environments/${environment}/providers.tf`]).toContain(
        `allowed_account_ids = ["${ACCOUNTS[environment]}"]`,
      );
    }
  });

  it('fails when the prod root turns deletion protection off', async () => {
    const files = await renderRepository(repository, true, ENVIRONMENTS);
    const prodRoot = 'terraform/environments/prod/main.tf';
    files[prodRoot] = files[prodRoot].replace(
      /deletion_protection = true/,
      'deletion_protection = false',
    );

    const findings = await checkTerraform(files);

    expect(findings).toEqual([
      {
        rule: 'deletion-protection-in-prod',
        file: prodRoot,
        address: 'module.service',
        message:
          'passes deletion_protection = false in the production environment "prod"',
        fix: 'Pass deletion_protection = true in production.',
      },
    ]);
  });

  it('fails when the service module defaults deletion protection to off', async () => {
    const files = await renderRepository(repository, true, ['dev']);
    const moduleVariables = 'terraform/modules/service/variables.tf';
    files[moduleVariables] = files[moduleVariables].replace(
      /(variable "deletion_protection" \{[^}]*default\s*=\s*)true/,
      '$1false',
    );

    const findings = await checkTerraform(files);

    expect(
      findings.map(({ rule, file, address }) => ({ rule, file, address })),
    ).toEqual([
      {
        rule: 'deletion-protection-in-prod',
        file: 'terraform/modules/service/database.tf',
        address: 'aws_db_instance.service',
      },
    ]);
  });
});
