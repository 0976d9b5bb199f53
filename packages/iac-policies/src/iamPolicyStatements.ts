import { parse } from '@cdktf/hcl2json';
import {
  HclObject,
  HclValue,
  isHclObject,
  nestedBlocks,
  stringList,
} from './hcl';

/** The parts of an IAM policy statement the policies look at. */
export interface IamPolicyStatement {
  effect: string;
  actions: string[];
  resources: string[];
}

function valueList(value: HclValue | undefined): string[] {
  return stringList(value) ?? [];
}

/** Statements of a `data "aws_iam_policy_document"` block. */
export function policyDocumentStatements(
  document: HclObject,
): IamPolicyStatement[] {
  return nestedBlocks(document, 'statement').map(statement => ({
    effect: typeof statement.effect === 'string' ? statement.effect : 'Allow',
    actions: valueList(statement.actions),
    resources: valueList(statement.resources),
  }));
}

/** Statements of a decoded JSON policy (`{ Statement: [...] }`). */
export function jsonPolicyStatements(policy: HclValue): IamPolicyStatement[] {
  if (!isHclObject(policy)) {
    return [];
  }
  const statement = policy.Statement;
  const statements = Array.isArray(statement) ? statement : [statement];
  return statements.filter(isHclObject).map(item => ({
    effect: typeof item.Effect === 'string' ? item.Effect : 'Allow',
    actions: valueList(item.Action),
    resources: valueList(item.Resource),
  }));
}

const JSONENCODE_CALL = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/;
const LOCAL_REFERENCE = /^\$\{\s*local\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}$/;

/**
 * hcl2json renders `policy = jsonencode({ ... })` as the expression's source text,
 * `"${jsonencode({\n  Statement = [...]\n})}"`. Parsing the argument again as the
 * value of an attribute turns its literal parts into JSON.
 */
async function decodeJsonencodeArgument(
  file: string,
  argument: string,
): Promise<HclValue | undefined> {
  try {
    const parsed = (await parse(file, `policy = ${argument}\n`)) as HclObject;
    return parsed.policy;
  } catch {
    // Not a literal we can read (e.g. a parenthesis inside a string confused the match).
    return undefined;
  }
}

/**
 * The policy document an inline `policy` argument holds: `jsonencode({...})`,
 * `jsonencode(local.name)`, or JSON text such as a heredoc. Undefined when it is only
 * known at plan time, e.g. `data.aws_iam_policy_document.x.json`, which the data source
 * check covers.
 */
export async function decodeInlinePolicy(
  file: string,
  policy: HclValue | undefined,
  locals: Map<string, HclValue>,
): Promise<HclValue | undefined> {
  if (typeof policy !== 'string') {
    return isHclObject(policy) ? policy : undefined;
  }
  const jsonencodeCall = JSONENCODE_CALL.exec(policy);
  if (jsonencodeCall) {
    const argument = await decodeJsonencodeArgument(file, jsonencodeCall[1]);
    const localName =
      typeof argument === 'string'
        ? LOCAL_REFERENCE.exec(argument)?.[1]
        : undefined;
    return localName ? locals.get(localName) : argument;
  }
  if (policy.trimStart().startsWith('{')) {
    try {
      return JSON.parse(policy) as HclValue;
    } catch {
      // Heredocs with template directives are not JSON until Terraform renders them.
      return undefined;
    }
  }
  return undefined;
}
