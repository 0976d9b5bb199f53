export { DemoDataLabel } from './DemoDataLabel';
export { StaleDataNotice } from './StaleDataNotice';
export { formatAge } from './formatAge';
export { formatDuration } from './format/formatDuration';
export { durationTicks } from './format/durationTicks';
// Pure, shared with backend exports: defined in portal-common, imported from here by pages.
export { formatMoney } from '@internal/portal-common';
export type { FormatMoneyOptions } from '@internal/portal-common';
export { PluginErrorPanel } from './PluginErrorPanel';
export { classifyPluginError, pluginErrorMessage } from './pluginError';
export type { PluginErrorKind } from './pluginError';
