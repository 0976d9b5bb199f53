export * from './burnRateAlerts';
export * from './errorBudget';
export * from './annotations';
export * from './sloWindows';
export * from './sloStatus';
export * from './sloDefinition';
