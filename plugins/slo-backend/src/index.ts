export { sloPlugin as default } from './plugin';
// Re-exported from the shared client, so code that imported them from here keeps working.
export type { InstantSample, PrometheusClient } from '@internal/prometheus-client';
export {
  PrometheusHttpClient,
  PrometheusQueryError,
  PrometheusUnavailableError,
} from '@internal/prometheus-client';
export { parseOpenSlo } from './definitions/parseOpenSlo';
export type { DefinitionProblem } from './definitions/parseOpenSlo';
export { measureSlos } from './refresh/measureSlos';
export type { MeasureResult, SloMeasurement } from './refresh/measureSlos';
export { readEntitySlos } from './definitions/readEntitySlos';
export { SloRefresher } from './refresh/SloRefresher';
export type { RefreshSummary } from './refresh/SloRefresher';
export { SloStatusStore } from './database/SloStatusStore';
export type { StoredSlo } from './database/SloStatusStore';
export { FreezeStore } from './database/FreezeStore';
export { decideGate } from './freeze/decideGate';
