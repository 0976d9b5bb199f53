import { readDurationFromConfig } from '@backstage/config';
import { RootConfigService } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

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

export function readScorecardsConfig(config: RootConfigService): ScorecardsSettings {
  const section = config.getOptionalConfig('scorecards');
  const duration = (key: string, fallback: HumanDuration) =>
    section?.has(key) ? readDurationFromConfig(section, { key }) : fallback;
  return {
    definitionsFile: section?.getOptionalString('definitionsFile'),
    entityKinds: section?.getOptionalStringArray('entityKinds') ?? ['Component'],
    platformGroup: section?.getOptionalString('platformGroup') ?? 'group:default/platform',
    frequency: duration('schedule.frequency', { hours: 1 }),
    timeout: duration('schedule.timeout', { minutes: 15 }),
    initialDelay: duration('schedule.initialDelay', { seconds: 30 }),
    factTimeoutMs: durationToMilliseconds(duration('factTimeout', { seconds: 60 })),
    historyDays: section?.getOptionalNumber('historyDays') ?? 90,
  };
}
