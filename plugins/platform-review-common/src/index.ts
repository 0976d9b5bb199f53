/**
 * The platform team's weekly review, shared by its frontend and backend.
 *
 * @packageDocumentation
 */
export * from './indicators';
export * from './colour';
export * from './weeks';
export * from './review';
export * from './format';
export * from './rules';
export * from './exportMarkdown';
export * from './exportCsv';
