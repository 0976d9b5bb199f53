export { catalogModuleLocalRepositories as default } from './module';
export { LocalRepositoriesProvider } from './LocalRepositoriesProvider';
