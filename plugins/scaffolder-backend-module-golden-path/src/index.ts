export { scaffolderModuleGoldenPath as default } from './module';
export { buildTemplateValues } from './values/buildTemplateValues';
export type { GoldenPathInput } from './values/buildTemplateValues';
