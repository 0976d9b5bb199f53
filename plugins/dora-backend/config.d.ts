import { HumanDuration } from '@backstage/types';

export interface Config {
  dora?: {
    /**
     * Demo mode (the embedded default): deterministic 90-day deployment histories for the
     * catalog's components instead of GitHub; every response says `demo: true`.
     */
    demo?: { enabled?: boolean };
    github?: {
      /**
       * The `integrations.github` host whose token or GitHub App credentials are used.
       * Default github.com.
       */
      host?: string;
      /** The deployment environment that is production. Default `production`. */
      environment?: string;
      /**
       * Workflow file name (or id) whose runs count as deployments when a repository has
       * no deployments in the environment, e.g. `deploy.yml`. Default: none.
       */
      deployWorkflow?: string;
      /**
       * Only runs of the deploy workflow on this branch are production deployments (not
       * `release/*`, preview or pull-request runs). Default: the repository's default branch.
       */
      deployBranch?: string;
      /**
       * Only runs of the deploy workflow triggered by this event count, e.g. `push` or
       * `workflow_dispatch`. Default: any event (on the branch above).
       */
      deployEvent?: string;
      /** Repositories ingested at the same time. Default 8. */
      concurrency?: number;
      /** Per request. Default 30 seconds. */
      requestTimeout?: HumanDuration;
      /** A longer rate-limit wait fails the repository until the next refresh. Default 15 minutes. */
      maxRateLimitWait?: HumanDuration;
    };
    /** How often deployments are ingested. Default every 15 minutes, with a 10-minute timeout. */
    refresh?: { frequency?: HumanDuration; timeout?: HumanDuration };
  };
}
