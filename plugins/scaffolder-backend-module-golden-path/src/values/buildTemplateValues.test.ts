import { buildTemplateValues } from './buildTemplateValues';

import { DEFAULT_BASE_IMAGES } from './goldenPathSettings';

const settings = {
  githubOrganization: 'harbor-market',
  platformTeam: 'platform',
  awsAccountIds: { dev: '111111111111', staging: '222222222222', prod: '333333333333' },
  awsRegion: 'eu-west-1',
  stateBucket: 'harbor-market-terraform-state',
  baseImages: DEFAULT_BASE_IMAGES,
};

describe('buildTemplateValues', () => {
  it('computes names, refs, SLO thresholds and one value set per chosen environment', () => {
    const { values, environmentValues } = buildTemplateValues(
      {
        kind: 'http',
        name: 'basket-service',
        description: 'Baskets',
        owner: 'checkout',
        system: 'system:default/commerce-core',
        language: 'go',
        tier: 'tier-1',
        sloTarget: 99.95,
        onCall: 'pagerduty:checkout-primary',
        costCenter: 'CC-1042',
        environments: ['prod', 'dev'],
        templateName: 'http-service',
        templateVersion: '1.0.0',
      },
      settings,
    );
    expect(values).toMatchObject({
      owner: 'group:default/checkout',
      ownerName: 'checkout',
      system: 'system:default/commerce-core',
      systemName: 'commerce-core',
      sloTargetRatio: '0.9995',
      errorBudget: '0.0005',
      githubSlug: 'harbor-market/basket-service',
      // Each environment in its own account, with its own image repository.
      deployments: [
        { environment: 'dev', awsAccountId: '111111111111', imageRepository: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/basket-service' },
        { environment: 'prod', awsAccountId: '333333333333', imageRepository: '333333333333.dkr.ecr.eu-west-1.amazonaws.com/basket-service' },
      ],
      cronJob: null,
      // Environments come out in promotion order whatever order they were picked in.
      environments: ['dev', 'prod'],
    });
    expect(values.burnRateAlerts.map(a => [a.longWindow, a.shortWindow, a.threshold])).toEqual([
      ['1h', '5m', '0.0072'],
      ['6h', '30m', '0.003'],
      ['1d', '2h', '0.0015'],
      ['3d', '6h', '0.0005'],
    ]);
    expect(environmentValues.map(v => [v.environment, v.awsAccountId])).toEqual([
      ['dev', '111111111111'],
      ['prod', '333333333333'],
    ]);
  });

  it('gives a CronJob the age of its last success after which one run was missed', () => {
    const { values } = buildTemplateValues(
      {
        kind: 'worker',
        name: 'nightly-reconcile',
        description: 'Reconciles the ledger',
        owner: 'checkout',
        system: 'commerce-core',
        language: 'go',
        tier: 'tier-3',
        sloTarget: 99,
        onCall: 'slack:checkout',
        costCenter: 'CC-1042',
        environments: ['prod'],
        schedule: '0 2 * * *',
        templateName: 'worker',
        templateVersion: '1.0.0',
      },
      settings,
    );
    // A day between runs, plus 5 minutes' starting deadline and an hour's run.
    expect(values.cronJob).toEqual({
      startingDeadlineSeconds: 300,
      activeDeadlineSeconds: 3600,
      lastSuccessMaxAgeSeconds: 86_400 + 300 + 3600,
    });
  });

  it('leaves SLO values empty for a Terraform module, which has no availability target', () => {
    const { values, environmentValues } = buildTemplateValues(
      {
        kind: 'terraform-module',
        name: 'terraform-aws-bucket',
        description: 'Buckets',
        owner: 'group:default/platform',
        system: 'developer-platform',
        onCall: 'slack:platform',
        costCenter: 'CC-1000',
        templateName: 'terraform-module',
        templateVersion: '1.0.0',
      },
      settings,
    );
    expect(values).toMatchObject({ errorBudget: '', burnRateAlerts: [], environments: [] });
    expect(environmentValues).toEqual([]);
  });
});
