import { HumanDuration } from '@backstage/types';

export interface Config {
  scorecards?: {
    /**
     * YAML file with the scorecards, checks and levels (see examples/scorecards.yaml),
     * relative to the backend's working directory. Definitions saved from the portal
     * replace it until it is saved again.
     */
    definitionsFile?: string;
    /** Entity kinds to score. Default: [Component]. */
    entityKinds?: string[];
    /** Whose members may re-evaluate and change definitions. Default: group:default/platform. */
    platformGroup?: string;
    /** Evaluation schedule. Default: every hour, first run 30 seconds after start. */
    schedule?: { frequency?: HumanDuration; timeout?: HumanDuration; initialDelay?: HumanDuration };
    /** How long one fact source may take before its checks are unknown. Default: 60 seconds. */
    factTimeout?: HumanDuration;
    /** Days of history and trends kept, and shown. Default: 90. */
    historyDays?: number;
  };
}
