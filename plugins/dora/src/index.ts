/**
 * DORA metrics in the portal (new frontend system): the plugin is the default export, so
 * the app's feature discovery installs it.
 *
 * @packageDocumentation
 */
export { doraPlugin as default } from './plugin';
export { doraApiRef } from './api/DoraApi';
export type { DoraApi } from './api/DoraApi';
