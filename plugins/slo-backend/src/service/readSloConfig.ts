import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DEFAULT_FREEZE_POLICY, FreezePolicy, validateFreezePolicy } from '@internal/plugin-slo-common';
import { PrometheusClient, PrometheusHttpClient } from '@internal/prometheus-client';
import { PluginConfigError, readHttpUrl } from '@internal/portal-node';

export interface SloSettings {
  /** Measure from generated demo traffic instead of Prometheus (the embedded default). */
  demo: boolean;
  clients: Record<string, PrometheusClient>;
  defaultPrometheus: string;
  batchLabel: string;
  frequency: HumanDuration;
  timeout: HumanDuration;
  freezePolicy: FreezePolicy;
  /** The deploy gate says "unknown" for measurements older than this. */
  maxMeasurementAgeMs: number;
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
      baseUrl: readHttpUrl(instance, 'baseUrl', `slo.prometheus.${name}.baseUrl`),
      timeoutMs: timeout,
      headers: headers
        ? Object.fromEntries(headers.keys().map(k => [k, headers.getString(k)]))
        : undefined,
    });
  }
  const names = Object.keys(clients);
  if (names.length === 0 && !demo) {
    throw new PluginConfigError(
      'slo.prometheus',
      'slo.prometheus lists no Prometheus; add one, e.g. slo.prometheus.default.baseUrl, or set slo.demo.enabled for demo data',
    );
  }
  const defaultPrometheus = slo.getOptionalString('defaultPrometheus') ?? names[0] ?? 'demo';
  if (!demo && !clients[defaultPrometheus]) {
    throw new PluginConfigError('slo.defaultPrometheus', `slo.defaultPrometheus is "${defaultPrometheus}", which is not in slo.prometheus (${names.join(', ')})`);
  }
  const frequency: HumanDuration = slo.has('refresh.frequency')
    ? readDurationFromConfig(slo, { key: 'refresh.frequency' })
    : { minutes: 5 };
  const policy = slo.getOptionalConfig('freezePolicy');
  const freezePolicy = validateFreezePolicy({
    threshold: policy?.getOptionalNumber('threshold') ?? DEFAULT_FREEZE_POLICY.threshold,
    longWindow: (policy?.getOptionalString('longWindow') ?? DEFAULT_FREEZE_POLICY.longWindow) as FreezePolicy['longWindow'],
    shortWindow: (policy?.getOptionalString('shortWindow') ?? DEFAULT_FREEZE_POLICY.shortWindow) as FreezePolicy['shortWindow'],
    hysteresis: policy?.getOptionalNumber('hysteresis') ?? DEFAULT_FREEZE_POLICY.hysteresis,
  });
  return {
    demo,
    clients,
    defaultPrometheus,
    batchLabel: slo.getOptionalString('batchLabel') ?? 'service',
    frequency,
    timeout: slo.has('refresh.timeout')
      ? readDurationFromConfig(slo, { key: 'refresh.timeout' })
      : { minutes: 2 },
    freezePolicy,
    maxMeasurementAgeMs: policy?.has('maxMeasurementAge')
      ? durationToMilliseconds(readDurationFromConfig(policy, { key: 'maxMeasurementAge' }))
      : 3 * durationToMilliseconds(frequency),
  };
}
