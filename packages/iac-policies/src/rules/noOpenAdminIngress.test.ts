import { locations, runRule } from '../testing/runRule';
import { noOpenAdminIngress } from './noOpenAdminIngress';

const restrictedIngress = `
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "udp"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "postgres_from_app" {
  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.app.id
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
}

resource "aws_security_group_rule" "egress_anywhere" {
  type              = "egress"
  security_group_id = aws_security_group.db.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "redis_from_app" {
  security_group_id            = aws_security_group.cache.id
  referenced_security_group_id = aws_security_group.app.id
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
}

resource "aws_vpc_security_group_ingress_rule" "https_anywhere" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}
`;

const openIngress = `
resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "everything" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "high_ports" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "tcp"
  from_port         = 1024
  to_port           = 6500
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_vpc_security_group_ingress_rule" "mongo" {
  security_group_id = aws_security_group.db.id
  cidr_ipv6         = "::/0"
  ip_protocol       = "tcp"
  from_port         = 27017
  to_port           = 27017
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.windows.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = "3389"
  to_port           = "3389"
}
`;

describe('no-open-admin-ingress', () => {
  it('accepts public web ports, private sources, UDP and security-group sources', async () => {
    expect(
      await runRule(noOpenAdminIngress, { 'network.tf': restrictedIngress }),
    ).toEqual([]);
  });

  it('finds admin and data-store ports open to the internet, also inside ranges', async () => {
    const findings = await runRule(noOpenAdminIngress, {
      'network.tf': openIngress,
    });

    expect(locations(findings)).toEqual([
      {
        rule: 'no-open-admin-ingress',
        file: 'network.tf',
        address: 'aws_security_group.bastion',
      },
      {
        rule: 'no-open-admin-ingress',
        file: 'network.tf',
        address: 'aws_security_group_rule.everything',
      },
      {
        rule: 'no-open-admin-ingress',
        file: 'network.tf',
        address: 'aws_security_group_rule.high_ports',
      },
      {
        rule: 'no-open-admin-ingress',
        file: 'network.tf',
        address: 'aws_vpc_security_group_ingress_rule.mongo',
      },
      {
        rule: 'no-open-admin-ingress',
        file: 'network.tf',
        address: 'aws_vpc_security_group_ingress_rule.rdp',
      },
    ]);
    expect(findings.map(finding => finding.message)).toEqual([
      'allows ingress from 0.0.0.0/0 on port 22, which reaches SSH (22)',
      'allows ingress from 0.0.0.0/0 on ports 0-65535, which reaches SSH (22), RDP (3389), PostgreSQL (5432), MySQL (3306), MSSQL (1433), Redis (6379), MongoDB (27017)',
      'allows ingress from ::/0 on ports 1024-6500, which reaches RDP (3389), PostgreSQL (5432), MySQL (3306), MSSQL (1433), Redis (6379)',
      'allows ingress from ::/0 on port 27017, which reaches MongoDB (27017)',
      'allows ingress from 0.0.0.0/0 on port 3389, which reaches RDP (3389)',
    ]);
  });
});
