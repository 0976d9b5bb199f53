export * from './format/formatMoney';
