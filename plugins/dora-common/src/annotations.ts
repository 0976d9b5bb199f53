/**
 * Set on a component whose repository does not create GitHub deployments: the file name
 * (or numeric id) of the GitHub Actions workflow whose runs are its deployments, e.g.
 * `deploy.yml`. Overrides `dora.github.deployWorkflow`. Listed in docs/annotations.md.
 */
export const DORA_DEPLOY_WORKFLOW_ANNOTATION = 'devportal.io/deploy-workflow';

/**
 * The GitHub deployment environment that counts as production for this component, when it
 * is not `dora.github.environment` (default `production`). Listed in docs/annotations.md.
 */
export const DORA_ENVIRONMENT_ANNOTATION = 'devportal.io/deploy-environment';

/** Backstage's well-known `<owner>/<repo>` annotation; where deployments are read from. */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
