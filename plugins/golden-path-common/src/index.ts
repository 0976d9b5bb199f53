export * from './annotations';
export * from './fieldRules';
