import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

export interface DoraSettings {
  demo: boolean;
  host: string;
  environment: string;
  deployWorkflow: string | null;
  concurrency: number;
  requestTimeoutMs: number;
  maxRateLimitWaitSeconds: number;
  frequency: HumanDuration;
  timeout: HumanDuration;
}

/** Reads `dora` (see config.d.ts); every key is optional. */
export function readDoraConfig(config: Config): DoraSettings {
  const dora = config.getOptionalConfig('dora');
  const github = dora?.getOptionalConfig('github');
  const duration = (parent: Config | undefined, key: string, fallback: HumanDuration) =>
    parent?.has(key) ? readDurationFromConfig(parent, { key }) : fallback;
  const concurrency = github?.getOptionalNumber('concurrency') ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 50) {
    throw new Error(`dora.github.concurrency is ${concurrency}; use a whole number from 1 to 50 (GitHub allows 100 concurrent requests per token)`);
  }
  return {
    demo: dora?.getOptionalBoolean('demo.enabled') ?? false,
    host: github?.getOptionalString('host') ?? 'github.com',
    environment: github?.getOptionalString('environment') ?? 'production',
    deployWorkflow: github?.getOptionalString('deployWorkflow') ?? null,
    concurrency,
    requestTimeoutMs: durationToMilliseconds(duration(github, 'requestTimeout', { seconds: 30 })),
    maxRateLimitWaitSeconds: durationToMilliseconds(duration(github, 'maxRateLimitWait', { minutes: 15 })) / 1000,
    frequency: duration(dora, 'refresh.frequency', { minutes: 15 }),
    timeout: duration(dora, 'refresh.timeout', { minutes: 10 }),
  };
}
