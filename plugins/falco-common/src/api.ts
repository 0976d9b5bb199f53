import { FalcoPriority, PriorityCounts } from './priority';
import { FalcoWindow } from './window';

/** Output field values as Falco sends them: strings, numbers (ns times, tty), null for missing. */
export type FalcoOutputFieldValue = string | number | boolean | null | string[];

/** How an event was tied to its component; see the falco-backend README. */
export type FalcoMappingRule =
  | 'pod-label'
  | 'label-selector'
  | 'container-image'
  | 'pod-name'
  | 'namespace';

/** One stored Falco event, as the read endpoints return it. */
export interface FalcoAlert {
  /** The event's uuid (Falcosidekick sets one) or a hash of time, rule, hostname and output_fields. */
  id: string;
  /** ISO 8601 as Falco sent it (nanoseconds kept). */
  time: string;
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
  /** The component the event belongs to; null when no component matched. */
  entityRef: string | null;
  mappedBy: FalcoMappingRule | null;
  receivedAt: string;
}

/** `GET /api/falco/alerts` */
export interface FalcoAlertsResponse {
  demo: boolean;
  /** With `?days=`: the window the events are from (lastDaysWindow). */
  window: FalcoWindow | null;
  items: FalcoAlert[];
  totalCount: number;
  /** Distinct rules among the entity's events in retention, for the rule filter. */
  rules: string[];
  /**
   * Every event since this instant is stored: the later of the first day an event was
   * received and the event retention horizon (`falco.retention.events`). Counts for
   * earlier times are unknown, not zero. Null before any event.
   */
  storedSince?: string | null;
}

/** `GET /api/falco/counts?entityRef=` */
export interface FalcoCountsResponse {
  demo: boolean;
  entityRef: string;
  days: number;
  /** The window counted (lastDaysWindow): the card states it. */
  window: FalcoWindow;
  counts: PriorityCounts;
  lastEventAt: string | null;
}

export interface FalcoDailyCounts {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  counts: PriorityCounts;
}

/** `GET /api/falco/overview?days=` */
export interface FalcoOverviewResponse {
  demo: boolean;
  days: number;
  window: FalcoWindow;
  totals: PriorityCounts;
  topRules: Array<{ rule: string; count: number; highestPriority: FalcoPriority }>;
  topServices: Array<{ entityRef: string; total: number; counts: PriorityCounts }>;
  trend: FalcoDailyCounts[];
  unmapped: { total: number; counts: PriorityCounts; recent: FalcoAlert[] };
  lastEventAt: string | null;
  /** When the catalog mapping was last loaded, and why the latest load failed if it did. */
  mapping: { lastSuccessAt: string | null; lastError: string | null };
}

/** `GET /api/falco/facts`, read by scorecards (see the common brief's facts contract). */
export interface FalcoFactsResponse {
  demo: boolean;
  generatedAt: string;
  /** The window `alertsLast7Days` counts (lastDaysWindow of FALCO_RECENT_DAYS). */
  window: FalcoWindow;
  items: Array<{
    entityRef: string;
    alertsLast7Days: PriorityCounts;
    lastEventAt: string | null;
  }>;
}

/**
 * What became of one event of a `POST /api/falco/events` body:
 * - `accepted`: newly stored;
 * - `duplicate`: stored earlier (same uuid or content hash), not stored again;
 * - `rejected`: not stored and never will be (a bad field, a time in the future); `reason` says why;
 * - `expired`: older than the event retention, so not stored; `reason` says since when.
 */
export type FalcoIngestStatus = 'accepted' | 'duplicate' | 'rejected' | 'expired';

export interface FalcoIngestResult {
  /** Position in the body's array (0 for a single event). */
  index: number;
  status: FalcoIngestStatus;
  /** The key the event is (or would be) stored under: its uuid, or a content hash; absent when the event could not be read. */
  id?: string;
  reason?: string;
}

/**
 * `POST /api/falco/events`: 200 once every storable event is committed, with one result
 * per event in the order sent. A bad event never fails its neighbours; the request fails
 * (5xx, so the sender retries) only when nothing could be stored.
 */
export interface FalcoIngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  expired: number;
  results: FalcoIngestResult[];
}
