import { HclObject, isHclObject, nestedBlocks } from '../hcl';
import { TerraformBlock, providerBlocks } from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'mandatory-tags';

function tagProblem(
  provider: TerraformBlock,
  mandatoryTags: string[],
): string | undefined {
  const defaultTags = nestedBlocks(provider.body, 'default_tags');
  if (defaultTags.length === 0) {
    return 'has no default_tags block';
  }
  const tags = defaultTags.map(block => block.tags);
  if (!tags.every(isHclObject)) {
    return 'sets default_tags.tags from an expression, so its tags cannot be checked';
  }
  const merged: HclObject = Object.assign({}, ...tags);
  const missing = mandatoryTags.filter(tag => !(tag in merged));
  const empty = mandatoryTags.filter(
    tag => typeof merged[tag] === 'string' && String(merged[tag]).trim() === '',
  );
  const problems = [
    missing.length ? `is missing ${missing.join(', ')}` : undefined,
    empty.length ? `has empty ${empty.join(', ')}` : undefined,
  ].filter(Boolean);
  return problems.length ? `default_tags ${problems.join(' and ')}` : undefined;
}

export const mandatoryTags: PolicyRule = {
  id: RULE_ID,
  description:
    'Every root module (a directory with a provider "aws" block) sets the mandatory ' +
    'tags (default Team, Service, Environment, CostCenter, ManagedBy) in each AWS ' +
    "provider's default_tags { tags = { ... } }, written out as a map with non-empty " +
    'values; values may be variables or expressions.',
  check(terraform, options) {
    return terraform.modules.flatMap(module =>
      providerBlocks(module.files, 'aws').flatMap(
        (provider): PolicyFinding[] => {
          const problem = tagProblem(provider, options.mandatoryTags);
          return problem
            ? [
                {
                  rule: RULE_ID,
                  file: provider.file,
                  address: provider.address,
                  message: problem,
                  fix: `Set default_tags { tags = { ${options.mandatoryTags
                    .map(tag => `${tag} = ...`)
                    .join(', ')} } } in the provider.`,
                },
              ]
            : [];
        },
      ),
    );
  },
};
