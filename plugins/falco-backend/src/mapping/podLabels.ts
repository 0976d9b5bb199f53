import { FalcoOutputFieldValue } from '@internal/plugin-falco-common';

const LABEL_FIELD = /^k8s\.pod\.label(?:\[(.+)\]|\.(.+))$/;

/**
 * The pod labels an event carries: `k8s.pod.label[<name>]` (current Falco),
 * `k8s.pod.label.<name>` (older) and `k8s.pod.labels`, which Falco renders as
 * `key:value` pairs, as a string or a list.
 */
export function podLabelsOf(fields: Record<string, FalcoOutputFieldValue>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [name, value] of Object.entries(fields)) {
    const match = LABEL_FIELD.exec(name);
    if (match && typeof value === 'string') labels.set(match[1] ?? match[2], value);
  }
  const list = fields['k8s.pod.labels'];
  let pairs: string[] = [];
  if (Array.isArray(list)) pairs = list;
  else if (typeof list === 'string') pairs = list.replace(/^[([]|[)\]]$/g, '').split(',');
  for (const pair of pairs) {
    const separator = pair.search(/[:=]/);
    if (separator > 0) labels.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
  }
  return labels;
}

type Requirement = { key: string; op: '=' | '!='; value: string };

/**
 * Parses the equality-based label selectors `backstage.io/kubernetes-label-selector`
 * holds (`app=x,tier!=canary`). Set-based selectors (`in`, `notin`, `!key`) return
 * undefined: such a component is then mapped by its other annotations only.
 */
export function parseEqualitySelector(selector: string): Requirement[] | undefined {
  const requirements: Requirement[] = [];
  for (const part of selector.split(',').map(p => p.trim()).filter(Boolean)) {
    const match = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part);
    if (!match) return undefined;
    requirements.push({ key: match[1], op: match[2] === '!=' ? '!=' : '=', value: match[3] });
  }
  return requirements.length > 0 ? requirements : undefined;
}

export function selectorMatches(requirements: Requirement[], labels: Map<string, string>): boolean {
  return requirements.every(r =>
    r.op === '=' ? labels.get(r.key) === r.value : labels.get(r.key) !== r.value,
  );
}
