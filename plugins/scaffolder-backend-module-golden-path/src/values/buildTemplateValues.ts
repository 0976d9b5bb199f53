import { parseEntityRef } from '@backstage/catalog-model';
import {
  burnRateThreshold,
  errorBudget,
  formatRatio,
  MULTI_WINDOW_BURN_RATE_ALERTS,
} from '@internal/plugin-slo-common';
import {
  Environment,
  ENVIRONMENTS,
  longestCronIntervalSeconds,
} from '@internal/plugin-golden-path-common';
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

/** A CronJob run may start this late (startingDeadlineSeconds) and take this long. */
const CRON_STARTING_DEADLINE_SECONDS = 300;
const CRON_ACTIVE_DEADLINE_SECONDS = 3600;

/**
 * Every value the skeletons under templates/skeletons read (templates/README.md lists
 * them), computed once here so that templates hold no arithmetic.
 */
export function buildTemplateValues(input: GoldenPathInput, settings: GoldenPathSettings) {
  const ownerRef = parseEntityRef(input.owner, { defaultKind: 'group' });
  const systemRef = parseEntityRef(input.system, { defaultKind: 'system' });
  const environments = ENVIRONMENTS.filter(e => (input.environments ?? []).includes(e));
  const slo = input.sloTarget;
  const schedule = input.kind === 'worker' ? input.schedule ?? '' : '';
  const imageRepository = (environment: Environment) =>
    `${settings.awsAccountIds[environment]}.dkr.ecr.${settings.awsRegion}.amazonaws.com/${input.name}`;
  /** What differs per environment: its account, and the image repository its root creates. */
  const deployments = environments.map(environment => ({
    environment,
    awsAccountId: settings.awsAccountIds[environment],
    imageRepository: imageRepository(environment),
  }));
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
    schedule,
    cronJob: schedule
      ? {
          startingDeadlineSeconds: CRON_STARTING_DEADLINE_SECONDS,
          activeDeadlineSeconds: CRON_ACTIVE_DEADLINE_SECONDS,
          // One missed or failed run: the longest gap between runs, plus how late a run
          // may start and how long it may take.
          lastSuccessMaxAgeSeconds:
            longestCronIntervalSeconds(schedule) +
            CRON_STARTING_DEADLINE_SECONDS +
            CRON_ACTIVE_DEADLINE_SECONDS,
        }
      : null,
    githubOrganization: settings.githubOrganization,
    githubSlug: `${settings.githubOrganization}/${input.name}`,
    platformTeam: settings.platformTeam,
    deployments,
    awsRegion: settings.awsRegion,
    stateBucket: settings.stateBucket,
    baseImages: settings.baseImages,
    templateName: input.templateName,
    templateVersion: input.templateVersion,
  };
  return {
    values,
    /** One set of values per environment root (`terraform/environments/<env>`). */
    environmentValues: deployments.map(deployment => ({
      ...values,
      ...deployment,
    })),
  };
}
