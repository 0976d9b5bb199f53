import { parseEntityRef } from '@backstage/catalog-model';
import {
  burnRateThreshold,
  errorBudget,
  formatRatio,
  MULTI_WINDOW_BURN_RATE_ALERTS,
} from '@internal/plugin-slo-common';
import { Environment, ENVIRONMENTS } from '@internal/plugin-golden-path-common';
import { GoldenPathSettings } from './goldenPathSettings';

/** What a golden-path form collects (see each template.yaml). */
export interface GoldenPathInput {
  kind: 'http' | 'worker' | 'terraform-module';
  name: string;
  description: string;
  owner: string;
  system: string;
  language?: 'typescript' | 'go';
  /** Workloads only, like sloTarget and environments. */
  tier?: string;
  sloTarget?: number;
  onCall: string;
  costCenter: string;
  environments?: string[];
  database?: boolean;
  schedule?: string;
  templateName: string;
  templateVersion: string;
}

/**
 * Every value the skeletons under templates/skeletons read (templates/README.md lists
 * them), computed once here so that templates hold no arithmetic.
 */
export function buildTemplateValues(input: GoldenPathInput, settings: GoldenPathSettings) {
  const ownerRef = parseEntityRef(input.owner, { defaultKind: 'group' });
  const systemRef = parseEntityRef(input.system, { defaultKind: 'system' });
  const environments = ENVIRONMENTS.filter(e => (input.environments ?? []).includes(e));
  const slo = input.sloTarget;
  const values = {
    kind: input.kind,
    name: input.name,
    description: input.description,
    language: input.language ?? '',
    owner: `group:${ownerRef.namespace ?? 'default'}/${ownerRef.name}`,
    ownerName: ownerRef.name,
    system: `system:${systemRef.namespace ?? 'default'}/${systemRef.name}`,
    systemName: systemRef.name,
    tier: input.tier ?? '',
    sloTarget: slo ?? '',
    sloTargetRatio: slo === undefined ? '' : formatRatio(slo / 100),
    errorBudget: slo === undefined ? '' : formatRatio(errorBudget(slo)),
    burnRateAlerts:
      slo === undefined
        ? []
        : MULTI_WINDOW_BURN_RATE_ALERTS.map(alert => ({
            ...alert,
            threshold: formatRatio(burnRateThreshold(alert.factor, slo)),
          })),
    onCall: input.onCall,
    costCenter: input.costCenter,
    environments,
    database: input.database ?? false,
    schedule: input.schedule ?? '',
    githubOrganization: settings.githubOrganization,
    githubSlug: `${settings.githubOrganization}/${input.name}`,
    awsAccountId: settings.awsAccountId,
    awsRegion: settings.awsRegion,
    stateBucket: settings.stateBucket,
    imageRepository: `${settings.awsAccountId}.dkr.ecr.${settings.awsRegion}.amazonaws.com/${input.name}`,
    templateName: input.templateName,
    templateVersion: input.templateVersion,
  };
  return {
    values,
    /** One set of values per environment root (`terraform/environments/<env>`). */
    environmentValues: environments.map((environment: Environment) => ({
      ...values,
      environment,
    })),
  };
}
