/**
 * The part of the Prometheus HTTP API that backend plugins use, behind an interface so
 * tests and demo modes can substitute their own.
 */
export type {
  InstantSample,
  PrometheusClient,
  RangeSeries,
} from './PrometheusClient';
export {
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';
export { PrometheusHttpClient } from './PrometheusHttpClient';
