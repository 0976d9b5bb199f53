/**
 * The portal's permission policy as a backend module of the permission plugin.
 *
 * @packageDocumentation
 */
export { permissionModulePortalPolicy as default } from './module';
export { PortalPermissionPolicy } from './PortalPermissionPolicy';
export { readPortalPolicyConfig, BUILT_IN_PLATFORM_ONLY } from './readPortalPolicyConfig';
export type { PortalPolicyConfig } from './readPortalPolicyConfig';
