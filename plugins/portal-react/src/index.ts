export { DemoDataLabel } from './DemoDataLabel';
export { StaleDataNotice } from './StaleDataNotice';
export { formatAge } from './formatAge';
// Pure, shared with backend exports: defined in portal-common, imported from here by pages.
export { formatMoney } from '@internal/portal-common';
export type { FormatMoneyOptions } from '@internal/portal-common';
