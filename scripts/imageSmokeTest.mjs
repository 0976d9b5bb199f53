// Builds the portal's image as packages/backend/Dockerfile describes it and runs it, without
// a Docker engine (none runs on our CI machines): the Dockerfile's own instructions are
// carried out in a scratch directory standing in for the image's filesystem (/app and
// /home/node), on this machine's Node, then the image's CMD is started with the production
// config against the test PostgreSQL. It checks what a Kubernetes rollout relies on: the
// backend becomes ready, serves the built frontend with no secret in it, refuses API calls
// without a token, and exports Prometheus metrics for the chart's ServiceMonitor.
//
// What it cannot check: the base image and its apt packages (the RUN apt-get step is
// skipped; the tools it installs are looked for on this machine instead).
//
//   node scripts/imageSmokeTest.mjs            host build first (yarn build:backend)
//   IMAGE_SMOKE_SKIP_BUILD=1 node scripts/imageSmokeTest.mjs   reuse packages/backend/dist
//
// Needs PORTAL_TEST_POSTGRES_URL (scripts/postgres.sh). Exits non-zero on the first failure.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const yarn = path.join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs');
const READY_TIMEOUT_MS = 5 * 60_000;

const log = message => console.log(`[image] ${message}`);
function fail(message) {
  console.error(`[image] FAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

/** The Dockerfile as instructions: continuations joined, comments dropped. */
function readInstructions(file) {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'))
    .map(line => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: line.slice(keyword.length).trim(), words: rest };
    });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The image's filesystem: absolute paths under `imageRoot`. */
function createImage() {
  const imageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-image-'));
  const inImage = p => path.join(imageRoot, p);
  const home = inImage('/home/node');
  fs.mkdirSync(home, { recursive: true });
  // The RUN's cache mount, warm: this machine's Yarn cache, hard-linked where possible,
  // so the production install reads packages locally as a CI build cache would.
  const hostCache = path.join(os.homedir(), '.yarn/berry/cache');
  if (fs.existsSync(hostCache)) {
    fs.mkdirSync(path.join(home, '.yarn/berry'), { recursive: true });
    const linked = spawnSync('cp', ['-al', hostCache, path.join(home, '.yarn/berry/cache')]);
    if (linked.status !== 0) log('Yarn cache not linked (another file system); packages are fetched');
  }
  return { imageRoot, inImage, home };
}

/** Carries out every instruction after FROM; returns the CMD, its working directory and environment. */
function buildImage(instructions, image) {
  let workdir = '/';
  const env = {};
  let cmd;
  for (const { keyword, args, words } of instructions) {
    switch (keyword) {
      case 'FROM': {
        const major = /^node:(\d+)/.exec(words[0])?.[1];
        if (major !== process.versions.node.split('.')[0]) {
          fail(`the image is FROM ${words[0]} but this build runs Node ${process.versions.node}; native modules would not match`);
        }
        break;
      }
      case 'RUN': {
        const command = args.replace(/--mount=\S+\s*/g, '').trim();
        if (/\bapt-get\b/.test(command)) {
          const tools = ['python3', 'g++', 'make', 'mkdocs', 'git'];
          const missing = tools.filter(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
          if (missing.length) fail(`the image's apt packages provide ${missing.join(', ')}, missing here (scripts/setup.sh installs them)`);
          log(`RUN apt-get: skipped (base image packages); ${tools.join(', ')} are on this machine`);
          break;
        }
        log(`RUN ${command} (in ${workdir})`);
        execFileSync('bash', ['-euo', 'pipefail', '-c', command], {
          cwd: image.inImage(workdir),
          stdio: 'inherit',
          env: {
            ...process.env,
            ...env,
            HOME: image.home,
            YARN_ENABLE_TELEMETRY: '0',
            // Native modules build against the running Node's headers, as node:22 images
            // have them beside the binary (nothing is downloaded from nodejs.org).
            npm_config_nodedir: process.env.npm_config_nodedir ?? path.dirname(path.dirname(process.execPath)),
          },
        });
        break;
      }
      case 'WORKDIR':
        workdir = path.posix.resolve(workdir, args);
        fs.mkdirSync(image.inImage(workdir), { recursive: true });
        break;
      case 'ENV': {
        const [name, ...value] = args.split('=');
        env[name] = value.join('=');
        break;
      }
      case 'COPY': {
        const operands = words.filter(w => !w.startsWith('--'));
        const target = operands.pop();
        const into = image.inImage(path.posix.resolve(workdir, target));
        const intoDirectory = target.endsWith('/') || operands.length > 1;
        for (const source of operands) {
          const from = path.join(repoRoot, source);
          if (!fs.existsSync(from)) fail(`COPY ${source}: not in the repository (or the host build did not write it)`);
          // As Docker does: a directory's contents go into the target; a file goes into a
          // target directory under its own name, or becomes the target.
          const to = intoDirectory && !fs.statSync(from).isDirectory() ? path.join(into, path.basename(source)) : into;
          fs.mkdirSync(path.dirname(to), { recursive: true });
          fs.cpSync(from, to, { recursive: true });
        }
        log(`COPY ${operands.join(' ')} -> ${target}`);
        break;
      }
      case 'CMD':
        cmd = JSON.parse(args);
        break;
      case 'USER':
      case 'EXPOSE':
        break;
      default:
        fail(`Dockerfile instruction ${keyword} is not understood by this emulation; teach scripts/imageSmokeTest.mjs`);
    }
  }
  if (!cmd) fail('the Dockerfile has no CMD');
  return { cmd, workdir, env };
}

/** Answers the OIDC discovery document the production sign-in reads at start-up. */
async function startOidcDiscovery() {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    );
  });
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve));
  return { metadataUrl: `${issuer}/.well-known/openid-configuration`, close: () => server.close() };
}

/** The plugins' databases the run created. */
async function dropDatabases(postgresUrl, prefix) {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

async function main() {
  const postgresUrl = process.env.PORTAL_TEST_POSTGRES_URL;
  if (!postgresUrl) fail('PORTAL_TEST_POSTGRES_URL is not set; source scripts/postgres.sh first');

  if (process.env.IMAGE_SMOKE_SKIP_BUILD !== '1') {
    log('host build: yarn build:backend (the frontend, then the backend bundle)');
    execFileSync(process.execPath, [yarn, 'build:backend'], { cwd: repoRoot, stdio: 'inherit' });
  }

  const image = createImage();
  log(`image filesystem in ${image.imageRoot}`);
  const started = Date.now();
  const { cmd, workdir, env: imageEnv } = buildImage(readInstructions(path.join(repoRoot, 'packages/backend/Dockerfile')), image);
  log(`image built in ${Math.round((Date.now() - started) / 1000)} s`);

  const admin = new URL(postgresUrl);
  const port = await freePort();
  const metricsPort = await freePort();
  const oidc = await startOidcDiscovery();
  const secret = name => `${name}-${crypto.randomBytes(12).toString('hex')}`;
  const secrets = {
    POSTGRES_PASSWORD: decodeURIComponent(admin.password),
    AUTH_GITHUB_CLIENT_SECRET: secret('github-client-secret'),
    AUTH_OIDC_CLIENT_SECRET: secret('oidc-client-secret'),
    AUTH_SESSION_SECRET: secret('session-secret'),
    PROMETHEUS_AUTHORIZATION: `Bearer ${secret('prometheus')}`,
    AWS_COST_EXPLORER_SECRET_ACCESS_KEY: secret('aws'),
    DEPLOY_GATE_TOKEN: secret('deploy-gate'),
    FALCO_INGEST_TOKEN: secret('falco-ingest'),
  };
  const databasePrefix = `portal_image_${process.pid}_`;
  // A token for this test to read with, as an installation would add one for its own tools.
  const readToken = secret('image-test-token');
  // The installation's own layer (the chart mounts /etc/portal/app-config.local.yaml).
  const localConfig = path.join(image.imageRoot, 'app-config.local.yaml');
  fs.writeFileSync(
    localConfig,
    [
      'backend:',
      `  listen: { port: ${port} }`,
      '  database:',
      `    prefix: ${databasePrefix}`,
      '  auth:',
      '    externalAccess:',
      '      - type: static',
      `        options: { token: ${readToken}, subject: image-test }`,
      '',
    ].join('\n'),
  );
  const args = [...cmd.slice(1).map(arg => (arg.startsWith('/app/') ? image.inImage(arg) : arg)), '--config', localConfig];
  log(`CMD ${cmd.join(' ')} --config /etc/portal/app-config.local.yaml (in ${workdir})`);
  let output = '';
  const backend = spawn(cmd[0] === 'node' ? process.execPath : cmd[0], args, {
    cwd: image.inImage(workdir),
    env: {
      PATH: process.env.PATH,
      HOME: image.home,
      ...imageEnv,
      ...secrets,
      PORTAL_BASE_URL: `http://localhost:${port}`,
      PORTAL_METRICS_PORT: String(metricsPort),
      POSTGRES_HOST: admin.hostname,
      POSTGRES_PORT: admin.port || '5432',
      POSTGRES_USER: decodeURIComponent(admin.username),
      AUTH_GITHUB_CLIENT_ID: 'portal-image-github',
      AUTH_OIDC_CLIENT_ID: 'portal-image-oidc',
      AUTH_OIDC_METADATA_URL: oidc.metadataUrl,
      // Nothing listens here: an unreachable Prometheus or bucket must not stop the backend.
      PROMETHEUS_URL: 'http://127.0.0.1:9',
      TECHDOCS_S3_BUCKET: 'portal-image-docs',
      TECHDOCS_S3_ENDPOINT: 'http://127.0.0.1:9',
      AWS_REGION: 'eu-west-1',
      AWS_COST_EXPLORER_ACCESS_KEY_ID: 'AKIAPORTALIMAGE',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = path.join(image.imageRoot, 'backend.log');
  const record = chunk => {
    output += chunk;
    fs.appendFileSync(logFile, chunk);
  };
  backend.stdout.on('data', record);
  backend.stderr.on('data', record);
  const baseUrl = `http://localhost:${port}`;

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (backend.exitCode !== null) fail(`the backend exited with ${backend.exitCode}; its output is in ${logFile}`);
      const ready = await get(`${baseUrl}/.backstage/health/v1/readiness`).catch(() => ({ status: 0 }));
      if (ready.status === 200) break;
      if (Date.now() > deadline) fail(`not ready within ${READY_TIMEOUT_MS / 60_000} minutes; output in ${logFile}`);
      await new Promise(r => setTimeout(r, 2000));
    }
    log(`ready in ${Math.round((Date.now() - started) / 1000)} s after the build started`);

    const page = await get(`${baseUrl}/`);
    if (page.status !== 200 || !page.type.startsWith('text/html') || !page.text.includes('id="root"')) {
      fail(`GET / should serve the built frontend's index.html, got ${page.status} ${page.type}`);
    }
    const scripts = [...page.text.matchAll(/src="(\/static\/[^"]+\.js)"/g)].map(m => m[1]);
    if (scripts.length === 0) fail('index.html loads no /static/*.js bundle');
    const served = [page.text];
    for (const script of scripts) {
      const js = await get(`${baseUrl}${script}`);
      if (js.status !== 200) fail(`GET ${script} answered ${js.status}`);
      served.push(js.text);
    }
    log(`GET / serves the frontend (${scripts.length} scripts)`);

    const api = await get(`${baseUrl}/api/catalog/entities`);
    if (api.status !== 401) fail(`GET /api/catalog/entities without a token should be 401, got ${api.status}`);
    log('GET /api/catalog/entities without a token: 401');

    // What the image carries besides code: the catalog's locations and the scorecards file.
    const read = { authorization: `Bearer ${readToken}` };
    let components = 0;
    const catalogDeadline = Date.now() + 120_000;
    while (components === 0 && Date.now() < catalogDeadline) {
      const page = await get(`${baseUrl}/api/catalog/entities/by-query?filter=kind=component&limit=1`, read);
      components = page.status === 200 ? JSON.parse(page.text).totalItems : 0;
      if (components === 0) await new Promise(r => setTimeout(r, 2000));
    }
    if (components === 0) fail('the catalog read no component from the examples/ the image copies');
    const definitions = await get(`${baseUrl}/api/scorecards/definitions`, read);
    const scorecards = definitions.status === 200 ? JSON.parse(definitions.text).definitions?.scorecards ?? [] : [];
    if (scorecards.length === 0) {
      fail(`GET /api/scorecards/definitions answered ${definitions.status}: the image's scorecards.definitionsFile does not load (${definitions.text.slice(0, 300)})`);
    }
    log(`the catalog has ${components} components from examples/; ${scorecards.length} scorecards load from the definitions file`);

    let metrics = '';
    const metricsDeadline = Date.now() + 60_000;
    // The catalog's gauges appear once it has counted its entities.
    while (!metrics.includes('catalog_entities_count') && Date.now() < metricsDeadline) {
      metrics = (await get(`http://127.0.0.1:${metricsPort}/metrics`)).text;
      if (!metrics.includes('catalog_entities_count')) await new Promise(r => setTimeout(r, 2000));
    }
    for (const expected of ['catalog_entities_count', 'http_server_request_duration_count', 'target_info{service_name="developer-portal"']) {
      if (!metrics.includes(expected)) fail(`:${metricsPort}/metrics lacks ${expected}`);
    }
    const families = [...metrics.matchAll(/^# TYPE (\S+)/gm)].map(m => m[1]);
    log(`:metrics serves ${families.length} metric families: ${families.join(', ')}`);

    for (const [name, value] of Object.entries({ ...secrets, IMAGE_TEST_TOKEN: readToken })) {
      if (served.some(text => text.includes(value))) fail(`${name} reaches the browser`);
      if (output.includes(value)) fail(`${name} appears in the backend's log`);
    }
    log(`none of ${Object.keys(secrets).length + 1} secrets is in the frontend or the log`);
    if (backend.exitCode !== null) fail(`the backend exited with ${backend.exitCode}`);
    log('PASSED');
  } finally {
    backend.kill('SIGTERM');
    await new Promise(resolve => {
      const timer = setTimeout(() => {
        backend.kill('SIGKILL');
        resolve();
      }, 15_000);
      backend.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    oidc.close();
    await dropDatabases(postgresUrl, databasePrefix);
    if (process.exitCode) {
      log(`left for inspection: ${image.imageRoot}`);
    } else {
      fs.rmSync(image.imageRoot, { recursive: true, force: true });
    }
  }
}

main().catch(error => {
  if (!process.exitCode) console.error(error);
  process.exitCode = 1;
});
