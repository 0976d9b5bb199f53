import { readDurationFromConfig } from '@backstage/config';
import { RootConfigService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { PluginConfigError } from '@internal/portal-node';

export interface ScorecardsSettings {
  definitionsFile?: string;
  entityKinds: string[];
  platformGroup: string;
  frequency: HumanDuration;
  timeout: HumanDuration;
  initialDelay: HumanDuration;
  factTimeoutMs: number;
  historyDays: number;
}

/** Reads `scorecards` (see config.d.ts); a bad value is an error naming the key and the fix. */
export function readScorecardsConfig(config: RootConfigService): ScorecardsSettings {
  const section = config.getOptionalConfig('scorecards');
  const duration = (key: string, fallback: HumanDuration) =>
    section?.has(key) ? readDurationFromConfig(section, { key }) : fallback;
  const definitionsFile = section?.getOptionalString('definitionsFile');
  const historyDays = section?.getOptionalNumber('historyDays') ?? 90;
  if (!Number.isInteger(historyDays) || historyDays < 1) {
    throw new PluginConfigError(
      'scorecards.historyDays',
      `scorecards.historyDays is ${historyDays}; use a whole number of days, 1 or more, e.g. 90`,
    );
  }
  return {
    definitionsFile,
    entityKinds: section?.getOptionalStringArray('entityKinds') ?? ['Component'],
    platformGroup: section?.getOptionalString('platformGroup') ?? 'group:default/platform',
    frequency: duration('schedule.frequency', { hours: 1 }),
    timeout: duration('schedule.timeout', { minutes: 15 }),
    initialDelay: duration('schedule.initialDelay', { seconds: 30 }),
    factTimeoutMs: durationToMilliseconds(duration('factTimeout', { seconds: 60 })),
    historyDays,
  };
}
