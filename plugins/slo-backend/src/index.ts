export type { InstantSample, PrometheusClient } from './prometheus/PrometheusClient';
export {
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './prometheus/PrometheusClient';
export { PrometheusHttpClient } from './prometheus/PrometheusHttpClient';
