export { sloPlugin as default } from './plugin';
export { sloApiRef, type SloApi } from './api/SloApi';
