import { EmptyState } from '@backstage/core-components';
import { GITHUB_PROJECT_SLUG_ANNOTATION } from '@internal/plugin-dora-common';

/** A component the backend has no deployments for: say why and what to do. */
export function NoDoraData() {
  return (
    <EmptyState
      missing="data"
      title="No deployment data yet"
      description={`DORA metrics are read from GitHub deployments of the repository in the ${GITHUB_PROJECT_SLUG_ANNOTATION} annotation. A newly annotated component appears after the next refresh (every 15 minutes).`}
    />
  );
}
