/**
 * Rules from Falco's default rule set (falcosecurity/rules), with the priorities and
 * output formats they ship with, plus the organisation's own, for the demo generator.
 * `weight` is how often each fires relative to the others.
 */
export interface DemoRule {
  rule: string;
  priority: string;
  tags: string[];
  weight: number;
  process: { name: string; parent: string; cmdline: string; exepath: string; user: string; tty?: number };
  /** Extra output fields the rule's output names. */
  fields?: Record<string, string | number | null>;
  describe: string;
}

export const DEMO_RULES: DemoRule[] = [
  {
    rule: 'Terminal shell in container',
    priority: 'Notice',
    tags: ['container', 'mitre_execution', 'shell', 'T1059'],
    weight: 10,
    process: { name: 'sh', parent: 'runc', cmdline: 'sh -c clear; (bash || ash || sh)', exepath: '/bin/sh', user: 'root', tty: 34816 },
    describe: 'A shell was spawned in a container with an attached terminal',
  },
  {
    rule: 'Read sensitive file untrusted',
    priority: 'Warning',
    tags: ['filesystem', 'host', 'container', 'mitre_credential_access', 'T1555'],
    weight: 5,
    process: { name: 'cat', parent: 'bash', cmdline: 'cat /etc/shadow', exepath: '/usr/bin/cat', user: 'root' },
    fields: { 'fd.name': '/etc/shadow' },
    describe: 'Sensitive file opened for reading by non-trusted program',
  },
  {
    rule: 'Contact K8S API Server From Container',
    priority: 'Notice',
    tags: ['container', 'network', 'k8s', 'mitre_discovery', 'T1565'],
    weight: 8,
    process: { name: 'curl', parent: 'sh', cmdline: 'curl -sk https://10.96.0.1:443/api/v1/namespaces', exepath: '/usr/bin/curl', user: 'app' },
    fields: { 'fd.name': '10.244.1.17:48712->10.96.0.1:443', 'fd.rip': '10.96.0.1', 'fd.rport': 443 },
    describe: 'Unexpected connection to K8s API Server from container',
  },
  {
    rule: 'Drop and execute new binary in container',
    priority: 'Critical',
    tags: ['container', 'process', 'mitre_persistence', 'TA0003', 'PCI_DSS_11.5.1'],
    weight: 2,
    process: { name: 'xmrig', parent: 'sh', cmdline: 'xmrig -o pool.example:3333', exepath: '/tmp/xmrig', user: 'app' },
    describe: 'Executing binary not part of base image',
  },
  {
    rule: 'Redirect STDOUT/STDIN to Network Connection in Container',
    priority: 'Notice',
    tags: ['container', 'network', 'process', 'mitre_execution', 'T1059'],
    weight: 3,
    process: { name: 'bash', parent: 'python3', cmdline: 'bash -i', exepath: '/bin/bash', user: 'app' },
    fields: { 'fd.name': '10.244.2.31:51532->203.0.113.50:4444' },
    describe: 'Redirect stdout/stdin to network connection',
  },
  {
    rule: 'Clear Log Activities',
    priority: 'Warning',
    tags: ['host', 'container', 'filesystem', 'mitre_defense_evasion', 'T1070'],
    weight: 3,
    process: { name: 'truncate', parent: 'sh', cmdline: 'truncate -s 0 /var/log/app/access.log', exepath: '/usr/bin/truncate', user: 'root' },
    fields: { 'fd.name': '/var/log/app/access.log' },
    describe: 'Log files were tampered',
  },
  {
    rule: 'Write below etc',
    priority: 'Error',
    tags: ['host', 'container', 'filesystem', 'mitre_persistence', 'T1098'],
    weight: 3,
    process: { name: 'sed', parent: 'sh', cmdline: 'sed -i s/nameserver/#nameserver/ /etc/resolv.conf', exepath: '/usr/bin/sed', user: 'root' },
    fields: { 'fd.name': '/etc/resolv.conf' },
    describe: 'File below /etc opened for writing',
  },
  {
    rule: 'Search Private Keys or Passwords',
    priority: 'Warning',
    tags: ['host', 'container', 'process', 'mitre_credential_access', 'T1552.001'],
    weight: 2,
    process: { name: 'grep', parent: 'bash', cmdline: 'grep -r BEGIN RSA PRIVATE /', exepath: '/usr/bin/grep', user: 'root' },
    describe: 'Grep private keys or passwords activities found',
  },
  {
    rule: 'Launch Privileged Container',
    priority: 'Informational',
    tags: ['container', 'cis', 'mitre_execution', 'T1610', 'PCI_DSS_10.2.5'],
    weight: 4,
    process: { name: 'runc', parent: 'containerd-shim', cmdline: 'runc init', exepath: '/usr/bin/runc', user: 'root' },
    describe: 'Privileged container started',
  },
  {
    rule: 'Packet socket created in container',
    priority: 'Notice',
    tags: ['container', 'network', 'mitre_credential_access', 'T1557.002'],
    weight: 2,
    process: { name: 'tcpdump', parent: 'bash', cmdline: 'tcpdump -i eth0 port 5432', exepath: '/usr/sbin/tcpdump', user: 'root' },
    describe: 'Packet socket was created in a container',
  },
  {
    rule: 'Fileless execution via memfd_create',
    priority: 'Critical',
    tags: ['container', 'host', 'process', 'mitre_defense_evasion', 'T1620'],
    weight: 1,
    process: { name: '3', parent: 'python3', cmdline: '3', exepath: 'memfd:program', user: 'app' },
    describe: 'Fileless execution via memfd_create',
  },
  {
    rule: 'Detect outbound connections to common miner pool ports',
    priority: 'Critical',
    tags: ['host', 'container', 'network', 'mitre_impact', 'T1496'],
    weight: 1,
    process: { name: 'xmrig', parent: 'sh', cmdline: 'xmrig --donate-level 1', exepath: '/tmp/.x/xmrig', user: 'app' },
    fields: { 'fd.name': '10.244.3.8:40022->198.51.100.23:3333', 'fd.rport': 3333 },
    describe: 'Outbound connection to IP/Port flagged by https://cryptoioc.ch',
  },
  {
    rule: 'Harbor: card data read outside the vault sidecar',
    priority: 'Alert',
    tags: ['container', 'filesystem', 'pci', 'harbor_market'],
    weight: 1,
    process: { name: 'python3', parent: 'sh', cmdline: 'python3 -c print(open("/vault/secrets/pan-keys").read())', exepath: '/usr/bin/python3', user: 'app' },
    fields: { 'fd.name': '/vault/secrets/pan-keys' },
    describe: 'Card data key material read by a process other than the vault sidecar',
  },
  {
    rule: 'Falco internal: syscall event drop',
    priority: 'Debug',
    tags: ['falco', 'internal'],
    weight: 2,
    process: { name: 'falco', parent: 'containerd-shim', cmdline: 'falco --cri /run/containerd/containerd.sock', exepath: '/usr/bin/falco', user: 'root' },
    describe: 'Falcoctl: syscall event drop. 23 system calls dropped in last second',
  },
];
