export { DemoDataLabel } from './DemoDataLabel';
export { StaleDataNotice } from './StaleDataNotice';
export { formatAge } from './formatAge';
export { formatDuration } from './format/formatDuration';
export { durationTicks } from './format/durationTicks';
export { PluginErrorPanel } from './PluginErrorPanel';
export { classifyPluginError, pluginErrorMessage } from './pluginError';
export type { PluginErrorKind } from './pluginError';
