import {
  CostExplorerClient as AwsCostExplorerClient,
  GetCostAndUsageCommand,
  GetCostAndUsageCommandOutput,
} from '@aws-sdk/client-cost-explorer';
import { withoutCredentials } from '../sources/withoutCredentials';

export interface TaggedCost {
  /** Tag values; null when the resource lacks the tag (`team$`). */
  team: string | null;
  service: string | null;
  usd: number;
}

export interface TaggedDay {
  day: string;
  /** AWS may still revise the day. */
  estimated: boolean;
  groups: TaggedCost[];
}

export interface CostExplorerApi {
  /** Daily cost from `first` to `last` (both included) grouped by the team and service tags. */
  getDailyCostByTags(args: {
    first: string;
    last: string;
  }): Promise<TaggedDay[]>;
}

export interface CostExplorerClientOptions {
  region: string;
  /** Only for tests and VPC endpoints; default is AWS's own. */
  endpoint?: string;
  credentials?: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
  };
  teamTag: string;
  /** Omit to group by team only. */
  serviceTag?: string;
  metric: string;
  /** Passed to the SDK's own retry strategy; a day that still fails is retried next run. */
  maxAttempts: number;
}

/**
 * GetCostAndUsage grouped by tag. Every request and every page costs USD 0.01, so the caller
 * asks for every pending day in one query and this reads all its pages.
 */
export class CostExplorerClient implements CostExplorerApi {
  private readonly client: AwsCostExplorerClient;

  constructor(private readonly options: CostExplorerClientOptions) {
    this.client = new AwsCostExplorerClient({
      region: options.region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      maxAttempts: options.maxAttempts,
    });
  }

  async getDailyCostByTags(args: {
    first: string;
    last: string;
  }): Promise<TaggedDay[]> {
    const { teamTag, serviceTag, metric } = this.options;
    const groupBy = [{ Type: 'TAG' as const, Key: teamTag }];
    if (serviceTag) groupBy.push({ Type: 'TAG' as const, Key: serviceTag });
    // A day's groups can be split across pages.
    const days = new Map<string, TaggedDay>();
    let nextPageToken: string | undefined;
    do {
      let page: GetCostAndUsageCommandOutput;
      try {
        page = await this.client.send(
          new GetCostAndUsageCommand({
            TimePeriod: { Start: args.first, End: nextDay(args.last) },
            Granularity: 'DAILY',
            Metrics: [metric],
            GroupBy: groupBy,
            NextPageToken: nextPageToken,
          }),
        );
      } catch (error) {
        const e = error as Error & { $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode;
        const { accessKeyId, secretAccessKey, sessionToken } =
          this.options.credentials ?? {};
        const detail = `${e.name}: ${withoutCredentials(e.message, [
          accessKeyId,
          secretAccessKey,
          sessionToken,
        ])}`;
        throw new Error(
          status
            ? `AWS Cost Explorer answered HTTP ${status} to GetCostAndUsage: ${detail}`
            : `AWS Cost Explorer did not answer GetCostAndUsage: ${detail}`,
        );
      }
      for (const period of page.ResultsByTime ?? []) {
        const day = period.TimePeriod?.Start;
        if (!day) continue;
        const entry = days.get(day) ?? { day, estimated: false, groups: [] };
        entry.estimated = entry.estimated || period.Estimated === true;
        days.set(day, entry);
        for (const group of period.Groups ?? []) {
          const amount = group.Metrics?.[metric]?.Amount;
          if (amount === undefined) continue;
          const keys = group.Keys ?? [];
          entry.groups.push({
            team: tagValue(keys[0], teamTag),
            service: serviceTag ? tagValue(keys[1], serviceTag) : null,
            usd: Number(amount),
          });
        }
      }
      nextPageToken = page.NextPageToken || undefined;
    } while (nextPageToken);
    return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  }
}

/** `team$payments` → `payments`; `team$` (untagged) → null. */
export function tagValue(key: string | undefined, tag: string): string | null {
  if (!key) return null;
  const value = key.startsWith(`${tag}$`) ? key.slice(tag.length + 1) : key;
  return value === '' ? null : value;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
}
