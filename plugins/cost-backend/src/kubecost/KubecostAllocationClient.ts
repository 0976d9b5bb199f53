import { withoutCredentials } from '../sources/withoutCredentials';

/** The Allocation fields the portal reads (a subset of what Kubecost/OpenCost return). */
export interface KubecostAllocation {
  name: string;
  properties?: {
    labels?: Record<string, string>;
    namespace?: string;
    [key: string]: unknown;
  };
  window?: { start: string; end: string };
  start?: string;
  end?: string;
  cpuCost?: number;
  cpuCostAdjustment?: number;
  cpuEfficiency?: number;
  gpuCost?: number;
  gpuCostAdjustment?: number;
  ramCost?: number;
  ramCostAdjustment?: number;
  ramEfficiency?: number;
  pvCost?: number;
  pvCostAdjustment?: number;
  networkCost?: number;
  networkCostAdjustment?: number;
  loadBalancerCost?: number;
  loadBalancerCostAdjustment?: number;
  sharedCost?: number;
  externalCost?: number;
  totalCost?: number;
}

/** One map per time set, keyed by the aggregate value (`team=payments`, `payments`, `__idle__`). */
export type AllocationSet = Record<string, KubecostAllocation>;

export interface AllocationQuery {
  /** RFC3339 start and end. */
  start: string;
  end: string;
  /** e.g. `['label:team', 'label:app']`; Kubecost joins the parts of each key with `/`. */
  aggregate: string[];
  /** `1d` gives one set per day. */
  step?: string;
}

export interface AllocationApi {
  getAllocation(query: AllocationQuery): Promise<AllocationSet[]>;
}

export type KubecostFlavour = 'kubecost' | 'opencost';

/**
 * `GET <baseUrl>/allocation` on Kubecost (baseUrl `http://kubecost:9090/model`) or OpenCost
 * (baseUrl `http://opencost:9003`). The two differ in how idle is asked for: Kubecost
 * reports `__idle__` unless `idle=false`, OpenCost only with `includeIdle=true`.
 */
export class KubecostAllocationClient implements AllocationApi {
  constructor(
    private readonly options: {
      baseUrl: string;
      flavour: KubecostFlavour;
      timeoutMs: number;
      headers?: Record<string, string>;
    },
  ) {}

  async getAllocation(query: AllocationQuery): Promise<AllocationSet[]> {
    const params = new URLSearchParams({
      window: `${query.start},${query.end}`,
      aggregate: query.aggregate.join(','),
      step: query.step ?? '1d',
      accumulate: 'false',
      shareIdle: 'false',
    });
    if (this.options.flavour === 'opencost') {
      params.set('includeIdle', 'true');
      params.set('idle', 'true');
    } else {
      params.set('idle', 'true');
    }
    const url = `${this.options.baseUrl.replace(
      /\/+$/,
      '',
    )}/allocation?${params}`;
    const name = this.options.flavour === 'opencost' ? 'OpenCost' : 'Kubecost';
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...this.options.headers },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      // Node's fetch says only "fetch failed"; the cause names the socket error.
      const cause = (
        error as Error & { cause?: { code?: string; message?: string } }
      ).cause;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `no answer within ${this.options.timeoutMs} ms`
          : cause?.code ?? cause?.message ?? (error as Error).message;
      throw new Error(
        `${name} at ${this.options.baseUrl} did not answer: ${reason}`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `${name} answered HTTP ${response.status}: ${errorDetail(
          this.scrub(text),
          response.statusText,
        )} (${this.options.baseUrl})`,
      );
    }
    let body: {
      code?: number;
      status?: string;
      message?: string;
      data?: AllocationSet[] | null;
    };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `${name} answered HTTP ${
          response.status
        } with something other than JSON: ${this.scrub(text).slice(0, 200)} (${
          this.options.baseUrl
        })`,
      );
    }
    if (
      (body.code !== undefined && body.code !== 200) ||
      (body.status !== undefined && body.status !== 'success')
    ) {
      throw new Error(
        `${name} answered code ${body.code ?? body.status}: ${
          body.message ? this.scrub(body.message) : 'no message'
        } (${this.options.baseUrl})`,
      );
    }
    if (!Array.isArray(body.data)) {
      throw new Error(
        `${name} answered without a data array (${this.options.baseUrl})`,
      );
    }
    // Kubecost puts null in place of an empty set.
    return body.data.map(set => set ?? {});
  }

  /** Text from Kubecost without the header values this client sent (a proxy may echo them). */
  private scrub(text: string): string {
    return withoutCredentials(text, Object.values(this.options.headers ?? {}));
  }
}

/** The message of a JSON error body (`{"code":400,"message":"..."}`), else the text itself. */
function errorDetail(text: string, statusText: string): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = parsed.message ?? parsed.error;
    if (typeof message === 'string' && message) return message.slice(0, 300);
  } catch {
    // not JSON: the text is the message
  }
  return text.trim().slice(0, 300) || statusText;
}
