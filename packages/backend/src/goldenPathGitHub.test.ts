import { mockCredentials } from '@backstage/backend-test-utils';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { FakeGitHub, startFakeGitHub } from './__testUtils__/fakeGitHub';
import {
  runTemplate,
  startGoldenPathBackend,
  TemplateRun,
  waitForCatalog,
} from './__testUtils__/goldenPathBackend';

jest.setTimeout(600_000);

const TOKEN = 'ghp_test';

const values = (name: string) => ({
  name,
  description: 'Created by the golden-path GitHub publishing test',
  owner: 'group:default/checkout',
  system: 'system:default/commerce-core',
  language: 'typescript',
  tier: 'tier-2',
  sloTarget: 99.9,
  onCall: 'pagerduty:checkout-primary',
  costCenter: 'CC-1042',
  environments: ['dev', 'prod'],
  database: false,
  publishTo: 'github',
  repoUrl: `github.com?owner=harbor-market&repo=${name}`,
});

const scratch: string[] = [];
const scratchDirectory = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};

async function backendFor(github: FakeGitHub, token: string) {
  const server = await startGoldenPathBackend({
    // Unused (nothing publishes locally here) but required by the harness.
    repositoriesDirectory: scratchDirectory('golden-path-github-'),
    extraFeatures: [githubModule],
    extraConfig: {
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: github.apiBaseUrl,
            rawBaseUrl: github.rawBaseUrl,
            token,
          },
        ],
      },
    },
  });
  // The input check looks the owner and system up; the examples may still be loading.
  await waitForCatalog(server, [
    'group:default/checkout',
    'system:default/commerce-core',
  ]);
  return server;
}

const bare = (github: FakeGitHub, name: string, ...args: string[]) =>
  execFileSync(
    'git',
    [`--git-dir=${github.bareRepositoryPath('harbor-market', name)}`, ...args],
    {
      encoding: 'utf8',
    },
  );

/** `METHOD /path status` for the calls the portal made, git's included. */
const calls = (github: FakeGitHub, name: string) =>
  github.requests
    .filter(
      r =>
        r.path.includes(`/${name}`) ||
        r.path.includes('/users/') ||
        r.path.includes('/orgs/'),
    )
    .map(
      r =>
        `${r.method} ${r.path}${
          r.query.service ? `?service=${r.query.service}` : ''
        } ${r.status}`,
    );

describe('http-service published to GitHub (a local fake of it)', () => {
  let github: FakeGitHub;

  beforeAll(async () => {
    github = await startFakeGitHub({ token: TOKEN });
  });

  afterAll(async () => {
    await github?.stop();
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('with a valid token', () => {
    const name = 'loyalty-points';
    let server: Awaited<ReturnType<typeof startGoldenPathBackend>>;
    let run: TemplateRun;

    beforeAll(async () => {
      server = await backendFor(github, TOKEN);
      run = await runTemplate(server, 'http-service', values(name));
    });

    it('completes, publishing to GitHub instead of locally', () => {
      expect({
        status: run.status,
        lastLines: run.log.slice(-8),
      }).toMatchObject({ status: 'completed' });
      const log = run.log.join('\n');
      expect(log).toContain('Beginning step Publish to GitHub');
      expect(log).toContain(
        'Skipping step publish-local because its if condition was false',
      );
      expect(log).toContain(
        `Registering https://github.com/harbor-market/${name}/tree/main/catalog-info.yaml in the catalog`,
      );
      expect(run.output.links).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ entityRef: `component:default/${name}` }),
          expect.objectContaining({
            url: `${github.url}/harbor-market/${name}.git`,
          }),
        ]),
      );
    });

    it('looks the owner up, then creates the repository through the organisation endpoint', () => {
      const apiCalls = github.requests.filter(r =>
        r.path.startsWith('/api/v3/'),
      );
      const lookup = apiCalls.findIndex(
        r => r.method === 'GET' && r.path === '/api/v3/users/harbor-market',
      );
      const create = apiCalls.findIndex(
        r =>
          r.method === 'POST' && r.path === '/api/v3/orgs/harbor-market/repos',
      );
      expect(lookup).toBeGreaterThanOrEqual(0);
      expect(create).toBeGreaterThan(lookup);
      expect(
        apiCalls.filter(r => r.method === 'POST' && r.path.endsWith('/repos')),
      ).toHaveLength(1);
      expect(apiCalls.some(r => r.path === '/api/v3/user/repos')).toBe(false);

      const created = apiCalls[create];
      expect(created.status).toBe(201);
      expect(created.headers.authorization).toBe(`token ${TOKEN}`);
      expect(created.body).toMatchObject({
        name,
        visibility: 'internal',
        private: false,
        description: 'Created by the golden-path GitHub publishing test',
      });
    });

    it('pushes one commit to main over git smart HTTP and makes main the default branch', async () => {
      const pushes = github.requests.filter(
        r => r.path === `/harbor-market/${name}.git/git-receive-pack`,
      );
      expect(pushes.map(p => p.status)).toEqual([200]);
      expect(Buffer.isBuffer(pushes[0].body)).toBe(true);
      // isomorphic-git tries without credentials, is told 401, then sends the token.
      const discovery = github.requests.filter(
        r => r.path === `/harbor-market/${name}.git/info/refs`,
      );
      expect(discovery.map(d => d.status)).toEqual([401, 200]);
      expect(
        Buffer.from(
          String(discovery[1].headers.authorization).replace(/^Basic /, ''),
          'base64',
        ).toString(),
      ).toBe(`x-access-token:${TOKEN}`);

      expect(bare(github, name, 'symbolic-ref', 'HEAD').trim()).toBe(
        'refs/heads/main',
      );
      expect(
        bare(github, name, 'for-each-ref', '--format=%(refname)').trim(),
      ).toBe('refs/heads/main');
      expect(bare(github, name, 'rev-list', '--count', 'main').trim()).toBe(
        '1',
      );

      const repo = await fetch(
        `${github.apiBaseUrl}/repos/harbor-market/${name}`,
        {
          headers: { Authorization: `token ${TOKEN}` },
        },
      ).then(r => r.json());
      expect(repo).toMatchObject({
        full_name: `harbor-market/${name}`,
        default_branch: 'main',
        visibility: 'internal',
        private: true,
        description: 'Created by the golden-path GitHub publishing test',
        html_url: `https://github.com/harbor-market/${name}`,
        owner: { login: 'harbor-market', type: 'Organization' },
      });
      expect(repo.size).toBeGreaterThan(0);
    });

    it('gives the owning team and the platform team (the code owners) write access', () => {
      const grants = github.requests
        .filter(r => r.method === 'PUT' && r.path.startsWith('/api/v3/orgs/harbor-market/teams/'))
        .map(r => [r.path, r.status, (r.body as { permission?: string }).permission]);
      expect(grants).toEqual([
        [`/api/v3/orgs/harbor-market/teams/checkout/repos/harbor-market/${name}`, 204, 'push'],
        [`/api/v3/orgs/harbor-market/teams/platform/repos/harbor-market/${name}`, 204, 'push'],
      ]);
    });

    it('protects main, requiring code-owner reviews', async () => {
      const protect = github.requests.filter(
        r =>
          r.method === 'PUT' &&
          r.path ===
            `/api/v3/repos/harbor-market/${name}/branches/main/protection`,
      );
      expect(protect.map(p => p.status)).toEqual([200]);
      expect(protect[0].body).toMatchObject({
        enforce_admins: true,
        restrictions: null,
        required_status_checks: { strict: true, contexts: [] },
        required_pull_request_reviews: {
          require_code_owner_reviews: true,
          required_approving_review_count: 2,
          dismiss_stale_reviews: true,
          require_last_push_approval: true,
        },
        required_conversation_resolution: true,
      });
      expect(run.log.join('\n')).not.toContain(
        'Skipping: default branch protection',
      );

      const stored = await fetch(
        `${github.apiBaseUrl}/repos/harbor-market/${name}/branches/main/protection`,
        {
          headers: { Authorization: `token ${TOKEN}` },
        },
      );
      expect(stored.status).toBe(200);
      expect(await stored.json()).toMatchObject({
        required_pull_request_reviews: { require_code_owner_reviews: true },
        enforce_admins: { enabled: true },
      });
    });

    it('pushed the whole golden path: app, chart, Terraform per environment, CI, docs and catalog-info', () => {
      const files = bare(github, name, 'ls-tree', '-r', '--name-only', 'main')
        .trim()
        .split('\n');
      expect(files).toEqual(
        expect.arrayContaining([
          'catalog-info.yaml',
          'chart/Chart.yaml',
          'terraform/environments/dev/main.tf',
          'terraform/environments/prod/main.tf',
          '.github/workflows/ci.yml',
          'docs/runbook.md',
          '.github/CODEOWNERS',
          'mkdocs.yml',
        ]),
      );
      expect(
        files.some(f => f.startsWith('terraform/environments/staging/')),
      ).toBe(false);
      for (const file of files) {
        const text = bare(github, name, 'show', `main:${file}`);
        expect({
          file,
          leftover: /\$\{\{\s*(values|each|parameters)\./.test(text),
        }).toEqual({ file, leftover: false });
      }

      const entity = parseYaml(
        bare(github, name, 'show', 'main:catalog-info.yaml'),
      );
      expect(entity).toMatchObject({
        kind: 'Component',
        metadata: {
          name,
          annotations: { 'github.com/project-slug': `harbor-market/${name}` },
        },
        spec: {
          owner: 'group:default/checkout',
          system: 'system:default/commerce-core',
        },
      });
    });

    it('registers the component, which the catalog reads back from GitHub', async () => {
      await waitForCatalog(server, [`component:default/${name}`]);
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.body.metadata.annotations).toMatchObject({
        'github.com/project-slug': `harbor-market/${name}`,
        // catalog:register resolves /catalog-info.yaml against `${html_url}/blob/main` into a tree URL.
        'backstage.io/managed-by-location': `url:https://github.com/harbor-market/${name}/tree/main/catalog-info.yaml`,
      });
      expect(res.body.spec).toMatchObject({
        owner: 'group:default/checkout',
        system: 'system:default/commerce-core',
      });

      // The URL reader fetched the file through the contents API with the raw media type.
      const reads = github.requests.filter(
        r =>
          r.method === 'GET' &&
          r.path ===
            `/api/v3/repos/harbor-market/${name}/contents/catalog-info.yaml`,
      );
      expect(reads.length).toBeGreaterThan(0);
      expect(reads[0]).toMatchObject({
        query: { ref: 'main' },
        status: 200,
        headers: {
          accept: 'application/vnd.github.v3.raw',
          authorization: `Bearer ${TOKEN}`,
        },
      });
    });

    it('made only calls the fake answers (no 404 or 5xx), in order', () => {
      const sequence = calls(github, name);
      expect(sequence.filter(c => / (404|5\d\d)$/.test(c))).toEqual([]);
      expect(sequence.slice(0, 8)).toEqual([
        'GET /api/v3/users/harbor-market 200',
        'POST /api/v3/orgs/harbor-market/repos 201',
        `PUT /api/v3/orgs/harbor-market/teams/checkout/repos/harbor-market/${name} 204`,
        `PUT /api/v3/orgs/harbor-market/teams/platform/repos/harbor-market/${name} 204`,
        `GET /harbor-market/${name}.git/info/refs?service=git-receive-pack 401`,
        `GET /harbor-market/${name}.git/info/refs?service=git-receive-pack 200`,
        `POST /harbor-market/${name}.git/git-receive-pack 200`,
        `PUT /api/v3/repos/harbor-market/${name}/branches/main/protection 200`,
      ]);
    });

    it('keeps main protected afterwards, as GitHub would', async () => {
      // Asynchronously: the fake answers from this very process.
      const clone = scratchDirectory('golden-path-clone-');
      const gitIn = (...args: string[]) =>
        promisify(execFile)(
          'git',
          ['-c', `http.extraHeader=Authorization: token ${TOKEN}`, ...args],
          {
            cwd: clone,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
          },
        );
      await gitIn(
        'clone',
        '--quiet',
        `${github.url}/harbor-market/${name}.git`,
        '.',
      );
      fs.appendFileSync(path.join(clone, 'README.md'), '\nA direct push.\n');
      await gitIn(
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        'commit',
        '--quiet',
        '-am',
        'direct push',
      );
      await expect(
        gitIn('push', '--quiet', 'origin', 'main'),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining(
          'GH006: Protected branch update failed for refs/heads/main',
        ),
      });
      expect(bare(github, name, 'rev-list', '--count', 'main').trim()).toBe(
        '1',
      );
    });
  });

  describe('with a token GitHub does not accept', () => {
    const name = 'loyalty-points-bad-token';
    let server: Awaited<ReturnType<typeof startGoldenPathBackend>>;
    let run: TemplateRun;
    let firstRequest: number;

    beforeAll(async () => {
      server = await backendFor(github, 'ghp_revoked');
      firstRequest = github.requests.length;
      run = await runTemplate(server, 'http-service', values(name));
    });

    it("fails the task with GitHub's error in the log", () => {
      expect(run.status).toBe('failed');
      const log = run.log.join('\n');
      expect(log).toContain('Beginning step Publish to GitHub');
      expect(log).toContain('Bad credentials');
      expect(log).toContain(
        'HttpError: Bad credentials - https://docs.github.com/rest',
      );
      expect(log).toContain(
        'Skipping step register-github because a previous step failed',
      );
    });

    it('was refused by GitHub and created nothing', () => {
      // Only this backend's calls: the first one's catalog may still be refreshing its entity.
      const made = github.requests
        .slice(firstRequest)
        .filter(
          r =>
            String(r.headers.authorization).includes('ghp_revoked') ||
            r.path.includes(name),
        );
      expect(made.length).toBeGreaterThan(0);
      for (const r of made) {
        expect({ call: `${r.method} ${r.path}`, status: r.status }).toEqual({
          call: `${r.method} ${r.path}`,
          status: 401,
        });
      }
      expect(made[0]).toMatchObject({
        method: 'GET',
        path: '/api/v3/users/harbor-market',
      });
      expect(made.some(r => r.method === 'POST')).toBe(false);
      expect(
        fs.existsSync(github.bareRepositoryPath('harbor-market', name)),
      ).toBe(false);
    });

    it('registers nothing in the catalog', async () => {
      const res = await request(server)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
      const locations = await request(server)
        .get('/api/catalog/locations')
        .set('Authorization', mockCredentials.user.header());
      expect(JSON.stringify(locations.body)).not.toContain(name);
    });
  });
});
