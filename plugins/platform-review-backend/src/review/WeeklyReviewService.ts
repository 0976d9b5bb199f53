import {
  IndicatorDefinition,
  indicatorDefinitions,
  IndicatorId,
  isoWeekOf,
  IsoWeek,
  parseIsoWeek,
  WeeklyReview,
} from '@internal/plugin-platform-review-common';
import { InputError } from '@backstage/errors';
import { ReviewSettings } from '../readReviewConfig';
import { PluginApi } from '../sources/PluginApi';
import { costIndicator } from '../indicators/cost';
import { deploymentIndicators } from '../indicators/deployments';
import { falcoIndicator } from '../indicators/falco';
import { freezeIndicator } from '../indicators/freezes';
import { scorecardIndicator } from '../indicators/scorecards';
import { WeekContext } from './WeekContext';

/** Component ref → owning group ref, as the catalog has it now. */
export type OwnerDirectory = () => Promise<Map<string, string>>;

/**
 * Computes a week's review from the other plugins' APIs and keeps it per week: the running
 * week for `cacheSeconds`, past weeks ten times as long (their sources rarely change).
 */
export class WeeklyReviewService {
  private readonly cache = new Map<IsoWeek, { expiresAt: number; review: Promise<WeeklyReview> }>();

  constructor(
    private readonly deps: {
      settings: ReviewSettings;
      api: PluginApi;
      owners: OwnerDirectory;
      clock?: () => Date;
    },
  ) {}

  currentWeek(): IsoWeek {
    return isoWeekOf(this.now(), this.deps.settings.timeZone);
  }

  async week(isoWeek: IsoWeek): Promise<WeeklyReview> {
    try {
      parseIsoWeek(isoWeek);
    } catch (error) {
      throw new InputError(`${(error as Error).message} (path parameter isoWeek, or "current")`);
    }
    if (isoWeek > this.currentWeek()) {
      throw new InputError(`${isoWeek} has not started yet in ${this.deps.settings.timeZone}; ask for ${this.currentWeek()} or earlier`);
    }
    const now = this.now().getTime();
    const cached = this.cache.get(isoWeek);
    if (cached && cached.expiresAt > now) return cached.review;
    const ttl = this.deps.settings.cacheSeconds * 1000 * (isoWeek === this.currentWeek() ? 1 : 10);
    const review = this.compute(isoWeek);
    this.cache.set(isoWeek, { expiresAt: now + ttl, review });
    // A failed computation is not kept.
    review.catch(() => this.cache.delete(isoWeek));
    return review;
  }

  private now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  private async compute(isoWeek: IsoWeek): Promise<WeeklyReview> {
    const { settings, api } = this.deps;
    const now = this.now();
    const owners = await this.deps.owners();
    const context = new WeekContext(isoWeek, settings.timeZone, now, ref => owners.get(ref) ?? null);
    const definitions = Object.fromEntries(indicatorDefinitions(settings.targets).map(d => [d.id, d])) as Record<
      IndicatorId,
      IndicatorDefinition
    >;
    const [deployments, freezes, cost, falco, scorecards] = await Promise.all([
      deploymentIndicators(api, context, definitions),
      freezeIndicator(api, context, definitions.servicesFrozen, settings.freezeMinimumMinutes),
      costIndicator(api, context, definitions.costPerThousandUnits, settings.targets.costUnit),
      falcoIndicator(api, context, definitions.falcoCriticalPerWeek),
      scorecardIndicator(api, context, definitions.scorecardSilverShare, settings.targets),
    ]);
    const indicators = [...deployments, freezes, cost, falco, scorecards];
    return {
      isoWeek,
      timeZone: settings.timeZone,
      start: context.current.start.toISOString(),
      end: context.current.end.toISOString(),
      partial: now.getTime() < context.current.end.getTime(),
      demo: indicators.some(i => i.demo),
      generatedAt: now.toISOString(),
      freezeMinimumMinutes: settings.freezeMinimumMinutes,
      indicators,
    };
  }
}
