import {
  HclObject,
  HclValue,
  isExpression,
  literalNumber,
  nestedBlocks,
  stringList,
} from '../hcl';
import { TerraformFile } from '../parseTerraformFiles';
import { TerraformBlock, resourceBlocks } from '../terraformBlocks';
import { PolicyFinding, PolicyRule } from '../types';

const RULE_ID = 'no-open-admin-ingress';

const ADMIN_PORTS = [
  { port: 22, service: 'SSH' },
  { port: 3389, service: 'RDP' },
  { port: 5432, service: 'PostgreSQL' },
  { port: 3306, service: 'MySQL' },
  { port: 1433, service: 'MSSQL' },
  { port: 6379, service: 'Redis' },
  { port: 27017, service: 'MongoDB' },
];

const ANYWHERE = ['0.0.0.0/0', '::/0'];

interface IngressRule {
  block: TerraformBlock;
  protocol: HclValue | undefined;
  fromPort: HclValue | undefined;
  toPort: HclValue | undefined;
  sources: string[];
}

/** The port range an ingress rule opens, or undefined when it opens no TCP port we can know. */
function openedPortRange(
  rule: IngressRule,
): { from: number; to: number } | undefined {
  const protocol =
    typeof rule.protocol === 'string' || typeof rule.protocol === 'number'
      ? String(rule.protocol).toLowerCase()
      : undefined;
  if (protocol === '-1' || protocol === 'all') {
    return { from: 0, to: 65535 };
  }
  // A protocol only known at plan time may be TCP.
  if (protocol !== 'tcp' && protocol !== '6' && !isExpression(rule.protocol)) {
    return undefined;
  }
  const from = literalNumber(rule.fromPort);
  const to = literalNumber(rule.toPort) ?? from;
  return from === undefined || to === undefined ? undefined : { from, to };
}

function sourcesOf(body: HclObject, ...attributes: string[]): string[] {
  return attributes.flatMap(attribute => stringList(body[attribute]) ?? []);
}

function ingressRules(files: TerraformFile[]): IngressRule[] {
  const inline = resourceBlocks(files, 'aws_security_group').flatMap(block =>
    nestedBlocks(block.body, 'ingress').map(ingress => ({
      block,
      protocol: ingress.protocol,
      fromPort: ingress.from_port,
      toPort: ingress.to_port,
      sources: sourcesOf(ingress, 'cidr_blocks', 'ipv6_cidr_blocks'),
    })),
  );
  const separate = resourceBlocks(files, 'aws_security_group_rule')
    .filter(block => block.body.type === 'ingress')
    .map(block => ({
      block,
      protocol: block.body.protocol,
      fromPort: block.body.from_port,
      toPort: block.body.to_port,
      sources: sourcesOf(block.body, 'cidr_blocks', 'ipv6_cidr_blocks'),
    }));
  const vpcRules = resourceBlocks(
    files,
    'aws_vpc_security_group_ingress_rule',
  ).map(block => ({
    block,
    protocol: block.body.ip_protocol,
    fromPort: block.body.from_port,
    toPort: block.body.to_port,
    sources: sourcesOf(block.body, 'cidr_ipv4', 'cidr_ipv6'),
  }));
  return [...inline, ...separate, ...vpcRules];
}

export const noOpenAdminIngress: PolicyRule = {
  id: RULE_ID,
  description:
    'No ingress from 0.0.0.0/0 or ::/0 to an administration or data-store port ' +
    '(SSH 22, RDP 3389, PostgreSQL 5432, MySQL 3306, MSSQL 1433, Redis 6379, ' +
    'MongoDB 27017), counting port ranges and all-protocol rules that include one: ' +
    'checked in aws_security_group ingress blocks, aws_security_group_rule of type ' +
    'ingress and aws_vpc_security_group_ingress_rule.',
  check(terraform) {
    return ingressRules(terraform.files).flatMap((rule): PolicyFinding[] => {
      const openSources = rule.sources.filter(source =>
        ANYWHERE.includes(source),
      );
      const range = openedPortRange(rule);
      if (openSources.length === 0 || !range) {
        return [];
      }
      const exposed = ADMIN_PORTS.filter(
        ({ port }) => range.from <= port && port <= range.to,
      );
      if (exposed.length === 0) {
        return [];
      }
      const ports =
        range.from === range.to
          ? `port ${range.from}`
          : `ports ${range.from}-${range.to}`;
      return [
        {
          rule: RULE_ID,
          file: rule.block.file,
          address: rule.block.address,
          message: `allows ingress from ${openSources.join(
            ' and ',
          )} on ${ports}, which reaches ${exposed
            .map(({ port, service }) => `${service} (${port})`)
            .join(', ')}`,
          fix:
            'Allow the port only from the security group that needs it ' +
            '(source_security_group_id / referenced_security_group_id) or a private ' +
            'CIDR range; reach hosts through SSM Session Manager instead of open SSH/RDP.',
        },
      ];
    });
  },
};
