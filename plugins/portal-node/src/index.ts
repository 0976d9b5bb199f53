/**
 * Lets each of the portal's own backend plugins fail alone; see README.md.
 *
 * @packageDocumentation
 */
export { PluginConfigError, settingOf } from './PluginConfigError';
export { readHttpUrl } from './readHttpUrl';
export { pluginStatusServiceRef } from './pluginStatusService';
export type { PluginStatusService } from './pluginStatusService';
export { pluginStartupServiceRef } from './pluginStartupService';
export type { PluginStartupService } from './pluginStartupService';
export {
  optionalPluginIds,
  portalRootHealthServiceFactory,
} from './portalRootHealthServiceFactory';
