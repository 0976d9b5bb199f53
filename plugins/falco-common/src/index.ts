export * from './priority';
export * from './annotations';
export * from './api';
export * from './window';
