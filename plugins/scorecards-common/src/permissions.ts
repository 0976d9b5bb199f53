import { createPermission } from '@backstage/plugin-permission-common';

/** Run an evaluation now (`POST /api/scorecards/evaluate`). Reading results needs none. */
export const scorecardsEvaluatePermission = createPermission({
  name: 'scorecards.evaluate',
  attributes: { action: 'update' },
});

/** Replace the scorecard definitions (`PUT /api/scorecards/definitions`). */
export const scorecardsDefinitionsUpdatePermission = createPermission({
  name: 'scorecards.definitions.update',
  attributes: { action: 'update' },
});

export const scorecardsPermissions = [
  scorecardsEvaluatePermission,
  scorecardsDefinitionsUpdatePermission,
];
