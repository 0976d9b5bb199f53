import { createHash } from 'node:crypto';
import { MappableComponent } from '../mapping/ComponentMapping';
import { DEMO_RULES, DemoRule } from './demoRules';

const HOUR_MS = 3_600_000;
const IMAGE_REGISTRY = 'registry.harbormarket.example';

/** A stable number in [0, 1) for `seed`: the demo data is the same on every start. */
function fraction(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}
const hex = (seed: string, length: number) =>
  createHash('sha256').update(seed).digest('hex').slice(0, length);

function stableUuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pickRule(seed: string, rules: DemoRule[]): DemoRule {
  const total = rules.reduce((sum, r) => sum + r.weight, 0);
  let point = fraction(seed) * total;
  for (const rule of rules) {
    point -= rule.weight;
    if (point < 0) return rule;
  }
  return rules[rules.length - 1];
}

/** Falco's time format: RFC 3339 with nanoseconds. */
function falcoTime(ms: number, seed: string): { time: string; nanos: number } {
  const extraNanos = Math.floor(fraction(`${seed}/ns`) * 1_000_000);
  const iso = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_m, millis) => `.${millis}${String(extraNanos).padStart(6, '0')}Z`);
  return { time: iso, nanos: ms * 1_000_000 + extraNanos };
}

interface Workload {
  /** Who the events are about: a component, or a platform namespace no component claims. */
  seed: string;
  namespace: string;
  app: string;
  image: string;
  /** Expected events per hour. */
  rate: number;
}

// Platform workloads that belong to no component, so the overview has unmapped events.
const PLATFORM_WORKLOADS: Workload[] = [
  { seed: 'platform/ingress', namespace: 'ingress-nginx', app: 'ingress-nginx-controller', image: 'registry.k8s.io/ingress-nginx/controller', rate: 0.05 },
  { seed: 'platform/ci', namespace: 'ci-runners', app: 'gitlab-runner', image: 'docker.io/gitlab/gitlab-runner', rate: 0.08 },
  { seed: 'platform/monitoring', namespace: 'monitoring', app: 'node-exporter', image: 'quay.io/prometheus/node-exporter', rate: 0.03 },
];

function workloadOf(component: MappableComponent): Workload | undefined {
  if (!component.kubernetesId) return undefined;
  const id = component.kubernetesId;
  // A few services are noisy (a legacy gateway, a debug-heavy team), most are quiet.
  const noise = fraction(`noise/${component.entityRef}`);
  let rate = 0.03;
  if (id.includes('legacy')) rate = 0.6;
  else if (noise > 0.8) rate = 0.35;
  else if (noise > 0.3) rate = 0.1;
  return {
    seed: component.entityRef,
    namespace: component.namespace ?? 'default',
    app: id,
    image: component.containerImages[0] ?? `${IMAGE_REGISTRY}/${id}`,
    rate,
  };
}

function eventFor(workload: Workload, hourStart: number, index: number) {
  const seed = `${workload.seed}/${hourStart}/${index}`;
  const rules = workload.seed.startsWith('platform/') || !workload.app.includes('payment')
    ? DEMO_RULES.filter(r => !r.tags.includes('pci'))
    : DEMO_RULES;
  const rule = pickRule(`${seed}/rule`, rules);
  const { time, nanos } = falcoTime(hourStart + Math.floor(fraction(`${seed}/at`) * HOUR_MS), seed);
  const replicaSet = hex(`${workload.app}/rs`, 10).replace(/[0-9]/g, d => 'bcdfghjklm'[Number(d)]);
  const pod = `${workload.app}-${replicaSet}-${hex(`${seed}/pod`, 5).replace(/[0-9]/g, d => 'bcdfghjklm'[Number(d)])}`;
  const containerId = hex(`${seed}/container`, 12);
  const node = `ip-10-20-${1 + Math.floor(fraction(`${seed}/az`) * 3)}-${10 + Math.floor(fraction(`${seed}/node`) * 200)}.ec2.internal`;
  const tag = `1.${Math.floor(fraction(`${workload.app}/minor`) * 40)}.${Math.floor(fraction(`${workload.app}/patch`) * 10)}`;
  const p = rule.process;
  const outputFields: Record<string, string | number | null> = {
    'container.id': containerId,
    'container.image.repository': workload.image,
    'container.image.tag': tag,
    'container.name': workload.app,
    'evt.time': nanos,
    'evt.type': rule.fields?.['fd.name'] ? 'openat' : 'execve',
    'k8s.ns.name': workload.namespace,
    'k8s.pod.name': pod,
    'proc.cmdline': p.cmdline,
    'proc.exepath': p.exepath,
    'proc.name': p.name,
    'proc.pname': p.parent,
    'proc.tty': p.tty ?? 0,
    'user.loginuid': -1,
    'user.name': p.user,
    'user.uid': p.user === 'root' ? 0 : 1000,
    ...rule.fields,
  };
  const described = Object.entries({
    evt_type: outputFields['evt.type'],
    user: p.user,
    user_uid: outputFields['user.uid'],
    user_loginuid: -1,
    process: p.name,
    proc_exepath: p.exepath,
    parent: p.parent,
    command: p.cmdline,
    ...(rule.fields?.['fd.name'] ? { file: rule.fields['fd.name'] } : {}),
    terminal: p.tty ?? 0,
    container_id: containerId,
    container_image: workload.image,
    container_image_tag: tag,
    container_name: workload.app,
    k8s_ns: workload.namespace,
    k8s_pod_name: pod,
  })
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return {
    uuid: stableUuid(seed),
    time,
    rule: rule.rule,
    priority: rule.priority,
    output: `${time.slice(11, 29)}: ${rule.priority} ${rule.describe} (${described})`,
    hostname: node,
    source: 'syscall',
    tags: rule.tags,
    output_fields: outputFields,
  };
}

/**
 * Realistic Falco events (Falcosidekick's JSON, with its uuid) for every component with a
 * `backstage.io/kubernetes-id` and for a few platform namespaces no component claims,
 * over the `hours` whole hours up to `now`. The same inputs always give the same events,
 * so re-sending them is a no-op for the idempotent store. `historyStart` gives a component
 * created after the demo began the moment its events may start: none before it existed.
 */
export function generateDemoEvents(
  components: MappableComponent[],
  now: Date,
  hours: number,
  historyStart: (entityRef: string) => Date | undefined = () => undefined,
) {
  const startOf = new Map(components.map(c => [c.entityRef, historyStart(c.entityRef)?.getTime() ?? -Infinity]));
  const workloads = [...components.flatMap(c => workloadOf(c) ?? []), ...PLATFORM_WORKLOADS];
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const events = [];
  for (let hourStart = lastHour - (hours - 1) * HOUR_MS; hourStart <= lastHour; hourStart += HOUR_MS) {
    for (const workload of workloads) {
      // Up to three events an hour, each firing with probability rate / 3.
      for (let index = 0; index < 3; index++) {
        if (fraction(`${workload.seed}/${hourStart}/${index}/fires`) < workload.rate / 3) {
          const event = eventFor(workload, hourStart, index);
          const at = Date.parse(event.time);
          if (at <= now.getTime() && at >= (startOf.get(workload.seed) ?? -Infinity)) events.push(event);
        }
      }
    }
  }
  return events;
}
