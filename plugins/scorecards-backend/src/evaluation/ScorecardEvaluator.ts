import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { evaluateEntity, EvaluationRun } from '@internal/plugin-scorecards-common';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import { ScorecardStore } from '../database/ScorecardStore';
import { DefinitionsSource } from '../definitions/DefinitionsSource';
import { collectFacts } from '../facts/collectFacts';
import { levelChanges, rollUp } from './rollUp';
import { toScoredEntity } from './toScoredEntity';

/** The scope trends are stored under for the whole organisation. */
export const ALL_SCOPE = 'all';

/**
 * One evaluation: every entity of the configured kinds, every fact source once, every
 * scorecard; then the results, the level changes and the trend counts are stored as a run.
 */
export class ScorecardEvaluator {
  private running?: Promise<EvaluationRun | undefined>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      retrievers: ScorecardFactRetriever[];
      definitions: DefinitionsSource;
      store: ScorecardStore;
      logger: LoggerService;
      entityKinds: string[];
      factTimeoutMs: number;
      clock?: () => Date;
    },
  ) {}

  /** Starts a run, or joins the one in progress: two at once would only repeat the work. */
  evaluate(trigger: EvaluationRun['trigger'], triggeredBy: string | null = null) {
    if (!this.running) {
      this.running = this.run(trigger, triggeredBy).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async run(trigger: EvaluationRun['trigger'], triggeredBy: string | null) {
    const { catalog, auth, retrievers, store, logger } = this.deps;
    const clock = this.deps.clock ?? (() => new Date());
    const current = await this.deps.definitions.current();
    if (!current) {
      logger.warn('No scorecard definitions: set scorecards.definitionsFile or save definitions from the portal');
      return undefined;
    }
    const startedAt = clock();
    const { items: entities } = await catalog.getEntities(
      { filter: { kind: this.deps.entityKinds } },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    const facts = await collectFacts({
      retrievers,
      entities,
      timeoutMs: this.deps.factTimeoutMs,
      logger,
    });
    if (entities.length === 0) {
      // Every source then scores nothing: say why rather than store an empty run as if all were well.
      const reason = `the catalog returned no entities of kind ${this.deps.entityKinds.join(', ')} (scorecards.entityKinds), so nothing was scored; check that the catalog serves its entities`;
      logger.warn(`Scorecards: ${reason}`);
      const catalogSource = facts.sources.find(source => source.id === 'catalog');
      if (catalogSource) Object.assign(catalogSource, { available: false, error: reason });
    }
    const results = entities
      .map(toScoredEntity)
      .map(entity => ({
        entity,
        scorecards: evaluateEntity(current.definitions, entity, fact => facts.read(entity.entityRef, fact)),
      }))
      .filter(result => result.scorecards.length > 0);
    const previous = new Map((await store.listResults()).map(r => [r.entityRef, r.scorecards]));
    const { rows: trends } = rollUp(current.definitions.levels, results, entity =>
      entity.owner ? [ALL_SCOPE, entity.owner] : [ALL_SCOPE],
    );
    const run = await store.saveRun({
      startedAt,
      finishedAt: clock(),
      trigger,
      triggeredBy,
      sources: facts.sources,
      results,
      changes: levelChanges(previous, results),
      trends,
    });
    logger.info(
      `Scorecards evaluated ${results.length} entities in ${run.durationMs} ms (${trigger}); unavailable fact sources: ${
        facts.sources.filter(s => !s.available).map(s => s.id).join(', ') || 'none'
      }`,
    );
    return run;
  }
}
