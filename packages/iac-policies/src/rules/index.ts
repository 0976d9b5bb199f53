import { PolicyRule } from '../types';
import { deletionProtectionInProd } from './deletionProtectionInProd';
import { encryptionAtRest } from './encryptionAtRest';
import { mandatoryTags } from './mandatoryTags';
import { noOpenAdminIngress } from './noOpenAdminIngress';
import { noWildcardIam } from './noWildcardIam';
import { typedDescribedVariables } from './typedDescribedVariables';

export {
  deletionProtectionInProd,
  encryptionAtRest,
  mandatoryTags,
  noOpenAdminIngress,
  noWildcardIam,
  typedDescribedVariables,
};

/** Every policy, in the order findings are reported. */
export const rules: PolicyRule[] = [
  noWildcardIam,
  noOpenAdminIngress,
  encryptionAtRest,
  deletionProtectionInProd,
  mandatoryTags,
  typedDescribedVariables,
];
