export { costPlugin as default } from './plugin';
export { costApiRef, type CostApi } from './api/CostApi';
