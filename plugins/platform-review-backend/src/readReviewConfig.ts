import { Config } from '@backstage/config';
import {
  DEFAULT_PLATFORM_TARGETS,
  DEFAULT_TIME_ZONE,
  isValidTimeZone,
  PlatformTargets,
} from '@internal/plugin-platform-review-common';

export interface ReviewSettings {
  timeZone: string;
  cacheSeconds: number;
  /** A service counts as frozen in a week after a freeze at least this long; shorter ones are flaps. */
  freezeMinimumMinutes: number;
  targets: PlatformTargets;
}

/** Reads `platformReview`; see config.d.ts. Throws naming the key at fault. */
export function readReviewConfig(root: Config): ReviewSettings {
  const config = root.getOptionalConfig('platformReview');
  const timeZone = config?.getOptionalString('timeZone') ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new Error(`platformReview.timeZone "${timeZone}" is not an IANA time zone; use one such as Europe/Berlin or UTC`);
  }
  const t = config?.getOptionalConfig('targets');
  const number = (key: keyof PlatformTargets, min: number, max = Infinity): number => {
    const value = t?.getOptionalNumber(key) ?? (DEFAULT_PLATFORM_TARGETS[key] as number);
    if (!(value >= min && value <= max)) {
      throw new Error(`platformReview.targets.${key} must be a number from ${min}${max === Infinity ? ' up' : ` to ${max}`}, got ${value}`);
    }
    return value;
  };
  const cacheSeconds = config?.getOptionalNumber('cacheSeconds') ?? 300;
  if (!(cacheSeconds >= 0)) throw new Error(`platformReview.cacheSeconds must be 0 or more, got ${cacheSeconds}`);
  const freezeMinimumMinutes = config?.getOptionalNumber('freezeMinimumMinutes') ?? 60;
  if (!(freezeMinimumMinutes >= 0)) {
    throw new Error(`platformReview.freezeMinimumMinutes must be 0 or more minutes, got ${freezeMinimumMinutes}`);
  }
  return {
    timeZone,
    cacheSeconds,
    freezeMinimumMinutes,
    targets: {
      deploysPerDay: number('deploysPerDay', 0),
      leadTimeMedianMinutes: number('leadTimeMedianMinutes', 0),
      leadTimeP90Minutes: number('leadTimeP90Minutes', 0),
      freezeBurnRate: number('freezeBurnRate', 1),
      costPerThousandUnitsUsd: number('costPerThousandUnitsUsd', 0),
      costUnit: t?.getOptionalString('costUnit') ?? DEFAULT_PLATFORM_TARGETS.costUnit,
      falcoCriticalPerWeek: number('falcoCriticalPerWeek', 0),
      scorecardSilverShare: number('scorecardSilverShare', 0, 1),
      scorecardLevel: t?.getOptionalString('scorecardLevel') ?? DEFAULT_PLATFORM_TARGETS.scorecardLevel,
      scorecardId: t?.getOptionalString('scorecardId') ?? null,
    },
  };
}
