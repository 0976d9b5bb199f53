import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for the GitHub REST API's repository, deployment, workflow-run, compare
 * and commit endpoints, answering in GitHub's JSON and headers:
 * - `Link` pagination (`per_page` up to 100, `page`), newest first, with `next`/`last`;
 * - workflow runs filtered by `branch` and `event` as GitHub does;
 * - a weak `ETag` on every 200 and 304 Not Modified when `If-None-Match` matches; 304s
 *   do not use up `x-ratelimit-remaining`, as on GitHub;
 * - `x-ratelimit-limit/-remaining/-used/-reset/-resource` on every answer;
 * - injectable faults: primary rate limit (403 or 429 with remaining 0 and a reset
 *   time), secondary rate limit (403 or 429 with `retry-after`), 502, no answer at all;
 * - 401 `Bad credentials` for a wrong token, 404 `Not Found` for unknown repositories
 *   and commits.
 */
export interface FakeGitHubDeployments {
  /** The API base URL (as `integrations.github[].apiBaseUrl`). */
  url: string;
  repositories: Map<string, FakeRepository>;
  requests: FakeRequest[];
  /** The next `times` requests whose path, or path and query (`/repos/o/r/deployments?…&page=2`), match answer with `fault`. */
  failNext(pathPattern: RegExp, fault: FakeFault, times?: number): void;
  stop(): Promise<void>;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  ifNoneMatch: string | undefined;
  status: number;
  at: number;
}

export interface FakeRepository {
  /** Default `main`. */
  defaultBranch?: string;
  /** The default branch's history, oldest first (linear). */
  commits: Array<{ sha: string; committedAt: string }>;
  /** Any order; answered newest first. */
  deployments: FakeDeployment[];
  /** Runs per workflow file name. */
  workflowRuns?: Record<string, FakeWorkflowRun[]>;
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref?: string;
  environment: string;
  createdAt: string;
  creator?: string;
  statuses: Array<{ id: number; state: string; createdAt: string; logUrl?: string }>;
}

export interface FakeWorkflowRun {
  id: number;
  headSha: string;
  /** Default `main`. */
  headBranch?: string;
  /** Default `push`. */
  event?: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
}

export type FakeFault =
  | { kind: 'primary'; status: 403 | 429; resetInSeconds: number }
  | { kind: 'secondary'; status: 403 | 429; retryAfterSeconds: number }
  | { kind: 'server-error' }
  /** A gateway in front of GitHub that quotes the request's Authorization header in its error. */
  | { kind: 'quoting-gateway' }
  /** Accepts the request and never answers. */
  | { kind: 'hang' };

const LIMIT = 5000;

export async function startFakeGitHubDeployments(options: {
  token: string;
  repositories?: Record<string, FakeRepository>;
}): Promise<FakeGitHubDeployments> {
  const repositories = new Map(Object.entries(options.repositories ?? {}));
  const requests: FakeRequest[] = [];
  const faults: Array<{ pattern: RegExp; fault: FakeFault; times: number }> = [];
  let used = 0;
  let base = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const query = Object.fromEntries(url.searchParams.entries());
    const ifNoneMatch = req.headers['if-none-match'] as string | undefined;
    const record: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query, ifNoneMatch, status: 0, at: Date.now() };
    requests.push(record);
    const resetEpoch = Math.ceil(Date.now() / 1000) + 3600;
    const rateHeaders = (remaining = LIMIT - used, reset = resetEpoch) => ({
      'x-ratelimit-limit': String(LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...rateHeaders(),
        ...headers,
      });
      res.end(text);
    };
    const error = (status: number, message: string, headers: Record<string, string> = {}) =>
      send(status, { message, documentation_url: 'https://docs.github.com/rest', status: String(status) }, headers);

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      error(401, 'Bad credentials');
      return;
    }
    const faultIndex = faults.findIndex(f => f.pattern.test(url.pathname) || f.pattern.test(url.pathname + url.search));
    if (faultIndex >= 0) {
      const entry = faults[faultIndex];
      if (--entry.times <= 0) faults.splice(faultIndex, 1);
      const { fault } = entry;
      if (fault.kind === 'hang') {
        record.status = -1;
      } else if (fault.kind === 'server-error') {
        error(502, 'Server Error');
      } else if (fault.kind === 'quoting-gateway') {
        error(403, `Forbidden by the gateway: authorization was "${auth}"`);
      } else if (fault.kind === 'primary') {
        record.status = fault.status;
        const reset = Math.ceil(Date.now() / 1000 + fault.resetInSeconds);
        send(
          fault.status,
          { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
          rateHeaders(0, reset),
        );
      } else {
        send(
          fault.status,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          },
          { 'retry-after': String(fault.retryAfterSeconds) },
        );
      }
      return;
    }

    // A 200 with an ETag, or a 304 (not counted against the limit) when it matches.
    const conditional = (body: unknown, headers: Record<string, string> = {}) => {
      const etag = `W/"${crypto.createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
      if (ifNoneMatch === etag) {
        record.status = 304;
        res.writeHead(304, { etag, ...rateHeaders() });
        res.end();
        return;
      }
      used++;
      send(200, body, { etag, ...headers });
    };
    const paged = <T>(items: T[], wrap: (pageItems: T[]) => unknown = x => x) => {
      const perPage = Math.min(100, Number(query.per_page ?? 30));
      const page = Math.max(1, Number(query.page ?? 1));
      const last = Math.max(1, Math.ceil(items.length / perPage));
      const link = (n: number) => {
        const target = new URL(url.toString());
        target.searchParams.set('page', String(n));
        return `<${target.toString()}>`;
      };
      const links: string[] = [];
      if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
      if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
      conditional(wrap(items.slice((page - 1) * perPage, page * perPage)), links.length ? { link: links.join(', ') } : {});
    };

    const match = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)(?:\/(.+))?$/);
    const repository = match ? repositories.get(`${match[1]}/${match[2]}`) : undefined;
    if (!match || !repository || req.method !== 'GET') {
      error(404, 'Not Found');
      return;
    }
    const [, owner, repo, rest = ''] = match;
    const api = `${base}/repos/${owner}/${repo}`;
    const web = `https://github.com/${owner}/${repo}`;
    const statusesPath = rest.match(/^deployments\/(\d+)\/statuses$/);
    const runsPath = rest.match(/^actions\/workflows\/([^/]+)\/runs$/);
    const comparePath = rest.match(/^compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/);
    const commitPath = rest.match(/^commits\/([0-9a-f]+)$/);
    if (rest === '') {
      conditional({
        id: 1,
        node_id: 'R_1',
        name: repo,
        full_name: `${owner}/${repo}`,
        private: true,
        html_url: web,
        url: api,
        default_branch: repository.defaultBranch ?? 'main',
      });
    } else if (rest === 'deployments') {
      const list = repository.deployments
        .filter(d => !query.environment || d.environment === query.environment)
        .filter(d => !query.sha || d.sha === query.sha)
        .sort((a, b) => b.id - a.id)
        .map(d => deploymentJson(d, api));
      paged(list);
    } else if (statusesPath) {
      const deployment = repository.deployments.find(d => d.id === Number(statusesPath[1]));
      if (!deployment) {
        error(404, 'Not Found');
        return;
      }
      paged(
        [...deployment.statuses]
          .sort((a, b) => b.id - a.id)
          .map(s => ({
            url: `${api}/deployments/${deployment.id}/statuses/${s.id}`,
            id: s.id,
            node_id: `DES_${s.id}`,
            state: s.state,
            creator: { login: 'deploy-bot', id: 9, type: 'Bot' },
            description: '',
            environment: deployment.environment,
            target_url: s.logUrl ?? '',
            log_url: s.logUrl ?? '',
            environment_url: '',
            created_at: s.createdAt,
            updated_at: s.createdAt,
            deployment_url: `${api}/deployments/${deployment.id}`,
            repository_url: api,
          })),
      );
    } else if (runsPath) {
      const workflow = decodeURIComponent(runsPath[1]);
      const runs = repository.workflowRuns?.[workflow];
      if (!runs) {
        error(404, 'Not Found');
        return;
      }
      const sorted = [...runs]
        .filter(r => !query.branch || (r.headBranch ?? 'main') === query.branch)
        .filter(r => !query.event || (r.event ?? 'push') === query.event)
        .sort((a, b) => b.id - a.id);
      paged(
        sorted.map(r => ({
          id: r.id,
          name: 'Deploy',
          head_branch: r.headBranch ?? 'main',
          head_sha: r.headSha,
          path: `.github/workflows/${workflow}`,
          event: r.event ?? 'push',
          status: r.status,
          conclusion: r.conclusion,
          workflow_id: 1,
          html_url: `${web}/actions/runs/${r.id}`,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
          run_started_at: r.createdAt,
          actor: { login: 'dev', id: 7, type: 'User' },
        })),
        pageRuns => ({ total_count: sorted.length, workflow_runs: pageRuns }),
      );
    } else if (comparePath) {
      const [, baseSha, headSha] = comparePath;
      const baseIndex = repository.commits.findIndex(c => c.sha === baseSha);
      const headIndex = repository.commits.findIndex(c => c.sha === headSha);
      if (baseIndex < 0 || headIndex < 0) {
        error(404, 'Not Found');
        return;
      }
      const ahead = repository.commits.slice(baseIndex + 1, headIndex + 1);
      const perPage = Math.min(100, Number(query.per_page ?? 250));
      const page = Math.max(1, Number(query.page ?? 1));
      const pageCommits = ahead.slice((page - 1) * perPage, page * perPage);
      const last = Math.max(1, Math.ceil(ahead.length / perPage));
      const headers: Record<string, string> = {};
      if (page < last) {
        const next = new URL(url.toString());
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      conditional(
        {
          url: `${api}/compare/${baseSha}...${headSha}`,
          status: compareStatus(baseIndex, headIndex),
          ahead_by: Math.max(0, headIndex - baseIndex),
          behind_by: Math.max(0, baseIndex - headIndex),
          total_commits: ahead.length,
          commits: pageCommits.map(c => commitJson(c, api)),
          files: [],
        },
        headers,
      );
    } else if (commitPath) {
      const commit = repository.commits.find(c => c.sha === commitPath[1]);
      if (!commit) {
        error(404, `No commit found for SHA: ${commitPath[1]}`);
        return;
      }
      conditional({ ...commitJson(commit, api), stats: { total: 1, additions: 1, deletions: 0 }, files: [] });
    } else {
      error(404, 'Not Found');
    }
  });

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    repositories,
    requests,
    failNext(pattern, fault, times = 1) {
      faults.push({ pattern, fault, times });
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(e => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function compareStatus(baseIndex: number, headIndex: number) {
  if (headIndex > baseIndex) return 'ahead';
  return headIndex === baseIndex ? 'identical' : 'behind';
}

function deploymentJson(d: FakeDeployment, api: string) {
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref ?? 'main',
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: { login: d.creator ?? 'deploy-bot', id: 9, type: 'Bot' },
    created_at: d.createdAt,
    updated_at: d.statuses.length ? d.statuses[d.statuses.length - 1].createdAt : d.createdAt,
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: d.environment === 'production',
  };
}

function commitJson(c: { sha: string; committedAt: string }, api: string) {
  return {
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 8)}`,
    url: `${api}/commits/${c.sha}`,
    html_url: `${api.replace('/repos/', '/')}/commit/${c.sha}`,
    commit: {
      author: { name: 'Dev', email: 'dev@example.com', date: c.committedAt },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: c.committedAt },
      message: `change ${c.sha.slice(0, 7)}`,
    },
    parents: [],
  };
}
