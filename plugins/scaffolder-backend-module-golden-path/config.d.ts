export interface Config {
  /** Settings the golden-path templates fill in for every new repository. */
  goldenPath?: {
    /** The GitHub organisation new repositories belong to, e.g. harbor-market. */
    githubOrganization: string;
    aws: {
      /** Account the emitted Terraform deploys to (allowed_account_ids). */
      accountId: string;
      /** Region for the emitted Terraform and the ECR registry, e.g. eu-west-1. */
      region: string;
      /** S3 bucket holding Terraform state (with the DynamoDB table terraform-locks). */
      stateBucket: string;
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
