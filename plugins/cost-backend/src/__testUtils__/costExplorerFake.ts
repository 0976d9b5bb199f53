import {
  FakeAnswer,
  HttpFake,
  RecordedRequest,
  startHttpFake,
} from './httpFake';

export interface CostExplorerGroup {
  team: string | null;
  service: string | null;
  amount: string;
}

/**
 * AWS Cost Explorer's JSON 1.1 protocol (`POST /`, `X-Amz-Target:
 * AWSInsightsIndexService.GetCostAndUsage`): answers GetCostAndUsage from `days`, `pageSize`
 * groups per page with NextPageToken, untagged keys as `team$`, amounts as strings.
 * `failWith` answers with an AWS error instead (e.g. LimitExceededException), its message
 * possibly quoting the request.
 */
export async function startCostExplorerFake(options: {
  days: Record<string, CostExplorerGroup[]>;
  pageSize?: number;
  estimated?: string[];
  /** An AWS error type to answer with, or a type and message (the message may quote `request`). */
  failWith?: (
    request: RecordedRequest,
  ) => string | { type: string; message: string } | undefined;
}): Promise<HttpFake & { bodies: () => Array<Record<string, unknown>> }> {
  const fake = await startHttpFake((request: RecordedRequest): FakeAnswer => {
    if (
      request.headers['x-amz-target'] !==
      'AWSInsightsIndexService.GetCostAndUsage'
    ) {
      return {
        status: 400,
        body: {
          __type: 'UnknownOperationException',
          message: 'unknown target',
        },
      };
    }
    if (
      !String(request.headers.authorization ?? '').startsWith(
        'AWS4-HMAC-SHA256',
      )
    ) {
      return {
        status: 403,
        body: {
          __type: 'MissingAuthenticationTokenException',
          message: 'not signed',
        },
      };
    }
    const failure = options.failWith?.(request);
    if (failure) {
      const { type, message } =
        typeof failure === 'string'
          ? { type: failure, message: 'Rate exceeded' }
          : failure;
      return {
        status: 400,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-errortype': type,
        },
        body: { __type: `com.amazonaws.ce#${type}`, Message: message },
      };
    }
    const body = JSON.parse(request.body);
    const start: string = body.TimePeriod.Start;
    const end: string = body.TimePeriod.End;
    const flat: Array<{ day: string; group: CostExplorerGroup }> = [];
    for (const day of Object.keys(options.days).sort()) {
      if (day >= start && day < end)
        for (const group of options.days[day]) flat.push({ day, group });
    }
    const pageSize = options.pageSize ?? 1000;
    const offset = body.NextPageToken ? Number(body.NextPageToken) : 0;
    const page = flat.slice(offset, offset + pageSize);
    const teamTag = body.GroupBy[0].Key;
    const serviceTag = body.GroupBy[1]?.Key;
    const metric = body.Metrics[0];
    const daysInRange = Object.keys(options.days)
      .filter(d => d >= start && d < end)
      .sort();
    const resultsByTime = daysInRange.map(day => ({
      TimePeriod: {
        Start: day,
        End: new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10),
      },
      Total: {},
      Groups: page
        .filter(p => p.day === day)
        .map(({ group }) => ({
          Keys: [
            `${teamTag}$${group.team ?? ''}`,
            ...(serviceTag ? [`${serviceTag}$${group.service ?? ''}`] : []),
          ],
          Metrics: { [metric]: { Amount: group.amount, Unit: 'USD' } },
        })),
      Estimated: options.estimated?.includes(day) ?? false,
    }));
    const next =
      offset + pageSize < flat.length ? String(offset + pageSize) : undefined;
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: {
        GroupDefinitions: body.GroupBy,
        ResultsByTime: resultsByTime,
        DimensionValueAttributes: [],
        ...(next ? { NextPageToken: next } : {}),
      },
    };
  });
  return { ...fake, bodies: () => fake.requests.map(r => JSON.parse(r.body)) };
}
