export * from './results';
export * from './definitions';
export * from './evaluate';
export * from './permissions';
export * from './api';
