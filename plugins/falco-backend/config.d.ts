import { HumanDuration } from '@backstage/types';

export interface Config {
  falco?: {
    ingest?: {
      /**
       * Bearer token Falcosidekick (webhook.customheaders `Authorization: Bearer ...`) or
       * Falco's http_output must send to POST /api/falco/events. Without it ingest is off.
       * @visibility secret
       */
      token?: string;
      /** Largest accepted request body, e.g. `1mb` (the default) or `512kb`. */
      maxBodySize?: string;
      /** Most events accepted in one JSON array. Default 1000. */
      maxBatchSize?: number;
    };
    retention?: {
      /** How long events are kept. Default 30 days. */
      events?: HumanDuration;
      /** How long daily counts per component and priority are kept. Default 400 days. */
      dailyCounts?: HumanDuration;
      /** How often old events and counts are deleted. Default hourly. */
      frequency?: HumanDuration;
    };
    mapping?: {
      /** How often the catalog is read to map events to components. Default 5 minutes. */
      frequency?: HumanDuration;
    };
    demo?: {
      /**
       * Generate realistic events for the catalog's components (embedded default only);
       * every response then says `demo: true`.
       */
      enabled?: boolean;
    };
  };
}
