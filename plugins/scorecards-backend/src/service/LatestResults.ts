import { EntityScorecards, EvaluationRun } from '@internal/plugin-scorecards-common';
import { ScorecardStore } from '../database/ScorecardStore';

/**
 * The latest run's results, kept in memory until a newer run appears in the database (one
 * cheap query per request), so the overview never re-reads thousands of rows per request
 * and replicas pick up each other's runs.
 */
export class LatestResults {
  private cached?: { run: EvaluationRun; results: EntityScorecards[] };
  private loading?: Promise<{ run: EvaluationRun; results: EntityScorecards[] }>;

  constructor(private readonly store: ScorecardStore) {}

  async get(): Promise<{ run: EvaluationRun | null; results: EntityScorecards[] }> {
    const run = await this.store.getLatestRun();
    if (!run) return { run: null, results: [] };
    if (this.cached?.run.id === run.id) return this.cached;
    if (!this.loading) {
      this.loading = this.store
        .listResults()
        .then(results => {
          this.cached = { run, results };
          return this.cached;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return this.loading;
  }
}
