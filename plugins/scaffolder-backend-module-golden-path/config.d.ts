export interface Config {
  /** Settings the golden-path templates fill in for every new repository. */
  goldenPath?: {
    /** The GitHub organisation new repositories belong to, e.g. harbor-market. */
    githubOrganization: string;
    /**
     * The GitHub team (slug) whose review changes to terraform/ and .github/ need: it owns
     * those paths in CODEOWNERS. Default: platform.
     */
    platformTeam?: string;
    aws: {
      /** The account every environment deploys to unless `accounts` names its own. */
      accountId: string;
      /**
       * One AWS account per environment, e.g. { dev: '111111111111', prod: '333333333333' }.
       * Each environment's Terraform root is locked to its account (allowed_account_ids)
       * and creates that account's image repository; CI assumes a role in it.
       */
      accounts?: {
        dev?: string;
        staging?: string;
        prod?: string;
      };
      /** Region for the emitted Terraform and the ECR registries, e.g. eu-west-1. */
      region: string;
      /** S3 bucket holding Terraform state (with the DynamoDB table terraform-locks). */
      stateBucket: string;
    };
    /**
     * Base images of the emitted Dockerfiles. Give a digest (name:tag@sha256:…) to pin
     * them; without one the tag is used and the Dockerfile says how to pin it.
     */
    baseImages?: {
      /** Default node:22-bookworm-slim */
      node?: string;
      /** Default gcr.io/distroless/nodejs22-debian12:nonroot */
      nodeRuntime?: string;
      /** Default golang:1.27-bookworm */
      go?: string;
      /** Default gcr.io/distroless/static-debian12:nonroot */
      goRuntime?: string;
    };
    /**
     * Publish to git repositories on the backend's disk instead of GitHub, so a template
     * runs end to end offline. Meant for the embedded default and demos.
     */
    localPublisher?: {
      /** Directory that holds one git repository per created component. */
      directory: string;
    };
  };
}
