import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

export interface FalcoSettings {
  ingestToken?: string;
  maxBodySize: string;
  maxBatchSize: number;
  eventRetention: HumanDuration;
  dailyCountRetention: HumanDuration;
  retentionFrequency: HumanDuration;
  mappingFrequency: HumanDuration;
  demoEnabled: boolean;
}

/** `{ days: 30 }`, `P30D` or `30 days`; `fallback` when the key is absent. */
const duration = (config: Config | undefined, key: string, fallback: HumanDuration): HumanDuration =>
  config?.has(key) ? readDurationFromConfig(config, { key }) : fallback;

/** Reads `falco` (see config.d.ts); every key has a default, so the plugin runs unconfigured. */
export function readFalcoConfig(root: Config): FalcoSettings {
  const falco = root.getOptionalConfig('falco');
  const maxBatchSize = falco?.getOptionalNumber('ingest.maxBatchSize') ?? 1000;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new Error(`falco.ingest.maxBatchSize must be a positive whole number, got ${maxBatchSize}`);
  }
  return {
    ingestToken: falco?.getOptionalString('ingest.token') || undefined,
    maxBodySize: falco?.getOptionalString('ingest.maxBodySize') ?? '1mb',
    maxBatchSize,
    eventRetention: duration(falco, 'retention.events', { days: 30 }),
    dailyCountRetention: duration(falco, 'retention.dailyCounts', { days: 400 }),
    retentionFrequency: duration(falco, 'retention.frequency', { hours: 1 }),
    mappingFrequency: duration(falco, 'mapping.frequency', { minutes: 5 }),
    demoEnabled: falco?.getOptionalBoolean('demo.enabled') ?? false,
  };
}
