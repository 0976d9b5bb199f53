export { startFactsFake } from './startFactsFake';
export type { FactsFakeAnswer } from './startFactsFake';
