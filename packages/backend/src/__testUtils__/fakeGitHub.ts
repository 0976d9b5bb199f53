import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A stand-in for github.com on 127.0.0.1, for running `publish:github` and the catalog's
 * GitHub URL reader end to end without the network.
 *
 * - REST API under `/api/v3` (configure it as the integration's `apiBaseUrl`), answering
 *   in GitHub's JSON formats, with GitHub's status codes and error bodies.
 * - Raw file downloads under `/raw` (the integration's `rawBaseUrl`).
 * - Real git smart HTTP at `/<owner>/<repo>.git` (the repositories' `clone_url`), served
 *   by `git http-backend` from bare repositories created when the create-repository call
 *   arrives. A protected branch refuses pushes, as on GitHub.
 *
 * Repositories keep GitHub's `html_url` (`https://github.com/<owner>/<repo>`), so that the
 * portal resolves them through its github.com integration, which points back here.
 *
 * It refuses what GitHub refuses: an invalid token is a 401 `Bad credentials` on every API
 * call and a 401 on git, writes need a token, private and internal repositories are
 * invisible (404) without one, `internal` needs an enterprise organisation, names must be
 * free, and branch protection needs all four of its required fields and an existing branch.
 */
export interface FakeGitHub {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `<url>/api/v3` */
  apiBaseUrl: string;
  /** `<url>/raw` */
  rawBaseUrl: string;
  /** Every request, in the order they arrived. */
  requests: RecordedRequest[];
  /** Where the bare repository of `owner/repo` lives (whether or not it was created). */
  bareRepositoryPath(owner: string, repo: string): string;
  stop(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/api/v3/orgs/harbor-market/repos`. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON for JSON bodies, a Buffer for other non-empty bodies (git packs). */
  body: unknown;
  /** The status the fake answered with (0 until the response is sent). */
  status: number;
}

export interface FakeGitHubOptions {
  /** The one token GitHub accepts. Default `ghp_test`. */
  token?: string;
  /** Whom the token belongs to. Default `portal-bot`, an owner of every organisation. */
  login?: string;
  /** Organisations that exist. Default `harbor-market` on GitHub Enterprise Cloud. */
  organizations?: Array<{
    login: string;
    plan: 'free' | 'team' | 'enterprise';
  }>;
}

interface Account {
  login: string;
  id: number;
  type: 'User' | 'Organization';
  plan: 'free' | 'team' | 'enterprise';
  createdAt: string;
}

type Visibility = 'public' | 'private' | 'internal';

interface Repository {
  id: number;
  owner: Account;
  name: string;
  description: string | null;
  homepage: string | null;
  visibility: Visibility;
  settings: Record<string, boolean | string>;
  createdAt: string;
  updatedAt: string;
  pushedAt: string | null;
  gitDir: string;
  protection: Map<string, Record<string, unknown>>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message));
  }
}

/** Refuses pushes to branches that have protection, with GitHub's message. */
const PRE_RECEIVE_HOOK = `#!/bin/sh
protected="$GIT_DIR/protected-branches"
[ -f "$protected" ] || exit 0
refused=0
while read -r old new ref; do
  branch="\${ref#refs/heads/}"
  if [ "$branch" != "$ref" ] && grep -qxF -- "$branch" "$protected"; then
    echo "error: GH006: Protected branch update failed for $ref." >&2
    echo "error: Changes must be made through a pull request." >&2
    refused=1
  fi
done
exit $refused
`;

const DOCS = 'https://docs.github.com/rest';
const HTML_BASE = 'https://github.com';

function apiError(
  status: number,
  message: string,
  documentationUrl = DOCS,
  extra: Record<string, unknown> = {},
): HttpError {
  return new HttpError(status, {
    message,
    ...extra,
    documentation_url: documentationUrl,
    status: String(status),
  });
}

const notFound = (doc = DOCS) => apiError(404, 'Not Found', doc);

export async function startFakeGitHub(
  options: FakeGitHubOptions = {},
): Promise<FakeGitHub> {
  const token = options.token ?? 'ghp_test';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-github-'));
  const gitRoot = path.join(root, 'git');
  fs.mkdirSync(gitRoot);
  const requests: RecordedRequest[] = [];
  let nextId = 100_000;
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  const accounts = new Map<string, Account>();
  const addAccount = (
    login: string,
    type: Account['type'],
    plan: Account['plan'],
  ) =>
    accounts.set(login.toLowerCase(), {
      login,
      id: nextId++,
      type,
      plan,
      createdAt: now(),
    });
  const viewer = options.login ?? 'portal-bot';
  addAccount(viewer, 'User', 'free');
  for (const org of options.organizations ?? [
    { login: 'harbor-market', plan: 'enterprise' as const },
  ]) {
    addAccount(org.login, 'Organization', org.plan);
  }
  const repositories = new Map<string, Repository>();
  const repoKey = (owner: string, name: string) =>
    `${owner.toLowerCase()}/${name.toLowerCase()}`;
  const bareRepositoryPath = (owner: string, repo: string) =>
    path.join(gitRoot, owner, `${repo}.git`);

  let baseUrl = ''; // http://127.0.0.1:<port>, once listening
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks);
      const isJson = /json/.test(req.headers['content-type'] ?? '');
      let body: unknown = raw.length ? raw : undefined;
      if (isJson && raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        status: 0,
      };
      requests.push(record);
      res.on('finish', () => {
        record.status = res.statusCode;
      });
      handle(req, res, url, raw, record).catch(error => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(`fake GitHub failed: ${error?.stack ?? error}`);
        } else {
          res.destroy(error);
        }
      });
    });
  });

  type Auth = 'none' | 'valid' | 'invalid';
  function authOf(req: http.IncomingMessage): Auth {
    const header = req.headers.authorization;
    if (!header) return 'none';
    const [scheme, value = ''] = header.split(/\s+/, 2);
    let presented: string | undefined;
    if (/^(token|bearer)$/i.test(scheme)) presented = value;
    else if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      presented = decoded.slice(decoded.indexOf(':') + 1);
    }
    return presented === token ? 'valid' : 'invalid';
  }

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    raw: Buffer,
    record: RecordedRequest,
  ) {
    const p = url.pathname;
    if (p === '/api/v3' || p.startsWith('/api/v3/')) {
      await handleApi(req, res, url, record);
    } else if (p.startsWith('/raw/')) {
      await handleRaw(req, res, url);
    } else if (/^\/[^/]+\/[^/]+\.git\//.test(p)) {
      await handleGit(req, res, url, raw);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
    }
  }

  // ---------------------------------------------------------------- REST API

  function sendJson(
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'X-GitHub-Media-Type': 'github.v3; format=json',
      ...apiHeaders(),
      ...headers,
    });
    res.end(status === 304 ? undefined : text);
  }

  function apiHeaders(): Record<string, string> {
    return {
      'X-GitHub-Api-Version-Selected': '2022-11-28',
      'X-GitHub-Request-Id': crypto
        .randomBytes(8)
        .toString('hex')
        .toUpperCase(),
      'X-RateLimit-Limit': '5000',
      'X-RateLimit-Remaining': '4999',
      'X-RateLimit-Used': '1',
      'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600),
      'X-RateLimit-Resource': 'core',
    };
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    record: RecordedRequest,
  ) {
    const method = req.method ?? 'GET';
    const route = url.pathname.slice('/api/v3'.length) || '/';
    const parts = route.split('/').filter(Boolean).map(decodeURIComponent);
    const auth = authOf(req);
    try {
      if (auth === 'invalid') throw apiError(401, 'Bad credentials');
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
      if (
        hasBody &&
        record.body !== undefined &&
        (typeof record.body !== 'object' || Buffer.isBuffer(record.body))
      ) {
        throw apiError(400, 'Problems parsing JSON');
      }
      const body = (record.body ?? {}) as Record<string, unknown>;
      const requireAuth = (doc: string) => {
        if (auth !== 'valid')
          throw apiError(401, 'Requires authentication', doc);
      };

      // GET /user
      if (method === 'GET' && parts.length === 1 && parts[0] === 'user') {
        requireAuth(`${DOCS}/users/users#get-the-authenticated-user`);
        return sendJson(
          res,
          200,
          accountJson(accounts.get(viewer.toLowerCase())!),
        );
      }
      // GET /users/{username}
      if (method === 'GET' && parts.length === 2 && parts[0] === 'users') {
        const account = accounts.get(parts[1].toLowerCase());
        if (!account) throw notFound(`${DOCS}/users/users#get-a-user`);
        return sendJson(res, 200, accountJson(account));
      }
      // GET /orgs/{org}
      if (method === 'GET' && parts.length === 2 && parts[0] === 'orgs') {
        const account = accounts.get(parts[1].toLowerCase());
        if (account?.type !== 'Organization')
          throw notFound(`${DOCS}/orgs/orgs#get-an-organization`);
        return sendJson(res, 200, {
          ...accountJson(account),
          url: `${apiBase()}/orgs/${account.login}`,
        });
      }
      // PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}: 204, no body.
      if (
        method === 'PUT' &&
        parts.length === 7 &&
        parts[0] === 'orgs' &&
        parts[2] === 'teams' &&
        parts[4] === 'repos'
      ) {
        const doc = `${DOCS}/teams/teams#add-or-update-team-repository-permissions`;
        requireAuth(doc);
        const org = accounts.get(parts[1].toLowerCase());
        const repo = repositories.get(repoKey(parts[5], parts[6]));
        if (org?.type !== 'Organization' || !repo) throw notFound(doc);
        if (!['pull', 'triage', 'push', 'maintain', 'admin'].includes(String(body.permission))) {
          throw apiError(422, 'Validation Failed', doc);
        }
        res.writeHead(204).end();
        return undefined;
      }
      // POST /orgs/{org}/repos, POST /user/repos
      const createInOrg =
        method === 'POST' &&
        parts.length === 3 &&
        parts[0] === 'orgs' &&
        parts[2] === 'repos';
      const createForUser =
        method === 'POST' &&
        parts.length === 2 &&
        parts[0] === 'user' &&
        parts[1] === 'repos';
      if (createInOrg || createForUser) {
        const doc = createInOrg
          ? `${DOCS}/repos/repos#create-an-organization-repository`
          : `${DOCS}/repos/repos#create-a-repository-for-the-authenticated-user`;
        requireAuth(doc);
        const owner = accounts.get(
          (createInOrg ? parts[1] : viewer).toLowerCase(),
        );
        if (!owner || (createInOrg && owner.type !== 'Organization'))
          throw notFound(doc);
        const repo = await createRepository(owner, body, doc, createInOrg);
        return sendJson(res, 201, await repoJson(repo), {
          Location: `${apiBase()}/repos/${owner.login}/${repo.name}`,
        });
      }

      if (parts[0] === 'repos' && parts.length >= 3) {
        const repo = repositories.get(repoKey(parts[1], parts[2]));
        const visible =
          repo && (repo.visibility === 'public' || auth === 'valid');
        const rest = parts.slice(3);
        // GET /repos/{owner}/{repo}
        if (method === 'GET' && rest.length === 0) {
          if (!visible) throw notFound(`${DOCS}/repos/repos#get-a-repository`);
          return sendJson(res, 200, await repoJson(repo));
        }
        // GET /repos/{owner}/{repo}/contents/{path}
        if (method === 'GET' && rest[0] === 'contents') {
          const doc = `${DOCS}/repos/contents#get-repository-content`;
          if (!visible) throw notFound(doc);
          const filePath = rest.slice(1).join('/');
          return await sendContents(
            req,
            res,
            repo,
            filePath,
            url.searchParams.get('ref'),
            doc,
          );
        }
        // GET /repos/{owner}/{repo}/branches/{branch}
        if (method === 'GET' && rest[0] === 'branches' && rest.length === 2) {
          const doc = `${DOCS}/branches/branches#get-a-branch`;
          if (!visible) throw notFound(doc);
          const sha = await resolveBranch(repo, rest[1]);
          if (!sha) throw apiError(404, 'Branch not found', doc);
          return sendJson(res, 200, {
            name: rest[1],
            commit: {
              sha,
              url: `${apiBase()}/repos/${repo.owner.login}/${
                repo.name
              }/commits/${sha}`,
            },
            _links: {
              self: `${apiBase()}/repos/${repo.owner.login}/${
                repo.name
              }/branches/${rest[1]}`,
              html: `${HTML_BASE}/${repo.owner.login}/${repo.name}/tree/${rest[1]}`,
            },
            protected: repo.protection.has(rest[1]),
            protection_url: `${apiBase()}/repos/${repo.owner.login}/${
              repo.name
            }/branches/${rest[1]}/protection`,
          });
        }
        // GET|PUT /repos/{owner}/{repo}/branches/{branch}/protection
        if (
          rest[0] === 'branches' &&
          rest.length === 3 &&
          rest[2] === 'protection' &&
          ['GET', 'PUT'].includes(method)
        ) {
          const branch = rest[1];
          const doc =
            method === 'PUT'
              ? `${DOCS}/branches/branch-protection#update-branch-protection`
              : `${DOCS}/branches/branch-protection#get-branch-protection`;
          requireAuth(doc);
          if (!visible) throw notFound(doc);
          if (repo.visibility !== 'public' && repo.owner.plan === 'free') {
            throw apiError(
              403,
              'Upgrade to GitHub Pro or make this repository public to enable this feature.',
              doc,
            );
          }
          if (method === 'GET') {
            const protection = repo.protection.get(branch);
            if (!protection) throw apiError(404, 'Branch not protected', doc);
            return sendJson(res, 200, protection);
          }
          const protection = validateProtection(repo, branch, body, doc);
          if (!(await resolveBranch(repo, branch)))
            throw apiError(404, 'Branch not found', doc);
          repo.protection.set(branch, protection);
          fs.appendFileSync(
            path.join(repo.gitDir, 'protected-branches'),
            `${branch}\n`,
          );
          return sendJson(res, 200, protection);
        }
      }
      throw notFound();
    } catch (error) {
      if (error instanceof HttpError) {
        return sendJson(res, error.status, error.body, error.headers);
      }
      throw error;
    }
  }

  function apiBase() {
    return `${baseUrl}/api/v3`;
  }

  /** The short form GitHub nests as a repository's `owner`. */
  function simpleAccount(full: ReturnType<typeof accountJson>) {
    const {
      name,
      company,
      blog,
      location,
      email,
      hireable,
      bio,
      twitter_username,
      public_repos,
      public_gists,
      followers,
      following,
      created_at,
      updated_at,
      ...simple
    } = full;
    return simple;
  }

  function accountJson(account: Account) {
    const a = `${apiBase()}/users/${account.login}`;
    return {
      login: account.login,
      id: account.id,
      node_id: Buffer.from(`04:${account.type}${account.id}`).toString(
        'base64',
      ),
      avatar_url: `https://avatars.githubusercontent.com/u/${account.id}?v=4`,
      gravatar_id: '',
      url: a,
      html_url: `${HTML_BASE}/${account.login}`,
      followers_url: `${a}/followers`,
      following_url: `${a}/following{/other_user}`,
      gists_url: `${a}/gists{/gist_id}`,
      starred_url: `${a}/starred{/owner}{/repo}`,
      subscriptions_url: `${a}/subscriptions`,
      organizations_url: `${a}/orgs`,
      repos_url: `${a}/repos`,
      events_url: `${a}/events{/privacy}`,
      received_events_url: `${a}/received_events`,
      type: account.type,
      user_view_type: 'public',
      site_admin: false,
      name: account.login,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      twitter_username: null,
      public_repos: [...repositories.values()].filter(
        r => r.owner === account && r.visibility === 'public',
      ).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: account.createdAt,
      updated_at: account.createdAt,
    };
  }

  const BOOLEAN_SETTINGS = [
    'has_issues',
    'has_projects',
    'has_wiki',
    'has_downloads',
    'has_discussions',
    'is_template',
    'auto_init',
    'allow_squash_merge',
    'allow_merge_commit',
    'allow_rebase_merge',
    'allow_auto_merge',
    'allow_update_branch',
    'delete_branch_on_merge',
    'use_squash_pr_title_as_default',
    'private',
  ];
  const ENUM_SETTINGS: Record<string, string[]> = {
    visibility: ['public', 'private', 'internal'],
    squash_merge_commit_title: ['PR_TITLE', 'COMMIT_OR_PR_TITLE'],
    squash_merge_commit_message: ['PR_BODY', 'COMMIT_MESSAGES', 'BLANK'],
    merge_commit_title: ['PR_TITLE', 'MERGE_MESSAGE'],
    merge_commit_message: ['PR_BODY', 'PR_TITLE', 'BLANK'],
  };

  async function createRepository(
    owner: Account,
    body: Record<string, unknown>,
    doc: string,
    inOrg: boolean,
  ) {
    if (body.name === undefined)
      throw apiError(422, 'Invalid request.\n\n"name" wasn\'t supplied.', doc);
    if (typeof body.name !== 'string') {
      throw apiError(
        422,
        `Invalid request.\n\nFor 'properties/name', ${JSON.stringify(
          body.name,
        )} is not a string.`,
        doc,
      );
    }
    for (const key of BOOLEAN_SETTINGS) {
      if (body[key] !== undefined && typeof body[key] !== 'boolean') {
        throw apiError(
          422,
          `Invalid request.\n\nFor 'properties/${key}', ${JSON.stringify(
            body[key],
          )} is not a boolean.`,
          doc,
        );
      }
    }
    for (const [key, allowed] of Object.entries(ENUM_SETTINGS)) {
      if (body[key] !== undefined && !allowed.includes(body[key] as string)) {
        throw apiError(
          422,
          `Invalid request.\n\nFor 'properties/${key}', ${JSON.stringify(
            body[key],
          )} is not one of ${JSON.stringify(allowed)}.`,
          doc,
        );
      }
    }
    for (const key of ['description', 'homepage']) {
      if (
        body[key] !== undefined &&
        body[key] !== null &&
        typeof body[key] !== 'string'
      ) {
        throw apiError(
          422,
          `Invalid request.\n\nFor 'properties/${key}', ${JSON.stringify(
            body[key],
          )} is not a string.`,
          doc,
        );
      }
    }
    const failed = (field: string, message: string) =>
      apiError(422, 'Repository creation failed.', doc, {
        errors: [{ resource: 'Repository', code: 'custom', field, message }],
      });
    // GitHub replaces every run of characters it does not allow with a hyphen.
    const name = body.name.replace(/[^A-Za-z0-9._-]+/g, '-');
    if (!name || name === '.' || name === '..')
      throw failed('name', 'name is invalid');
    if (name.length > 100)
      throw failed('name', 'name is too long (maximum is 100 characters)');
    if (repositories.has(repoKey(owner.login, name))) {
      throw failed('name', 'name already exists on this account');
    }
    let visibility: Visibility = body.private === true ? 'private' : 'public';
    if (inOrg && body.visibility !== undefined)
      visibility = body.visibility as Visibility;
    if (
      !inOrg &&
      body.visibility !== undefined &&
      body.visibility !== 'internal'
    ) {
      visibility = body.visibility as Visibility;
    }
    if (visibility === 'internal' && (!inOrg || owner.plan !== 'enterprise')) {
      throw failed(
        'visibility',
        "Visibility can't be internal unless the owner belongs to an enterprise",
      );
    }

    const created = now();
    const repo: Repository = {
      id: nextId++,
      owner,
      name,
      description: (body.description as string | undefined) ?? null,
      homepage: (body.homepage as string | undefined) ?? null,
      visibility,
      settings: {
        has_issues: true,
        has_projects: true,
        has_wiki: true,
        has_downloads: true,
        has_discussions: false,
        is_template: false,
        allow_squash_merge: true,
        allow_merge_commit: true,
        allow_rebase_merge: true,
        allow_auto_merge: false,
        allow_update_branch: false,
        delete_branch_on_merge: false,
        use_squash_pr_title_as_default: false,
        squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
        squash_merge_commit_message: 'COMMIT_MESSAGES',
        merge_commit_title: 'MERGE_MESSAGE',
        merge_commit_message: 'PR_TITLE',
        ...Object.fromEntries(
          [
            ...BOOLEAN_SETTINGS.filter(
              k => k !== 'private' && k !== 'auto_init',
            ),
            ...Object.keys(ENUM_SETTINGS),
          ]
            .filter(k => k !== 'visibility' && body[k] !== undefined)
            .map(k => [k, body[k] as boolean | string]),
        ),
      },
      createdAt: created,
      updatedAt: created,
      pushedAt: null,
      gitDir: bareRepositoryPath(owner.login, name),
      protection: new Map(),
    };
    fs.mkdirSync(path.dirname(repo.gitDir), { recursive: true });
    await git(undefined, [
      'init',
      '--quiet',
      '--bare',
      '--initial-branch=main',
      repo.gitDir,
    ]);
    await git(repo.gitDir, ['config', 'receive.advertisePushOptions', 'false']);
    const hook = path.join(repo.gitDir, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, PRE_RECEIVE_HOOK, { mode: 0o755 });
    if (body.auto_init === true) {
      await initialCommit(repo);
    }
    repositories.set(repoKey(owner.login, name), repo);
    return repo;
  }

  async function initialCommit(repo: Repository) {
    const blob = (
      await git(
        repo.gitDir,
        ['hash-object', '-w', '--stdin'],
        Buffer.from(`# ${repo.name}\n`),
      )
    ).trim();
    const tree = (
      await git(
        repo.gitDir,
        ['mktree'],
        Buffer.from(`100644 blob ${blob}\tREADME.md\n`),
      )
    ).trim();
    const commit = (
      await git(
        repo.gitDir,
        ['commit-tree', tree, '-m', 'Initial commit'],
        undefined,
        {
          GIT_AUTHOR_NAME: viewer,
          GIT_AUTHOR_EMAIL: `${viewer}@users.noreply.github.com`,
          GIT_COMMITTER_NAME: 'GitHub',
          GIT_COMMITTER_EMAIL: 'noreply@github.com',
        },
      )
    ).trim();
    await git(repo.gitDir, ['update-ref', 'refs/heads/main', commit]);
    repo.pushedAt = now();
  }

  async function repoJson(repo: Repository) {
    const r = `${apiBase()}/repos/${repo.owner.login}/${repo.name}`;
    const html = `${HTML_BASE}/${repo.owner.login}/${repo.name}`;
    const defaultBranch = (
      await git(repo.gitDir, ['symbolic-ref', '--short', 'HEAD'])
    ).trim();
    const counts = await git(repo.gitDir, ['count-objects', '-v']);
    const size =
      Number(/size-pack: (\d+)/.exec(counts)?.[1] ?? 0) +
      Number(/^size: (\d+)/m.exec(counts)?.[1] ?? 0);
    const owner = accountJson(repo.owner);
    return {
      id: repo.id,
      node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
      name: repo.name,
      full_name: `${repo.owner.login}/${repo.name}`,
      private: repo.visibility !== 'public',
      owner: simpleAccount(owner),
      html_url: html,
      description: repo.description,
      fork: false,
      url: r,
      forks_url: `${r}/forks`,
      keys_url: `${r}/keys{/key_id}`,
      collaborators_url: `${r}/collaborators{/collaborator}`,
      teams_url: `${r}/teams`,
      hooks_url: `${r}/hooks`,
      issue_events_url: `${r}/issues/events{/number}`,
      events_url: `${r}/events`,
      assignees_url: `${r}/assignees{/user}`,
      branches_url: `${r}/branches{/branch}`,
      tags_url: `${r}/tags`,
      blobs_url: `${r}/git/blobs{/sha}`,
      git_tags_url: `${r}/git/tags{/sha}`,
      git_refs_url: `${r}/git/refs{/sha}`,
      trees_url: `${r}/git/trees{/sha}`,
      statuses_url: `${r}/statuses/{sha}`,
      languages_url: `${r}/languages`,
      stargazers_url: `${r}/stargazers`,
      contributors_url: `${r}/contributors`,
      subscribers_url: `${r}/subscribers`,
      subscription_url: `${r}/subscription`,
      commits_url: `${r}/commits{/sha}`,
      git_commits_url: `${r}/git/commits{/sha}`,
      comments_url: `${r}/comments{/number}`,
      issue_comment_url: `${r}/issues/comments{/number}`,
      contents_url: `${r}/contents/{+path}`,
      compare_url: `${r}/compare/{base}...{head}`,
      merges_url: `${r}/merges`,
      archive_url: `${r}/{archive_format}{/ref}`,
      downloads_url: `${r}/downloads`,
      issues_url: `${r}/issues{/number}`,
      pulls_url: `${r}/pulls{/number}`,
      milestones_url: `${r}/milestones{/number}`,
      notifications_url: `${r}/notifications{?since,all,participating}`,
      labels_url: `${r}/labels{/name}`,
      releases_url: `${r}/releases{/id}`,
      deployments_url: `${r}/deployments`,
      created_at: repo.createdAt,
      updated_at: repo.updatedAt,
      pushed_at: repo.pushedAt ?? repo.createdAt,
      git_url: `git://github.com/${repo.owner.login}/${repo.name}.git`,
      ssh_url: `git@github.com:${repo.owner.login}/${repo.name}.git`,
      clone_url: `${baseUrl}/${repo.owner.login}/${repo.name}.git`,
      svn_url: html,
      homepage: repo.homepage,
      size,
      stargazers_count: 0,
      watchers_count: 0,
      language: null,
      forks_count: 0,
      archived: false,
      disabled: false,
      open_issues_count: 0,
      license: null,
      allow_forking: repo.visibility === 'public',
      web_commit_signoff_required: false,
      topics: [],
      visibility: repo.visibility,
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: defaultBranch,
      permissions: {
        admin: true,
        maintain: true,
        push: true,
        triage: true,
        pull: true,
      },
      ...repo.settings,
      organization: repo.owner.type === 'Organization' ? owner : undefined,
      network_count: 0,
      subscribers_count: 1,
    };
  }

  function validateProtection(
    repo: Repository,
    branch: string,
    body: Record<string, unknown>,
    doc: string,
  ) {
    const invalid = (message: string) =>
      apiError(422, `Invalid request.\n\n${message}`, doc);
    const missing = (object: Record<string, unknown>, keys: string[]) => {
      const absent = keys.filter(k => !(k in object));
      if (absent.length === 1) throw invalid(`"${absent[0]}" wasn't supplied.`);
      if (absent.length > 1)
        throw invalid(
          `${absent.map(k => `"${k}"`).join(', ')} weren't supplied.`,
        );
    };
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    const mustBe = (
      where: string,
      value: unknown,
      check: (v: unknown) => boolean,
      what: string,
    ) => {
      if (value !== undefined && !check(value)) {
        throw invalid(
          `For 'properties/${where}', ${JSON.stringify(value)} is not ${what}.`,
        );
      }
    };
    const bool = (v: unknown) => typeof v === 'boolean';
    const strings = (v: unknown) =>
      Array.isArray(v) && v.every(s => typeof s === 'string');

    missing(body, [
      'required_status_checks',
      'enforce_admins',
      'required_pull_request_reviews',
      'restrictions',
    ]);
    const checks = body.required_status_checks;
    if (checks !== null) {
      if (!isObject(checks))
        throw invalid(
          `For 'properties/required_status_checks', ${JSON.stringify(
            checks,
          )} is not an object or null.`,
        );
      missing(checks, ['strict']);
      if (!('contexts' in checks) && !('checks' in checks))
        throw invalid('"contexts" wasn\'t supplied.');
      mustBe('strict', checks.strict, bool, 'a boolean');
      mustBe('contexts', checks.contexts, strings, 'an array of strings');
    }
    mustBe(
      'enforce_admins',
      body.enforce_admins,
      v => v === null || bool(v),
      'a boolean or null',
    );
    const reviews = body.required_pull_request_reviews;
    if (reviews !== null) {
      if (!isObject(reviews))
        throw invalid(
          `For 'properties/required_pull_request_reviews', ${JSON.stringify(
            reviews,
          )} is not an object or null.`,
        );
      for (const key of [
        'dismiss_stale_reviews',
        'require_code_owner_reviews',
        'require_last_push_approval',
      ]) {
        mustBe(key, reviews[key], bool, 'a boolean');
      }
      mustBe(
        'required_approving_review_count',
        reviews.required_approving_review_count,
        v => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 6,
        'an integer between 0 and 6',
      );
    }
    const restrictions = body.restrictions;
    if (restrictions !== null) {
      if (!isObject(restrictions))
        throw invalid(
          `For 'properties/restrictions', ${JSON.stringify(
            restrictions,
          )} is not an object or null.`,
        );
      if (repo.owner.type !== 'Organization')
        throw invalid(
          'Only organization repositories can have users and team restrictions',
        );
      missing(restrictions, ['users', 'teams']);
      mustBe('users', restrictions.users, strings, 'an array of strings');
      mustBe('teams', restrictions.teams, strings, 'an array of strings');
    }
    for (const key of [
      'required_linear_history',
      'allow_force_pushes',
      'allow_deletions',
      'block_creations',
      'required_conversation_resolution',
      'lock_branch',
      'allow_fork_syncing',
    ]) {
      mustBe(key, body[key], v => v === null || bool(v), 'a boolean or null');
    }

    const p = `${apiBase()}/repos/${repo.owner.login}/${
      repo.name
    }/branches/${branch}/protection`;
    const enabled = (key: string) => ({ enabled: body[key] === true });
    return {
      url: p,
      ...(isObject(checks)
        ? {
            required_status_checks: {
              url: `${p}/required_status_checks`,
              strict: checks.strict,
              contexts: checks.contexts ?? [],
              contexts_url: `${p}/required_status_checks/contexts`,
              checks: ((checks.contexts as string[] | undefined) ?? []).map(
                context => ({ context, app_id: null }),
              ),
            },
          }
        : {}),
      ...(isObject(reviews)
        ? {
            required_pull_request_reviews: {
              url: `${p}/required_pull_request_reviews`,
              dismiss_stale_reviews: reviews.dismiss_stale_reviews === true,
              require_code_owner_reviews:
                reviews.require_code_owner_reviews === true,
              require_last_push_approval:
                reviews.require_last_push_approval === true,
              required_approving_review_count:
                (reviews.required_approving_review_count as
                  | number
                  | undefined) ?? 1,
            },
          }
        : {}),
      ...(isObject(restrictions)
        ? {
            restrictions: {
              url: `${p}/restrictions`,
              users: [],
              teams: [],
              apps: [],
            },
          }
        : {}),
      required_signatures: { url: `${p}/required_signatures`, enabled: false },
      enforce_admins: {
        url: `${p}/enforce_admins`,
        enabled: body.enforce_admins === true,
      },
      required_linear_history: enabled('required_linear_history'),
      allow_force_pushes: enabled('allow_force_pushes'),
      allow_deletions: enabled('allow_deletions'),
      block_creations: enabled('block_creations'),
      required_conversation_resolution: enabled(
        'required_conversation_resolution',
      ),
      lock_branch: enabled('lock_branch'),
      allow_fork_syncing: enabled('allow_fork_syncing'),
    };
  }

  // ---------------------------------------------------------------- contents

  async function resolveBranch(
    repo: Repository,
    branch: string,
  ): Promise<string | undefined> {
    if (branch.startsWith('-')) return undefined;
    const out = await git(repo.gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}^{commit}`,
    ]).catch(() => '');
    return out.trim() || undefined;
  }

  async function resolveCommit(
    repo: Repository,
    ref: string | null,
  ): Promise<{ commit?: string; ref: string; empty: boolean }> {
    const refs = (
      await git(repo.gitDir, [
        'for-each-ref',
        '--count=1',
        'refs/heads',
        'refs/tags',
      ])
    ).trim();
    const name =
      ref ||
      (await git(repo.gitDir, ['symbolic-ref', '--short', 'HEAD'])).trim();
    if (!refs) return { ref: name, empty: true };
    if (name.startsWith('-')) return { ref: name, empty: false };
    const commit = (
      await git(repo.gitDir, [
        'rev-parse',
        '--verify',
        '--quiet',
        `${name}^{commit}`,
      ]).catch(() => '')
    ).trim();
    return { commit: commit || undefined, ref: name, empty: false };
  }

  interface TreeEntry {
    mode: string;
    type: string;
    sha: string;
    size: number;
    path: string;
  }

  async function lsTree(
    repo: Repository,
    commit: string,
    pathspec?: string,
  ): Promise<TreeEntry[]> {
    const args = ['--literal-pathspecs', 'ls-tree', '-l', '-z', commit];
    if (pathspec) args.push('--', pathspec);
    const out = await git(repo.gitDir, args);
    return out
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [meta, entryPath] = line.split('\t');
        const [mode, type, sha, size] = meta.split(/\s+/);
        return {
          mode,
          type,
          sha,
          size: size === '-' ? 0 : Number(size),
          path: entryPath,
        };
      });
  }

  function contentEntry(repo: Repository, ref: string, entry: TreeEntry) {
    const r = `${apiBase()}/repos/${repo.owner.login}/${repo.name}`;
    let type = 'file';
    if (entry.type === 'tree') type = 'dir';
    else if (entry.type === 'commit') type = 'submodule';
    else if (entry.mode === '120000') type = 'symlink';
    const self = `${r}/contents/${entry.path}?ref=${ref}`;
    const git_url = `${r}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${
      entry.sha
    }`;
    const html = `${HTML_BASE}/${repo.owner.login}/${repo.name}/${
      type === 'dir' ? 'tree' : 'blob'
    }/${ref}/${entry.path}`;
    return {
      name: path.posix.basename(entry.path),
      path: entry.path,
      sha: entry.sha,
      size: entry.size,
      url: self,
      html_url: html,
      git_url,
      download_url:
        type === 'file'
          ? `${baseUrl}/raw/${repo.owner.login}/${repo.name}/${ref}/${entry.path}`
          : null,
      type,
      _links: { self, git: git_url, html },
    };
  }

  async function sendContents(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    repo: Repository,
    filePath: string,
    ref: string | null,
    doc: string,
  ) {
    const resolved = await resolveCommit(repo, ref);
    if (resolved.empty) throw apiError(404, 'This repository is empty.', doc);
    if (!resolved.commit)
      throw apiError(404, `No commit found for the ref ${resolved.ref}`, doc);
    const normalized = filePath.replace(/^\/+|\/+$/g, '');
    if (!normalized) {
      const entries = await lsTree(repo, resolved.commit);
      return sendJson(
        res,
        200,
        entries.map(e => contentEntry(repo, resolved.ref, e)),
      );
    }
    const [entry] = await lsTree(repo, resolved.commit, normalized);
    if (!entry || entry.path !== normalized) throw notFound(doc);
    if (entry.type === 'tree') {
      const entries = await lsTree(repo, resolved.commit, `${normalized}/`);
      return sendJson(
        res,
        200,
        entries.map(e => contentEntry(repo, resolved.ref, e)),
      );
    }
    const etag = `W/"${entry.sha}"`;
    const headers = {
      ETag: etag,
      'Last-Modified': await lastModified(repo, resolved.commit, normalized),
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...apiHeaders(), ...headers });
      res.end();
      return undefined;
    }
    const content = await git(
      repo.gitDir,
      ['cat-file', 'blob', entry.sha],
      undefined,
      undefined,
      'buffer',
    );
    const rawType = (req.headers.accept ?? '')
      .split(',')
      .map(a => a.trim().split(';')[0])
      .find(a => /^application\/vnd\.github(\.v3)?\.raw(\+json)?$/.test(a));
    if (rawType) {
      res.writeHead(200, {
        'Content-Type': `${rawType}; charset=utf-8`,
        'Content-Length': String(content.length),
        'X-GitHub-Media-Type': 'github.v3; param=raw',
        ...apiHeaders(),
        ...headers,
      });
      res.end(content);
      return undefined;
    }
    return sendJson(
      res,
      200,
      {
        ...contentEntry(repo, resolved.ref, entry),
        // Base64 in lines of 60, as GitHub sends it.
        content: `${(content.toString('base64').match(/.{1,60}/g) ?? []).join(
          '\n',
        )}\n`,
        encoding: 'base64',
      },
      headers,
    );
  }

  async function lastModified(
    repo: Repository,
    commit: string,
    filePath: string,
  ) {
    const seconds = (
      await git(repo.gitDir, [
        '--literal-pathspecs',
        'log',
        '-1',
        '--format=%ct',
        commit,
        '--',
        filePath,
      ])
    ).trim();
    return new Date(Number(seconds) * 1000).toUTCString();
  }

  // raw.githubusercontent.com: /<owner>/<repo>/<ref>/<path>
  async function handleRaw(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ) {
    const [owner, name, ref, ...rest] = url.pathname
      .slice('/raw/'.length)
      .split('/')
      .map(decodeURIComponent);
    const repo =
      owner && name ? repositories.get(repoKey(owner, name)) : undefined;
    const rawNotFound = () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404: Not Found');
    };
    if (
      !repo ||
      (repo.visibility !== 'public' && authOf(req) !== 'valid') ||
      !ref ||
      rest.length === 0
    ) {
      return rawNotFound();
    }
    const resolved = await resolveCommit(repo, ref);
    if (!resolved.commit) return rawNotFound();
    const filePath = rest.join('/');
    const [entry] = await lsTree(repo, resolved.commit, filePath);
    if (!entry || entry.path !== filePath || entry.type !== 'blob')
      return rawNotFound();
    const etag = `"${entry.sha}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      return res.end();
    }
    const content = await git(
      repo.gitDir,
      ['cat-file', 'blob', entry.sha],
      undefined,
      undefined,
      'buffer',
    );
    res.writeHead(200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(content.length),
      ETag: etag,
    });
    return res.end(content);
  }

  // ---------------------------------------------------------------- git smart HTTP

  async function handleGit(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Buffer,
  ) {
    const match = /^\/([^/]+)\/([^/]+)\.git(\/.*)$/.exec(url.pathname)!;
    const [, owner, name, rest] = match.map(decodeURIComponent);
    const services = ['git-upload-pack', 'git-receive-pack'];
    const service =
      rest === '/info/refs' ? url.searchParams.get('service') : rest.slice(1);
    if (!service || !services.includes(service)) {
      // Only the smart protocol; GitHub does not serve the dumb one.
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not Found');
      return;
    }
    const auth = authOf(req);
    const repo = repositories.get(repoKey(owner, name));
    const mustAuthenticate =
      service === 'git-receive-pack' || !repo || repo.visibility !== 'public';
    if (auth === 'invalid' || (auth === 'none' && mustAuthenticate)) {
      res.writeHead(401, {
        'Content-Type': 'text/plain; charset=utf-8',
        'WWW-Authenticate': 'Basic realm="GitHub"',
      });
      res.end(
        auth === 'invalid'
          ? 'Invalid username or token. Password authentication is not supported for Git operations.\n'
          : '',
      );
      return;
    }
    if (!repo) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Repository not found.\n');
      return;
    }
    await runHttpBackend(
      req,
      res,
      repo,
      rest,
      url.search.replace(/^\?/, ''),
      body,
    );
  }

  function runHttpBackend(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    repo: Repository,
    rest: string,
    queryString: string,
    body: Buffer,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('git', ['http-backend'], {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: root,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_PROJECT_ROOT: gitRoot,
          GIT_HTTP_EXPORT_ALL: '1',
          REQUEST_METHOD: req.method ?? 'GET',
          PATH_INFO: `/${repo.owner.login}/${repo.name}.git${rest}`,
          QUERY_STRING: queryString,
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          CONTENT_LENGTH: String(body.length),
          REMOTE_USER: viewer,
          REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
          ...(req.headers['content-encoding']
            ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }
            : {}),
          ...(req.headers['git-protocol']
            ? { GIT_PROTOCOL: String(req.headers['git-protocol']) }
            : {}),
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let head = Buffer.alloc(0);
      let headersDone = false;
      const stderr: Buffer[] = [];
      child.stderr.on('data', c => stderr.push(c));
      child.stdout.on('data', (chunk: Buffer) => {
        if (headersDone) {
          res.write(chunk);
          return;
        }
        head = Buffer.concat([head, chunk]);
        const crlf = head.indexOf('\r\n\r\n');
        const lf = head.indexOf('\n\n');
        const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
        if (end < 0) return;
        const separatorLength = end === crlf ? 4 : 2;
        const headerText = head.subarray(0, end).toString('latin1');
        let status = 200;
        const headers: Record<string, string> = {};
        for (const line of headerText.split(/\r?\n/)) {
          const i = line.indexOf(':');
          if (i < 0) continue;
          const key = line.slice(0, i).trim();
          const value = line.slice(i + 1).trim();
          if (key.toLowerCase() === 'status')
            status = Number(value.split(' ')[0]);
          else headers[key] = value;
        }
        headersDone = true;
        res.writeHead(status, headers);
        res.write(head.subarray(end + separatorLength));
      });
      child.on('error', reject);
      child.on('close', code => {
        (async () => {
          if (!headersDone) {
            res.writeHead(500, { 'Content-Type': 'text/plain' });
            res.end(
              `git http-backend exited ${code}: ${Buffer.concat(
                stderr,
              ).toString()}`,
            );
            return;
          }
          if (rest === '/git-receive-pack') await afterPush(repo);
          res.end();
        })().then(resolve, reject);
      });
      child.stdin.on('error', () => {
        // http-backend may answer (e.g. with an error) before reading all of the body.
      });
      child.stdin.end(body);
    });
  }

  /** The first branch pushed to an empty repository becomes its default, as on GitHub. */
  async function afterPush(repo: Repository) {
    repo.pushedAt = now();
    repo.updatedAt = repo.pushedAt;
    const head = (await git(repo.gitDir, ['symbolic-ref', 'HEAD'])).trim();
    const hasHead = await git(repo.gitDir, [
      'rev-parse',
      '--verify',
      '--quiet',
      head,
    ]).then(
      () => true,
      () => false,
    );
    if (hasHead) return;
    const [first] = (
      await git(repo.gitDir, [
        'for-each-ref',
        '--format=%(refname)',
        'refs/heads',
      ])
    )
      .split('\n')
      .filter(Boolean);
    if (first) await git(repo.gitDir, ['symbolic-ref', 'HEAD', first]);
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    apiBaseUrl: `${baseUrl}/api/v3`,
    rawBaseUrl: `${baseUrl}/raw`,
    requests,
    bareRepositoryPath,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function git(
  gitDir: string | undefined,
  args: string[],
  input?: Buffer,
  env?: Record<string, string>,
): Promise<string>;
function git(
  gitDir: string | undefined,
  args: string[],
  input: Buffer | undefined,
  env: Record<string, string> | undefined,
  encoding: 'buffer',
): Promise<Buffer>;
function git(
  gitDir: string | undefined,
  args: string[],
  input?: Buffer,
  env?: Record<string, string>,
  encoding?: 'buffer',
): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      gitDir ? [`--git-dir=${gitDir}`, ...args] : args,
      {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          ...env,
        },
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(Object.assign(error, { stderr: stderr.toString() }));
        } else {
          resolve(encoding === 'buffer' ? stdout : stdout.toString('utf8'));
        }
      },
    );
    child.stdin?.end(input);
  });
}
