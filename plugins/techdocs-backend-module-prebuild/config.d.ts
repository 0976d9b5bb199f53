import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  techdocs?: {
    /**
     * Builds TechDocs for every entity with a `backstage.io/techdocs-ref` annotation on a
     * schedule, so they are searchable before anyone opens them. Useful with the local
     * builder; leave it out when CI publishes docs (`techdocs.builder: external`).
     */
    prebuild?: {
      /** Default: every 30 minutes, first run 10 seconds after start-up. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
