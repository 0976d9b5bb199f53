export * from './annotations';
export * from './fieldRules';
export * from './cronSchedule';
export * from './encoders';
