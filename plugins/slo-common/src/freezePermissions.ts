import { createPermission } from '@backstage/plugin-permission-common';

/** Name of the permission to create and remove deploy-freeze exemptions. */
export const SLO_FREEZE_EXEMPT_PERMISSION_NAME = 'slo.freeze.exempt';

/**
 * Create or remove an exemption from a deploy freeze. The production permission policy
 * grants it to members of the platform group only.
 */
export const sloFreezeExemptPermission = createPermission({
  name: SLO_FREEZE_EXEMPT_PERMISSION_NAME,
  attributes: {},
});

export const sloPermissions = [sloFreezeExemptPermission];
