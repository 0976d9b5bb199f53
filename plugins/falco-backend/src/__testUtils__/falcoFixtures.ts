/**
 * The JSON output example from Falco's documentation (falco-website
 * content/en/docs/concepts/outputs/channels.md), exactly as Falco's http_output sends
 * it: no uuid, `evt.time` as integer nanoseconds, `user.loginuid` -1.
 */
export const FALCO_DOCS_EXAMPLE_JSON = `{"hostname":"ip-172-31-3-191","output":"13:44:05.478445995: Critical A shell was spawned in a container with an attached terminal (user=root user_loginuid=-1 k8s.ns=default k8s.pod=kubecon container=ee97d9c4186f shell=sh parent=runc cmdline=sh -c clear; (bash || ash || sh) pid=10233 terminal=34816 container_id=ee97d9c4186f image=docker.io/library/alpine)","priority":"Critical","rule":"Terminal shell in container","source":"syscall","tags":["container","mitre_execution","shell"],"time":"2023-05-25T13:44:05.478445995Z","output_fields":{"container.id":"ee97d9c4186f","container.image.repository":"docker.io/library/alpine","evt.time":1685022245478445995,"k8s.ns.name":"default","k8s.pod.name":"kubecon","proc.cmdline":"sh -c clear; (bash || ash || sh)","proc.name":"sh","proc.pid":10233,"proc.pname":"runc","proc.tty":34816,"user.loginuid":-1,"user.name":"root"}}`;

/** A Falco JSON event; tests change fields freely, including to wrong types. */
export type FalcoJson = {
  uuid?: string;
  time: string;
  rule: string;
  priority: string;
  hostname?: string;
  output_fields: Record<string, any>;
  [field: string]: any;
};

export const falcoDocsExample = (): FalcoJson => JSON.parse(FALCO_DOCS_EXAMPLE_JSON);

let counter = 0;

/** A Falcosidekick-forwarded event (fresh uuid v4, `source` set) for a pod. */
export function sidekickEvent(overrides: {
  namespace: string;
  pod: string;
  priority?: string;
  rule?: string;
  time?: string;
  image?: string;
  fields?: Record<string, string | number | null>;
}) {
  counter += 1;
  const time = overrides.time ?? new Date().toISOString().replace('Z', '123456Z');
  return {
    uuid: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    time,
    rule: overrides.rule ?? 'Terminal shell in container',
    priority: overrides.priority ?? 'Notice',
    output: `${time.slice(11, 29)}: ${overrides.priority ?? 'Notice'} A shell was spawned in a container with an attached terminal (k8s_ns=${overrides.namespace} k8s_pod_name=${overrides.pod})`,
    hostname: 'ip-10-20-1-17.ec2.internal',
    source: 'syscall',
    tags: ['container', 'mitre_execution', 'shell'],
    output_fields: {
      'container.id': 'ee97d9c4186f',
      'container.image.repository': overrides.image ?? 'registry.harbormarket.example/unknown',
      'evt.time': Date.parse(time) * 1_000_000,
      'k8s.ns.name': overrides.namespace,
      'k8s.pod.name': overrides.pod,
      'proc.cmdline': 'sh -c clear; (bash || ash || sh)',
      'proc.name': 'sh',
      'user.loginuid': -1,
      'user.name': 'root',
      ...overrides.fields,
    },
  };
}
