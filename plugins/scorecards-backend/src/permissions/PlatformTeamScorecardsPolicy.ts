import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { scorecardsPermissions } from '@internal/plugin-scorecards-common';

/**
 * The scorecards part of a permission policy: only members of the platform group may
 * re-evaluate or change definitions. Returns undefined for every other permission, so a
 * production policy can call this first and decide the rest itself.
 */
export function decideScorecardsPermission(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  platformGroup: string,
): PolicyDecision | undefined {
  if (!scorecardsPermissions.some(permission => isPermission(request.permission, permission))) {
    return undefined;
  }
  const member = user?.info.ownershipEntityRefs.some(
    ref => ref.toLocaleLowerCase('en-US') === platformGroup.toLocaleLowerCase('en-US'),
  );
  return { result: member ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
}

/**
 * A complete policy: scorecards permissions for the platform group only, everything else
 * decided by `fallback` (allow when none is given, like the embedded default's policy).
 */
export class PlatformTeamScorecardsPolicy implements PermissionPolicy {
  constructor(
    private readonly platformGroup: string,
    private readonly fallback?: PermissionPolicy,
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser): Promise<PolicyDecision> {
    const decision = decideScorecardsPermission(request, user, this.platformGroup);
    if (decision) return decision;
    return this.fallback ? this.fallback.handle(request, user) : { result: AuthorizeResult.ALLOW };
  }
}
