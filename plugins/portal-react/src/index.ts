export { DemoDataLabel } from './DemoDataLabel';
export { StaleDataNotice } from './StaleDataNotice';
export { formatAge } from './formatAge';
export { PluginErrorPanel } from './PluginErrorPanel';
export { classifyPluginError, pluginErrorMessage } from './pluginError';
export type { PluginErrorKind } from './pluginError';
