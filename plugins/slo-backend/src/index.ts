export { sloPlugin as default } from './plugin';
export type { InstantSample, PrometheusClient } from './prometheus/PrometheusClient';
export {
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './prometheus/PrometheusClient';
export { PrometheusHttpClient } from './prometheus/PrometheusHttpClient';
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
