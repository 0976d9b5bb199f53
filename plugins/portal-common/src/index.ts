export { PLUGIN_NOT_RUNNING_ERROR, notRunningMessage } from './pluginStatus';
export type {
  PluginHealthResponse,
  PluginNotRunningError,
  PluginStatus,
  PortalReadinessPayload,
} from './pluginStatus';
export * from './format/formatMoney';
export * from './demo/demoHistoryStart';
