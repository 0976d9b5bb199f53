import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { FactReading, FactSourceStatus, FactValue } from '@internal/plugin-scorecards-common';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';

export interface CollectedFacts {
  read(entityRef: string, fact: string): FactReading;
  sources: FactSourceStatus[];
}

/**
 * Runs every retriever once, side by side, for all entities. A retriever that throws or
 * times out becomes unavailable: each fact it provides reads as unavailable with the
 * reason, so its checks are `unknown`, and the others are unaffected.
 */
export async function collectFacts(options: {
  retrievers: ScorecardFactRetriever[];
  entities: Entity[];
  timeoutMs: number;
  logger: LoggerService;
}): Promise<CollectedFacts> {
  const { retrievers, entities, timeoutMs, logger } = options;
  const outcomes = await Promise.all(
    retrievers.map(async retriever => {
      const started = Date.now();
      const took = () => Date.now() - started;
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} seconds`)),
            timeoutMs,
          );
        });
        const retrieval = await Promise.race([retriever.retrieve(entities), timeout]);
        return { retriever, retrieval, durationMs: took() };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(`Scorecard facts from ${retriever.id} are unavailable: ${message}`);
        return { retriever, error: message, durationMs: took() };
      } finally {
        clearTimeout(timer);
      }
    }),
  );

  const providers = new Map<string, (entityRef: string) => FactReading>();
  const sources: FactSourceStatus[] = [];
  for (const outcome of outcomes) {
    const { retriever } = outcome;
    const factNames = Object.keys(retriever.facts);
    sources.push({
      id: retriever.id,
      title: retriever.title,
      facts: factNames,
      available: !outcome.error,
      error: outcome.error ?? outcome.retrieval?.lastError ?? null,
      demo: outcome.retrieval?.demo ?? false,
      asOf: outcome.retrieval?.asOf ?? null,
      durationMs: outcome.durationMs,
    });
    for (const fact of factNames) {
      if (outcome.error !== undefined) {
        const reason = `${retriever.title} could not be read, so ${fact} is unknown: ${outcome.error}`;
        providers.set(fact, () => ({ unavailable: reason }));
      } else {
        const values = outcome.retrieval!.values;
        providers.set(fact, entityRef => {
          const value: FactValue | undefined = values.get(entityRef)?.[fact];
          return { value: value ?? null };
        });
      }
    }
  }

  return {
    sources,
    read(entityRef, fact) {
      const provider = providers.get(fact);
      if (!provider) {
        return {
          unavailable: `No installed fact source provides ${fact}; add the scorecards backend module that does (see plugins/scorecards-backend/README.md).`,
        };
      }
      return provider(entityRef);
    },
  };
}
