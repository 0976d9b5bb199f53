/**
 * Known-answer Prometheus for tests: generate counters whose increases are known, backfill
 * them into a real Prometheus and query it the way production code does.
 */
export * from './counterSeries';
export { freePort } from './freePort';
export { toOpenMetrics } from './openMetrics';
export * from './startPrometheusWith';
