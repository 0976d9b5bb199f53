export { falcoPlugin as default } from './plugin';
export { falcoApiRef } from './api/FalcoApi';
export type { FalcoApi, AlertsQuery } from './api/FalcoApi';
export { FalcoClient } from './api/FalcoClient';
