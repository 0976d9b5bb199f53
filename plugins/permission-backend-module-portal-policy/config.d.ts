export interface Config {
  permission?: {
    /**
     * The group whose members administer the portal (every permission). Its members are
     * read from the catalog at sign-in (a user's ownership refs). Default: group:default/platform.
     */
    platformGroup?: string;
    /**
     * Permission names only the platform group is granted, in addition to the built-in
     * ones (catalog.location.delete, catalog.ingestion.manage, scaffolder.template.management).
     * A plugin's administrative permissions plug in here without code changes,
     * e.g. [scorecards.evaluate, scorecards.definitions.update].
     */
    platformOnly?: string[];
  };
}
