import { DatabaseService, resolvePackagePath } from '@backstage/backend-plugin-api';
import { DeploymentSource, DeploymentState } from '@internal/plugin-dora-common';
import { Knex } from 'knex';

/** A component DORA metrics are ingested for, and where ingestion stands. */
export interface StoredService {
  entityRef: string;
  ownerRef: string | null;
  repository: string;
  environment: string;
  workflow: string | null;
  source: DeploymentSource | null;
  deploymentsEtag: string | null;
  runsEtag: string | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  demo: boolean;
  /** The first full read finished: the stored history is complete, so it has figures. */
  historyComplete: boolean;
  /** Every listing page in the history window was read once (statuses may still be due). */
  listingComplete: boolean;
  pagesRead: number;
  pagesTotal: number | null;
  defaultBranch: string | null;
  firstSeenAt: Date | null;
}

export interface StoredDeployment {
  entityRef: string;
  deploymentId: string;
  sha: string;
  ref: string | null;
  environment: string;
  state: DeploymentState;
  final: boolean;
  createdAt: Date;
  finishedAt: Date | null;
  url: string | null;
  creator: string | null;
  statusesEtag: string | null;
  commitsResolved: boolean;
}

export interface StoredCommit {
  entityRef: string;
  deploymentId: string;
  sha: string;
  committedAt: Date;
}

interface ServiceRow {
  entity_ref: string;
  owner_ref: string | null;
  repository: string;
  environment: string;
  workflow: string | null;
  source: string | null;
  deployments_etag: string | null;
  runs_etag: string | null;
  last_success_at: Date | string | number | null;
  last_error: string | null;
  last_error_at: Date | string | number | null;
  demo: boolean | number;
  history_complete: boolean | number;
  listing_complete: boolean | number;
  pages_read: number;
  pages_total: number | null;
  default_branch: string | null;
  first_seen_at: Date | string | number | null;
}

interface DeploymentRow {
  entity_ref: string;
  deployment_id: string;
  sha: string;
  ref: string | null;
  environment: string;
  state: string;
  final: boolean | number;
  created_at: Date | string | number;
  finished_at: Date | string | number | null;
  url: string | null;
  creator: string | null;
  statuses_etag: string | null;
  commits_resolved: boolean | number;
}

interface CommitRow {
  entity_ref: string;
  deployment_id: string;
  sha: string;
  committed_at: Date | string | number;
}

const toDate = (value: Date | string | number) => new Date(value);
const toOptionalDate = (value: Date | string | number | null) => (value === null ? null : new Date(value));
// SQLite hands chunked IN lists a limit of 999 parameters.
const CHUNK = 500;

/** Deployments, their lead-time commits and per-component ingestion state, in the plugin's database. */
export class DoraStore {
  static async create(database: DatabaseService): Promise<DoraStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath('@internal/plugin-dora-backend', 'migrations'),
      });
    }
    return new DoraStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Adds a component (first seen at `seenAt`) or updates where it is read from; keeps ETags
   * and history unless the repository or environment changed.
   */
  async upsertService(
    service: {
      entityRef: string;
      ownerRef: string | null;
      repository: string;
      environment: string;
      workflow: string | null;
      demo: boolean;
    },
    seenAt: Date,
  ) {
    const existing = await this.getService(service.entityRef);
    const moved =
      existing && (existing.repository !== service.repository || existing.environment !== service.environment || existing.demo !== service.demo);
    if (moved) await this.deleteServices([service.entityRef]);
    await this.knex<ServiceRow>('dora_services')
      .insert({
        entity_ref: service.entityRef,
        owner_ref: service.ownerRef,
        repository: service.repository,
        environment: service.environment,
        workflow: service.workflow,
        demo: service.demo,
        first_seen_at: seenAt,
      })
      .onConflict('entity_ref')
      .merge(['owner_ref', 'repository', 'environment', 'workflow', 'demo']);
  }

  async updateService(
    entityRef: string,
    patch: Partial<
      Pick<
        StoredService,
        'source' | 'deploymentsEtag' | 'runsEtag' | 'historyComplete' | 'listingComplete' | 'pagesRead' | 'pagesTotal' | 'defaultBranch'
      >
    >,
  ) {
    const row: Partial<ServiceRow> = {};
    if (patch.source !== undefined) row.source = patch.source;
    if (patch.deploymentsEtag !== undefined) row.deployments_etag = patch.deploymentsEtag;
    if (patch.runsEtag !== undefined) row.runs_etag = patch.runsEtag;
    if (patch.historyComplete !== undefined) row.history_complete = patch.historyComplete;
    if (patch.listingComplete !== undefined) row.listing_complete = patch.listingComplete;
    if (patch.pagesRead !== undefined) row.pages_read = patch.pagesRead;
    if (patch.pagesTotal !== undefined) row.pages_total = patch.pagesTotal;
    if (patch.defaultBranch !== undefined) row.default_branch = patch.defaultBranch;
    if (Object.keys(row).length === 0) return;
    await this.knex<ServiceRow>('dora_services').where({ entity_ref: entityRef }).update(row);
  }

  async recordSuccess(entityRef: string, at: Date) {
    await this.knex<ServiceRow>('dora_services')
      .where({ entity_ref: entityRef })
      .update({ last_success_at: at, last_error: null, last_error_at: null });
  }

  /** Keeps every stored deployment: pages go on showing the last good data with its age. */
  async recordError(entityRef: string, error: string, at: Date) {
    await this.knex<ServiceRow>('dora_services')
      .where({ entity_ref: entityRef })
      .update({ last_error: error, last_error_at: at });
  }

  async getService(entityRef: string): Promise<StoredService | undefined> {
    const row = await this.knex<ServiceRow>('dora_services').where({ entity_ref: entityRef }).first();
    return row ? toService(row) : undefined;
  }

  async listServices(filter?: { ownerRef?: string }): Promise<StoredService[]> {
    const query = this.knex<ServiceRow>('dora_services').select().orderBy('entity_ref');
    if (filter?.ownerRef) query.where({ owner_ref: filter.ownerRef });
    return (await query).map(toService);
  }

  /** Forgets components that left the catalog (or lost their annotation). */
  async retainServices(entityRefs: string[]) {
    const keep = new Set(entityRefs);
    const rows = await this.knex<ServiceRow>('dora_services').select('entity_ref');
    await this.deleteServices(rows.map(r => r.entity_ref).filter(ref => !keep.has(ref)));
  }

  private async deleteServices(entityRefs: string[]) {
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const chunk = entityRefs.slice(i, i + CHUNK);
      await this.knex.transaction(async tx => {
        await tx('dora_deployment_commits').whereIn('entity_ref', chunk).delete();
        await tx('dora_deployments').whereIn('entity_ref', chunk).delete();
        await tx('dora_services').whereIn('entity_ref', chunk).delete();
      });
    }
  }

  async upsertDeployments(deployments: StoredDeployment[]) {
    for (let i = 0; i < deployments.length; i += 100) {
      await this.knex<DeploymentRow>('dora_deployments')
        .insert(
          deployments.slice(i, i + 100).map(d => ({
            entity_ref: d.entityRef,
            deployment_id: d.deploymentId,
            sha: d.sha,
            ref: d.ref,
            environment: d.environment,
            state: d.state,
            final: d.final,
            created_at: d.createdAt,
            finished_at: d.finishedAt,
            url: d.url,
            creator: d.creator,
            statuses_etag: d.statusesEtag,
            commits_resolved: d.commitsResolved,
          })),
        )
        .onConflict(['entity_ref', 'deployment_id'])
        .merge(['state', 'final', 'finished_at', 'url', 'statuses_etag']);
    }
  }

  /**
   * Deployments created since `since` whose outcome or shipped commits have not been read
   * yet, per component: what a first read still has to do before its figures are whole.
   */
  async countPending(since: Date, entityRefs?: string[]): Promise<Map<string, number>> {
    const query = this.knex<DeploymentRow>('dora_deployments')
      .where('created_at', '>=', since)
      .andWhere(function pending() {
        this.where(function statusesNeverRead() {
          this.where({ final: false }).whereNull('statuses_etag').where('deployment_id', 'like', 'deployment:%');
        }).orWhere(function commitsNotRead() {
          this.where({ state: 'success', commits_resolved: false });
        });
      })
      .groupBy('entity_ref')
      .select('entity_ref')
      .count({ pending: '*' });
    if (entityRefs) query.whereIn('entity_ref', entityRefs);
    const rows = (await query) as unknown as Array<{ entity_ref: string; pending: number | string }>;
    return new Map(rows.map(r => [r.entity_ref, Number(r.pending)]));
  }

  async deploymentIds(entityRef: string): Promise<Set<string>> {
    const rows = await this.knex<DeploymentRow>('dora_deployments').where({ entity_ref: entityRef }).select('deployment_id');
    return new Set(rows.map(r => r.deployment_id));
  }

  /** Deployments of one component, oldest first. */
  async listDeployments(entityRef: string, filter?: { final?: boolean; createdSince?: Date }): Promise<StoredDeployment[]> {
    const query = this.knex<DeploymentRow>('dora_deployments').where({ entity_ref: entityRef }).orderBy('created_at');
    if (filter?.final !== undefined) query.where({ final: filter.final });
    if (filter?.createdSince) query.where('created_at', '>=', filter.createdSince);
    return (await query).map(toDeployment);
  }

  /** Deployments that finished since `since` (all components, or some), oldest first. */
  async listFinishedSince(since: Date, entityRefs?: string[]): Promise<StoredDeployment[]> {
    const query = this.knex<DeploymentRow>('dora_deployments').where('finished_at', '>', since).orderBy('finished_at');
    if (entityRefs) query.whereIn('entity_ref', entityRefs);
    return (await query).map(toDeployment);
  }

  async latestDeployments(entityRef: string, limit: number): Promise<StoredDeployment[]> {
    const rows = await this.knex<DeploymentRow>('dora_deployments')
      .where({ entity_ref: entityRef })
      .orderBy('created_at', 'desc')
      .limit(limit);
    return rows.map(toDeployment);
  }

  /** Lead-time commits of deployments that finished since `since`. */
  async listCommitsSince(since: Date, entityRefs?: string[]): Promise<StoredCommit[]> {
    const query = this.knex<CommitRow>('dora_deployment_commits as c')
      .join('dora_deployments as d', function joinDeployment() {
        this.on('c.entity_ref', '=', 'd.entity_ref').andOn('c.deployment_id', '=', 'd.deployment_id');
      })
      .where('d.finished_at', '>', since)
      .select('c.entity_ref', 'c.deployment_id', 'c.sha', 'c.committed_at');
    if (entityRefs) query.whereIn('c.entity_ref', entityRefs);
    return (await query).map(row => ({
      entityRef: row.entity_ref,
      deploymentId: row.deployment_id,
      sha: row.sha,
      committedAt: toDate(row.committed_at),
    }));
  }

  /** Records the commits a deployment first shipped (none for a redeploy of a shipped SHA). */
  async saveCommits(entityRef: string, deploymentId: string, commits: Array<{ sha: string; committedAt: Date }>) {
    await this.knex.transaction(async tx => {
      await tx<CommitRow>('dora_deployment_commits').where({ entity_ref: entityRef, deployment_id: deploymentId }).delete();
      for (let i = 0; i < commits.length; i += 100) {
        await tx<CommitRow>('dora_deployment_commits').insert(
          commits.slice(i, i + 100).map(c => ({
            entity_ref: entityRef,
            deployment_id: deploymentId,
            sha: c.sha,
            committed_at: c.committedAt,
          })),
        );
      }
      await tx<DeploymentRow>('dora_deployments')
        .where({ entity_ref: entityRef, deployment_id: deploymentId })
        .update({ commits_resolved: true });
    });
  }

  /** Adds lead-time commits in bulk (demo data), ignoring ones already stored. */
  async insertCommits(commits: StoredCommit[]) {
    for (let i = 0; i < commits.length; i += 100) {
      await this.knex<CommitRow>('dora_deployment_commits')
        .insert(
          commits.slice(i, i + 100).map(c => ({
            entity_ref: c.entityRef,
            deployment_id: c.deploymentId,
            sha: c.sha,
            committed_at: c.committedAt,
          })),
        )
        .onConflict(['entity_ref', 'deployment_id', 'sha'])
        .ignore();
    }
  }

  /**
   * Forgets a component's workflow runs on any branch but `branch`: runs stored before only
   * production runs counted (release branches, pull requests) stop counting.
   */
  async deleteRunsOffBranch(entityRef: string, branch: string) {
    await this.knex.transaction(async tx => {
      const off = (query: Knex.QueryBuilder) =>
        query
          .where({ entity_ref: entityRef })
          .where('deployment_id', 'like', 'run:%')
          .where(function otherBranch() {
            this.whereNull('ref').orWhereNot('ref', branch);
          });
      const ids = (await off(tx('dora_deployments').select('deployment_id'))).map((r: { deployment_id: string }) => r.deployment_id);
      for (let i = 0; i < ids.length; i += CHUNK) {
        await tx('dora_deployment_commits').where({ entity_ref: entityRef }).whereIn('deployment_id', ids.slice(i, i + CHUNK)).delete();
      }
      await off(tx('dora_deployments')).delete();
    });
  }

  /** Drops history older than the metrics need. */
  async pruneBefore(createdBefore: Date) {
    await this.knex.transaction(async tx => {
      await tx('dora_deployment_commits')
        .whereExists(function oldDeployment() {
          this.select(tx.raw('1'))
            .from('dora_deployments')
            .whereRaw('dora_deployments.entity_ref = dora_deployment_commits.entity_ref')
            .andWhereRaw('dora_deployments.deployment_id = dora_deployment_commits.deployment_id')
            .andWhere('dora_deployments.created_at', '<', createdBefore);
        })
        .delete();
      await tx('dora_deployments').where('created_at', '<', createdBefore).delete();
    });
  }
}

function toService(row: ServiceRow): StoredService {
  return {
    entityRef: row.entity_ref,
    ownerRef: row.owner_ref,
    repository: row.repository,
    environment: row.environment,
    workflow: row.workflow,
    source: row.source as DeploymentSource | null,
    deploymentsEtag: row.deployments_etag,
    runsEtag: row.runs_etag,
    lastSuccessAt: toOptionalDate(row.last_success_at),
    lastError: row.last_error,
    lastErrorAt: toOptionalDate(row.last_error_at),
    demo: !!row.demo,
    historyComplete: !!row.history_complete,
    listingComplete: !!row.listing_complete,
    pagesRead: Number(row.pages_read ?? 0),
    pagesTotal: row.pages_total === null || row.pages_total === undefined ? null : Number(row.pages_total),
    defaultBranch: row.default_branch ?? null,
    firstSeenAt: toOptionalDate(row.first_seen_at ?? null),
  };
}

function toDeployment(row: DeploymentRow): StoredDeployment {
  return {
    entityRef: row.entity_ref,
    deploymentId: row.deployment_id,
    sha: row.sha,
    ref: row.ref,
    environment: row.environment,
    state: row.state as DeploymentState,
    final: !!row.final,
    createdAt: toDate(row.created_at),
    finishedAt: toOptionalDate(row.finished_at),
    url: row.url,
    creator: row.creator,
    statusesEtag: row.statuses_etag,
    commitsResolved: !!row.commits_resolved,
  };
}
