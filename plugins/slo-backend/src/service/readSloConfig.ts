import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { PrometheusHttpClient } from '../prometheus/PrometheusHttpClient';

export interface SloSettings {
  /** Measure from generated demo traffic instead of Prometheus (the embedded default). */
  demo: boolean;
  clients: Record<string, PrometheusClient>;
  defaultPrometheus: string;
  batchLabel: string;
  frequency: HumanDuration;
  timeout: HumanDuration;
}

/**
 * Reads `slo` (see config.d.ts). Without demo data, a missing `slo.prometheus` is an error
 * naming the key.
 */
export function readSloConfig(config: Config): SloSettings {
  const slo = config.getConfig('slo');
  const demo = slo.getOptionalBoolean('demo.enabled') ?? false;
  const instances = slo.getOptionalConfig('prometheus');
  const clients: Record<string, PrometheusClient> = {};
  for (const name of instances?.keys() ?? []) {
    const instance = instances!.getConfig(name);
    const timeout = instance.has('timeout')
      ? durationToMilliseconds(readDurationFromConfig(instance, { key: 'timeout' }))
      : 30_000;
    const headers = instance.getOptionalConfig('headers');
    clients[name] = new PrometheusHttpClient({
      baseUrl: instance.getString('baseUrl'),
      timeoutMs: timeout,
      headers: headers
        ? Object.fromEntries(headers.keys().map(k => [k, headers.getString(k)]))
        : undefined,
    });
  }
  const names = Object.keys(clients);
  if (names.length === 0 && !demo) {
    throw new Error(
      'slo.prometheus lists no Prometheus; add one, e.g. slo.prometheus.default.baseUrl, or set slo.demo.enabled for demo data',
    );
  }
  const defaultPrometheus = slo.getOptionalString('defaultPrometheus') ?? names[0] ?? 'demo';
  if (!demo && !clients[defaultPrometheus]) {
    throw new Error(`slo.defaultPrometheus is "${defaultPrometheus}", which is not in slo.prometheus (${names.join(', ')})`);
  }
  return {
    demo,
    clients,
    defaultPrometheus,
    batchLabel: slo.getOptionalString('batchLabel') ?? 'service',
    frequency: slo.has('refresh.frequency')
      ? readDurationFromConfig(slo, { key: 'refresh.frequency' })
      : { minutes: 5 },
    timeout: slo.has('refresh.timeout')
      ? readDurationFromConfig(slo, { key: 'refresh.timeout' })
      : { minutes: 2 },
  };
}
