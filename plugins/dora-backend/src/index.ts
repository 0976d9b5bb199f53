/**
 * DORA metrics backend: GitHub deployments per component, stored and served under `/api/dora`.
 *
 * @packageDocumentation
 */
export { doraPlugin as default } from './plugin';
