export * from './burnRateAlerts';
export * from './errorBudget';
export * from './annotations';
export * from './sloWindows';
export * from './sloStatus';
export * from './sloDefinition';
export * from './sloSeries';
export * from './sloApi';
