import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@internal/plugin-platform-review-common';

export interface DoraSettings {
  demo: boolean;
  host: string;
  environment: string;
  deployWorkflow: string | null;
  /** Deploy-workflow runs that count: on this branch (null: the repository's default) and event (null: any). */
  runFilter: { branch: string | null; event: string | null };
  /** Weeks of the trend start on Monday 00:00 here: `platformReview.timeZone`, as in the weekly review. */
  timeZone: string;
  /** Set when `platformReview.timeZone` is malformed: that plugin reports it; DORA uses the default. */
  timeZoneProblem?: string;
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
  // The review's setting, so weeks agree; a malformed one stops the review (which owns it), not DORA.
  const configuredTimeZone = config.getOptionalString('platformReview.timeZone') ?? DEFAULT_TIME_ZONE;
  const timeZoneProblem = isValidTimeZone(configuredTimeZone)
    ? undefined
    : `platformReview.timeZone "${configuredTimeZone}" is not an IANA time zone; DORA weeks use ${DEFAULT_TIME_ZONE} until it is fixed`;
  const timeZone = timeZoneProblem ? DEFAULT_TIME_ZONE : configuredTimeZone;
  return {
    demo: dora?.getOptionalBoolean('demo.enabled') ?? false,
    host: github?.getOptionalString('host') ?? 'github.com',
    environment: github?.getOptionalString('environment') ?? 'production',
    deployWorkflow: github?.getOptionalString('deployWorkflow') ?? null,
    runFilter: {
      branch: github?.getOptionalString('deployBranch') ?? null,
      event: github?.getOptionalString('deployEvent') ?? null,
    },
    timeZone,
    timeZoneProblem,
    concurrency,
    requestTimeoutMs: durationToMilliseconds(duration(github, 'requestTimeout', { seconds: 30 })),
    maxRateLimitWaitSeconds: durationToMilliseconds(duration(github, 'maxRateLimitWait', { minutes: 15 })) / 1000,
    frequency: duration(dora, 'refresh.frequency', { minutes: 15 }),
    timeout: duration(dora, 'refresh.timeout', { minutes: 10 }),
  };
}
