import { buildTemplateValues } from './buildTemplateValues';

const settings = {
  githubOrganization: 'harbor-market',
  awsAccountId: '123456789012',
  awsRegion: 'eu-west-1',
  stateBucket: 'harbor-market-terraform-state',
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
      imageRepository: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/basket-service',
      // Environments come out in promotion order whatever order they were picked in.
      environments: ['dev', 'prod'],
    });
    expect(values.burnRateAlerts.map(a => [a.longWindow, a.shortWindow, a.threshold])).toEqual([
      ['1h', '5m', '0.0072'],
      ['6h', '30m', '0.003'],
      ['1d', '2h', '0.0015'],
      ['3d', '6h', '0.0005'],
    ]);
    expect(environmentValues.map(v => v.environment)).toEqual(['dev', 'prod']);
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
