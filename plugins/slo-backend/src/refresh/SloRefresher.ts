import { AuthService, LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { declaresSlos, DEFAULT_FREEZE_POLICY, FreezePolicy, SloDefinition } from '@internal/plugin-slo-common';
import { SloStatusStore } from '../database/SloStatusStore';
import { readEntitySlos } from '../definitions/readEntitySlos';
import { updateFreezes } from '../freeze/updateFreezes';
import { MeasureResult } from './measureSlos';

export type SloMeasurer = (slos: SloDefinition[], now: Date) => Promise<MeasureResult>;

export interface RefreshSummary {
  slos: number;
  measured: number;
  failed: number;
  /** PromQL requests made: constant in the number of services. */
  requests: number;
  definitionProblems: number;
  /** Deploy freezes this refresh started and ended (error-budget policy). */
  freezesStarted: number;
  freezesEnded: number;
  durationMs: number;
}

/**
 * One refresh: every component's SLO definitions from the catalog, measured in batches,
 * stored. A failed measurement keeps the SLO's last good status (with its age) and
 * records why, so pages never wait on or break with Prometheus.
 */
export class SloRefresher {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      urlReader: UrlReaderService;
      store: SloStatusStore;
      /** Measures a batch of SLOs: against Prometheus, or from demo traffic. */
      measure: SloMeasurer;
      defaultPrometheus: string;
      logger: LoggerService;
      /** The error-budget policy applied after each measurement; default 6× over 6h and 30m. */
      freezePolicy?: FreezePolicy;
    },
  ) {}

  async refresh(now = new Date()): Promise<RefreshSummary> {
    const started = performance.now();
    // The short form's keys vary per SLO, so the catalog cannot filter on them: read every
    // component's annotations only, and keep those that define SLOs.
    const { items: components } = await this.deps.catalog.getEntities(
      { filter: { kind: 'Component' }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'] },
      { credentials: await this.deps.auth.getOwnServiceCredentials() },
    );
    const items = components.filter(entity => declaresSlos(entity.metadata.annotations));
    const definitions: SloDefinition[] = [];
    let definitionProblems = 0;
    for (const entity of items) {
      const read = await readEntitySlos(entity, this.deps);
      definitions.push(...read.definitions);
      for (const problem of read.problems) {
        definitionProblems++;
        this.deps.logger.warn(`SLO definition of ${problem.entityRef}: ${problem.field} ${problem.message}`);
      }
    }

    const { measurements, requests } = await this.deps.measure(definitions, now);
    let failed = 0;
    let freezes = { started: 0, ended: 0 };
    await this.deps.store.inTransaction(async store => {
      for (const measurement of measurements) {
        if (measurement.status) {
          await store.saveStatus(measurement.slo, measurement.status, now, measurement.series);
        } else {
          failed++;
          await store.saveError(measurement.slo, measurement.error ?? 'unknown error', now);
        }
      }
      const keys = definitions.map(d => ({ entityRef: d.entityRef, name: d.name }));
      await store.retainOnly(keys);
      // In the same transaction: the gate never sees a status without its freeze state.
      freezes = await updateFreezes({
        freezes: store.freezes(),
        policy: this.deps.freezePolicy ?? DEFAULT_FREEZE_POLICY,
        measurements,
        now,
      });
      await store.freezes().retainOnly(keys);
    });
    const summary = {
      slos: definitions.length,
      measured: definitions.length - failed,
      failed,
      requests,
      definitionProblems,
      freezesStarted: freezes.started,
      freezesEnded: freezes.ended,
      durationMs: Math.round(performance.now() - started),
    };
    this.deps.logger.info(
      `SLO refresh: ${summary.measured}/${summary.slos} measured with ${requests} PromQL requests, ${failed} failed, ${freezes.started} deploy freezes started and ${freezes.ended} ended, in ${summary.durationMs} ms`,
    );
    return summary;
  }
}
