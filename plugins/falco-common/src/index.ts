export * from './priority';
export * from './annotations';
export * from './api';
