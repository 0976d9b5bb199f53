import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  taskCancelPermission,
  taskReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { PortalPolicyConfig } from './readPortalPolicyConfig';

/**
 * The platform group administers; owners act on their own entities and scaffolder tasks;
 * everyone signed in reads and uses the golden paths. Permissions listed as platform-only
 * (config permission.platformOnly) are refused to everyone outside the platform group.
 */
export class PortalPermissionPolicy implements PermissionPolicy {
  constructor(private readonly settings: PortalPolicyConfig) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const { permission } = request;
    const ownership = user?.info.ownershipEntityRefs ?? [];
    if (ownership.includes(this.settings.platformGroupRef)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (this.settings.platformOnly.has(permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, catalogEntityDeletePermission) ||
      isPermission(permission, catalogEntityRefreshPermission)
    ) {
      // Entities are owned by groups (spec.owner); a user owns through their memberships.
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: ownership }),
      );
    }
    if (isPermission(permission, taskReadPermission) || isPermission(permission, taskCancelPermission)) {
      // Task input can hold what the author typed; only the author sees or cancels it.
      return createScaffolderTaskConditionalDecision(
        permission,
        scaffolderTaskConditions.isTaskOwner({
          createdBy: user ? [user.info.userEntityRef] : [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
