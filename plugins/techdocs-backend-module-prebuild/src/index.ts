export { techdocsModulePrebuild as default } from './module';
export { prebuildAllDocs } from './prebuildAllDocs';
