export * from './annotations';
export * from './api';
export * from './calendar';
export * from './categories';
export * from './csv';
export * from './maths';
export * from './anomalies';
export * from './windows';
