import { FalcoOutputFieldValue, FalcoPriority } from '@internal/plugin-falco-common';

/** A validated event, ready to be mapped and stored. */
export interface FalcoEvent {
  /** Idempotency key: the uuid, or a hash of the content when there is none. */
  key: string;
  /** ISO 8601 exactly as sent. */
  time: string;
  timeAt: Date;
  /** UTC day of `time`, YYYY-MM-DD. */
  day: string;
  rule: string;
  priority: FalcoPriority;
  output: string;
  source: string;
  hostname: string | null;
  tags: string[];
  outputFields: Record<string, FalcoOutputFieldValue>;
  namespace: string | null;
  pod: string | null;
  containerImage: string | null;
}
