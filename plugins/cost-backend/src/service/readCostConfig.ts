import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  AnomalyMethod,
  DEFAULT_ANOMALY_METHOD,
} from '@internal/plugin-cost-common';
import { CostExplorerClient } from '../aws/CostExplorerClient';
import { CostExplorerCostSource } from '../aws/CostExplorerCostSource';
import {
  KubecostAllocationClient,
  KubecostFlavour,
} from '../kubecost/KubecostAllocationClient';
import { KubecostCostSource } from '../kubecost/KubecostCostSource';
import { PrometheusThroughputSource } from '../ingest/PrometheusThroughputSource';
import { CostSource } from '../sources/CostSource';
import { ThroughputSource } from '../ingest/ThroughputSource';
import { readHttpUrl } from '@internal/portal-node';

export interface CostSettings {
  demo: boolean;
  sources: CostSource[];
  throughput?: ThroughputSource;
  budgets: Record<string, number>;
  lookbackDays: number;
  anomalies: AnomalyMethod;
  frequency: HumanDuration;
  timeout: HumanDuration;
  initialDelay: HumanDuration;
}

const headersOf = (config: Config | undefined) =>
  config
    ? Object.fromEntries(config.keys().map(k => [k, config.getString(k)]))
    : undefined;

/** Reads `cost` (see config.d.ts); bad values are errors naming the key and the fix. */
export function readCostConfig(root: Config): CostSettings {
  const cost = root.getOptionalConfig('cost');
  const sources: CostSource[] = [];

  const kubecost = cost?.getOptionalConfig('kubecost');
  if (kubecost) {
    const flavour = (kubecost.getOptionalString('flavour') ??
      'kubecost') as KubecostFlavour;
    if (flavour !== 'kubecost' && flavour !== 'opencost') {
      throw new Error(
        `cost.kubecost.flavour is "${flavour}"; use kubecost or opencost`,
      );
    }
    const serviceAggregate =
      kubecost.getOptionalString('serviceAggregate') ?? 'label:app';
    if (
      serviceAggregate !== 'namespace' &&
      !/^label:[\w./-]+$/.test(serviceAggregate)
    ) {
      throw new Error(
        `cost.kubecost.serviceAggregate is "${serviceAggregate}"; use namespace or label:<name>, e.g. label:app`,
      );
    }
    sources.push(
      new KubecostCostSource({
        flavour,
        teamLabel: kubecost.getOptionalString('teamLabel') ?? 'team',
        serviceAggregate,
        daysPerRequest: kubecost.getOptionalNumber('daysPerRequest'),
        client: new KubecostAllocationClient({
          baseUrl: readHttpUrl(kubecost, 'baseUrl', 'cost.kubecost.baseUrl'),
          flavour,
          timeoutMs: kubecost.has('timeout')
            ? durationToMilliseconds(
                readDurationFromConfig(kubecost, { key: 'timeout' }),
              )
            : 60_000,
          headers: headersOf(kubecost.getOptionalConfig('headers')),
        }),
      }),
    );
  }

  const aws = cost?.getOptionalConfig('aws');
  if (aws) {
    const credentials = aws.getOptionalConfig('credentials');
    sources.push(
      new CostExplorerCostSource(
        new CostExplorerClient({
          region: aws.getOptionalString('region') ?? 'us-east-1',
          endpoint: aws.has('endpoint')
            ? readHttpUrl(aws, 'endpoint', 'cost.aws.endpoint')
            : undefined,
          teamTag: aws.getOptionalString('teamTag') ?? 'team',
          serviceTag: aws.getOptionalString('serviceTag') ?? 'service',
          metric: aws.getOptionalString('metric') ?? 'AmortizedCost',
          maxAttempts: aws.getOptionalNumber('maxAttempts') ?? 3,
          credentials: credentials
            ? {
                accessKeyId: credentials.getString('accessKeyId'),
                secretAccessKey: credentials.getString('secretAccessKey'),
                sessionToken: credentials.getOptionalString('sessionToken'),
              }
            : undefined,
        }),
      ),
    );
  }

  const budgets: Record<string, number> = {};
  const budgetConfig = cost?.getOptionalConfig('budgets');
  for (const team of budgetConfig?.keys() ?? []) {
    const value = budgetConfig!.getNumber(team);
    if (!(value >= 0))
      throw new Error(
        `cost.budgets.${team} is ${value}; write a monthly budget in USD, e.g. 12000`,
      );
    budgets[team] = value;
  }

  const lookbackDays = cost?.getOptionalNumber('lookbackDays') ?? 90;
  if (
    !Number.isInteger(lookbackDays) ||
    lookbackDays < 1 ||
    lookbackDays > 400
  ) {
    throw new Error(
      `cost.lookbackDays is ${lookbackDays}; use a whole number of days from 1 to 400, e.g. 90`,
    );
  }

  const prometheus = cost?.getOptionalConfig('throughput.prometheus');
  return {
    demo: cost?.getOptionalBoolean('demo.enabled') ?? false,
    sources,
    throughput: prometheus
      ? new PrometheusThroughputSource({
          baseUrl: readHttpUrl(
            prometheus,
            'baseUrl',
            'cost.throughput.prometheus.baseUrl',
          ),
          timeoutMs: 30_000,
          headers: headersOf(prometheus.getOptionalConfig('headers')),
        })
      : undefined,
    budgets,
    lookbackDays,
    anomalies: readAnomalyMethod(cost?.getOptionalConfig('anomalies')),
    frequency: cost?.has('schedule.frequency')
      ? readDurationFromConfig(cost, { key: 'schedule.frequency' })
      : { hours: 6 },
    // Gives the catalog time to read its locations after a restart.
    initialDelay: cost?.has('schedule.initialDelay')
      ? readDurationFromConfig(cost, { key: 'schedule.initialDelay' })
      : { seconds: 30 },
    timeout: cost?.has('schedule.timeout')
      ? readDurationFromConfig(cost, { key: 'schedule.timeout' })
      : { minutes: 30 },
  };
}

/** `cost.anomalies`: each value checked, defaults from DEFAULT_ANOMALY_METHOD. */
function readAnomalyMethod(config: Config | undefined): AnomalyMethod {
  const read = (
    key: keyof AnomalyMethod,
    valid: (value: number) => boolean,
    fix: string,
  ) => {
    const value = config?.getOptionalNumber(key) ?? DEFAULT_ANOMALY_METHOD[key];
    if (!valid(value))
      throw new Error(`cost.anomalies.${key} is ${value}; ${fix}`);
    return value;
  };
  const weeks = read(
    'weeks',
    v => Number.isInteger(v) && v >= 1 && v <= 52,
    'use a whole number of weeks from 1 to 52, e.g. 8',
  );
  return {
    weeks,
    minObservations: read(
      'minObservations',
      v => Number.isInteger(v) && v >= 1 && v <= weeks,
      `use a whole number from 1 to cost.anomalies.weeks (${weeks}), e.g. 4`,
    ),
    threshold: read(
      'threshold',
      v => v > 0,
      'use a robust z-score above 0, e.g. 3.5',
    ),
    minUsd: read('minUsd', v => v >= 0, 'use USD 0 or more, e.g. 5'),
    minPercent: read(
      'minPercent',
      v => v >= 0,
      'use a percentage of 0 or more, e.g. 10',
    ),
  };
}
