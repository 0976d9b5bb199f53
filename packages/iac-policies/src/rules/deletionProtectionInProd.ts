import { hclText, variableReference } from '../hcl';
import { TerraformModule } from '../parseTerraformFiles';
import {
  TerraformBlock,
  isRootModule,
  moduleCallBlocks,
  resourceBlocks,
  variableBlocks,
} from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'deletion-protection-in-prod';

/** Data stores and the argument that protects each from `terraform destroy`. */
const DATA_STORES = [
  { resourceType: 'aws_db_instance', argument: 'deletion_protection' },
  { resourceType: 'aws_rds_cluster', argument: 'deletion_protection' },
  {
    resourceType: 'aws_dynamodb_table',
    argument: 'deletion_protection_enabled',
  },
];

const MODULE_ARGUMENTS = ['deletion_protection', 'deletion_protection_enabled'];

function productionEnvironmentOf(
  module: TerraformModule,
  productionEnvironments: string[],
): string | undefined {
  return module.directory
    .split('/')
    .find(segment => productionEnvironments.includes(segment));
}

function moduleCallFindings(
  module: TerraformModule,
  environment: string,
): PolicyFinding[] {
  return moduleCallBlocks(module.files).flatMap(call =>
    MODULE_ARGUMENTS.filter(
      argument => argument in call.body && call.body[argument] !== true,
    ).map(argument => ({
      rule: RULE_ID,
      file: call.file,
      address: call.address,
      message: `passes ${argument} = ${hclText(
        call.body[argument],
      )} in the production environment "${environment}"`,
      fix: `Pass ${argument} = true in production.`,
    })),
  );
}

function dataStoreProblem(
  block: TerraformBlock,
  argument: string,
  module: TerraformModule,
): string | undefined {
  const value = block.body[argument];
  if (value === true) {
    return undefined;
  }
  const variableName = variableReference(value);
  if (variableName) {
    const variable = variableBlocks(module.files).find(
      candidate => candidate.name === variableName,
    );
    const fallback = variable?.body.default;
    return fallback === true
      ? undefined
      : `${argument} comes from var.${variableName}, whose default is ${hclText(
          fallback,
        )}`;
  }
  return value === undefined
    ? `${argument} is not set, and AWS defaults it to false`
    : `${argument} is ${hclText(value)}`;
}

function dataStoreFindings(module: TerraformModule): PolicyFinding[] {
  return DATA_STORES.flatMap(({ resourceType, argument }) =>
    resourceBlocks(module.files, resourceType).flatMap(block => {
      const problem = dataStoreProblem(block, argument, module);
      return problem
        ? [
            {
              rule: RULE_ID,
              file: block.file,
              address: block.address,
              message: problem,
              fix: `Set ${argument} = true, or to a variable whose default is true so only non-production roots can turn it off.`,
            },
          ]
        : [];
    }),
  );
}

export const deletionProtectionInProd: PolicyRule = {
  id: RULE_ID,
  description:
    'Production data stores (aws_db_instance, aws_rds_cluster: deletion_protection; ' +
    'aws_dynamodb_table: deletion_protection_enabled) cannot be deleted. Precisely: ' +
    '(1) in a module whose directory path has a segment named in ' +
    'productionEnvironments (default prod, production), e.g. environments/prod, every ' +
    'module call that passes deletion_protection or deletion_protection_enabled passes ' +
    'literal true; (2) in such a module and in every reusable module (one that ' +
    'configures no provider and no backend), each data store sets the argument to ' +
    'literal true or to var.<name> whose default is true. Non-production root modules ' +
    'may turn it off.',
  check(terraform, options) {
    return terraform.modules.flatMap(module => {
      const environment = productionEnvironmentOf(
        module,
        options.productionEnvironments,
      );
      return [
        ...(environment ? moduleCallFindings(module, environment) : []),
        ...(environment || !isRootModule(module)
          ? dataStoreFindings(module)
          : []),
      ];
    });
  },
};
