import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  taskCancelPermission,
  taskCreatePermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import { PortalPermissionPolicy } from './PortalPermissionPolicy';
import { readPortalPolicyConfig } from './readPortalPolicyConfig';

// What the scorecards plugin declares; the policy must not need to import it.
const scorecardsEvaluate = createPermission({ name: 'scorecards.evaluate', attributes: {} });
const scorecardsUpdate = createPermission({
  name: 'scorecards.definitions.update',
  attributes: { action: 'update' },
});

function user(name: string, groups: string[]): PolicyQueryUser {
  const userEntityRef = `user:default/${name}`;
  return {
    identity: { type: 'user', userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef, ...groups] },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

// The demo organisation (examples/org.yaml): alex.rivera is in checkout, priya.nair in platform.
const alex = user('alex.rivera', ['group:default/checkout']);
const priya = user('priya.nair', ['group:default/platform']);

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner, type: 'service', lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

function policyWith(config: object = {}) {
  return new PortalPermissionPolicy(readPortalPolicyConfig(new ConfigReader(config)));
}

const platformOnlyConfig = {
  permission: { platformOnly: ['scorecards.evaluate', 'scorecards.definitions.update'] },
};

/** Applies a conditional catalog decision to an entity as the catalog would. */
function catalogAllows(decision: PolicyDecision, entity: Entity): boolean {
  if (decision.result !== AuthorizeResult.CONDITIONAL) {
    return decision.result === AuthorizeResult.ALLOW;
  }
  const condition = decision.conditions;
  if (!('rule' in condition)) throw new Error(`expected a single rule, got ${JSON.stringify(condition)}`);
  expect(condition.rule).toBe(permissionRules.isEntityOwner.name);
  return permissionRules.isEntityOwner.apply(entity, condition.params as { claims: string[] });
}

describe('PortalPermissionPolicy', () => {
  it('refuses platform-only permissions named in config to someone outside the platform group', async () => {
    const policy = policyWith(platformOnlyConfig);
    for (const permission of [scorecardsEvaluate, scorecardsUpdate]) {
      expect(await policy.handle({ permission }, alex)).toEqual({ result: AuthorizeResult.DENY });
      expect(await policy.handle({ permission }, priya)).toEqual({ result: AuthorizeResult.ALLOW });
    }
  });

  it('lets a permission not listed as platform-only through for everyone', async () => {
    const policy = policyWith({});
    expect(await policy.handle({ permission: scorecardsEvaluate }, alex)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('keeps administering the catalog to the platform group', async () => {
    const policy = policyWith({});
    expect((await policy.handle({ permission: catalogLocationDeletePermission }, alex)).result).toBe(
      AuthorizeResult.DENY,
    );
    expect((await policy.handle({ permission: catalogLocationDeletePermission }, priya)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('lets everyone read, including a user who belongs to no group', async () => {
    const policy = policyWith(platformOnlyConfig);
    const loner = user('new.hire', []);
    expect((await policy.handle({ permission: catalogEntityReadPermission }, loner)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('lets an owner delete and refresh their own team\'s entities and not another team\'s', async () => {
    const policy = policyWith({});
    const checkoutService = component('checkout-service', 'checkout');
    const apiGateway = component('api-gateway', 'platform');
    for (const permission of [catalogEntityDeletePermission, catalogEntityRefreshPermission]) {
      const forAlex = await policy.handle({ permission }, alex);
      expect(catalogAllows(forAlex, checkoutService)).toBe(true);
      expect(catalogAllows(forAlex, apiGateway)).toBe(false);
      // The platform group administers every entity, its own or not.
      const forPriya = await policy.handle({ permission }, priya);
      expect(catalogAllows(forPriya, checkoutService)).toBe(true);
    }
  });

  it('lets everyone start golden-path tasks but only their author cancel one', async () => {
    const policy = policyWith({});
    expect((await policy.handle({ permission: taskCreatePermission }, alex)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    const cancel = await policy.handle({ permission: taskCancelPermission }, alex);
    expect(cancel).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { rule: 'IS_TASK_OWNER', params: { createdBy: ['user:default/alex.rivera'] } },
    });
  });

  it('takes the administering group from config', async () => {
    const policy = policyWith({
      permission: { platformGroup: 'checkout', platformOnly: ['scorecards.evaluate'] },
    });
    expect((await policy.handle({ permission: scorecardsEvaluate }, alex)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await policy.handle({ permission: scorecardsEvaluate }, priya)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  it('names the field and the fix when the platform group is not a group', () => {
    expect(() =>
      readPortalPolicyConfig(new ConfigReader({ permission: { platformGroup: 'user:default/priya.nair' } })),
    ).toThrow(/permission\.platformGroup must name a Group entity such as group:default\/platform/);
  });
});
