import { CostCategory } from '@internal/plugin-cost-common';

/** Colour-blind-friendly (Okabe–Ito based), readable on light and dark themes. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#B8A000',
  '#7F7F7F',
  '#332288',
  '#88CCEE',
  '#117733',
  '#AA4499',
];

export const CATEGORY_COLOURS: Record<CostCategory, string> = {
  cpu: '#0072B2',
  gpu: '#332288',
  ram: '#E69F00',
  storage: '#009E73',
  network: '#56B4E9',
  loadBalancer: '#CC79A7',
  shared: '#7F7F7F',
  cloud: '#D55E00',
};

export const IDLE_COLOUR = '#BDBDBD';
export const UNMOUNTED_COLOUR = '#9E9D24';
export const UNALLOCATED_COLOUR = '#8D6E63';
export const UNALLOCATED_AWS_COLOUR = '#BF360C';
