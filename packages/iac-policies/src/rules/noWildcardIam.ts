import { nestedBlocks } from '../hcl';
import {
  IamPolicyStatement,
  decodeInlinePolicy,
  jsonPolicyStatements,
  policyDocumentStatements,
} from '../iamPolicyStatements';
import { dataBlocks, localValues, resourceBlocks } from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'no-wildcard-iam';

const RESOURCES_WITH_INLINE_POLICY = [
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
];

/** `*` and whole-service wildcards such as `s3:*`; `s3:Get*` is narrower and allowed. */
function isWildcardAction(action: string): boolean {
  return /^(\*|[^:]+:\*)$/.test(action.trim());
}

function quoted(values: string[]): string {
  return values.map(value => `"${value}"`).join(', ');
}

function statementProblem(
  statement: IamPolicyStatement,
  index: number,
): string | undefined {
  if (statement.effect.toLowerCase() === 'deny') {
    return undefined;
  }
  const actions = statement.actions.filter(isWildcardAction);
  const resources = statement.resources.filter(r => r.trim() === '*');
  const problems = [
    actions.length ? `wildcard action ${quoted(actions)}` : undefined,
    resources.length ? `resource ${quoted(resources)}` : undefined,
  ].filter(Boolean);
  return problems.length
    ? `statement ${index + 1} allows ${problems.join(' and ')}`
    : undefined;
}

const FIX =
  'List the actions the service calls (e.g. "s3:GetObject") and the ARNs it uses ' +
  '(e.g. "arn:aws:s3:::bucket/prefix/*").';

function findings(
  file: string,
  address: string,
  statements: IamPolicyStatement[],
): PolicyFinding[] {
  return statements.flatMap((statement, index) => {
    const problem = statementProblem(statement, index);
    return problem
      ? [{ rule: RULE_ID, file, address, message: problem, fix: FIX }]
      : [];
  });
}

export const noWildcardIam: PolicyRule = {
  id: RULE_ID,
  description:
    'IAM policies allow no "*" action or resource and no whole-service action such ' +
    'as "s3:*": checked in data "aws_iam_policy_document" statements and in inline ' +
    'policies (jsonencode, local values passed to jsonencode, JSON heredocs) of IAM ' +
    'policies, role/user/group policies and role inline_policy blocks. Deny ' +
    'statements may use wildcards.',
  async check(terraform) {
    const result: PolicyFinding[] = [];
    for (const module of terraform.modules) {
      const locals = localValues(module);

      for (const document of dataBlocks(
        module.files,
        'aws_iam_policy_document',
      )) {
        result.push(
          ...findings(
            document.file,
            document.address,
            policyDocumentStatements(document.body),
          ),
        );
      }

      const inlinePolicies = [
        ...RESOURCES_WITH_INLINE_POLICY.flatMap(type =>
          resourceBlocks(module.files, type).map(block => ({
            block,
            policy: block.body.policy,
          })),
        ),
        ...resourceBlocks(module.files, 'aws_iam_role').flatMap(block =>
          nestedBlocks(block.body, 'inline_policy').map(inline => ({
            block,
            policy: inline.policy,
          })),
        ),
      ];
      for (const { block, policy } of inlinePolicies) {
        const document = await decodeInlinePolicy(block.file, policy, locals);
        if (document !== undefined) {
          result.push(
            ...findings(
              block.file,
              block.address,
              jsonPolicyStatements(document),
            ),
          );
        }
      }
    }
    return result;
  },
};
