export * from './burnRateAlerts';
export * from './errorBudget';
export * from './annotations';
