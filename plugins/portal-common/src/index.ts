export * from './format/formatMoney';
export * from './demo/demoHistoryStart';
