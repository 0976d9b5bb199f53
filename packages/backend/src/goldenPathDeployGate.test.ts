import { mockServices } from '@backstage/backend-test-utils';
import { SloStatusStore } from '@internal/plugin-slo-backend';
import {
  computeSloStatus,
  DEFAULT_FREEZE_POLICY,
  evaluateFreeze,
  FreezeState,
  GateOverrideListResponse,
  SLO_REPORTING_WINDOWS,
  SloDefinition,
} from '@internal/plugin-slo-common';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import knexFactory from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runTemplate, startGoldenPathBackend } from './__testUtils__/goldenPathBackend';

jest.setTimeout(600_000);

const TOKEN = 'ci-deploy-gate-test-token';
const NAME = 'basket-service';

const definition: SloDefinition = {
  entityRef: `component:default/${NAME}`,
  name: `${NAME}-availability`,
  displayName: 'Availability',
  target: 0.999,
  window: '30d',
  prometheus: 'default',
  indicator: { bad: `http_requests_total{service="${NAME}",code=~"5.."}`, total: `http_requests_total{service="${NAME}"}` },
};

/** A 99.9% SLO burning `burn`× over every window. */
const burning = (burn: number) =>
  computeSloStatus({
    target: 0.999,
    window: '30d',
    measured: {
      byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, burn * 0.001])) as any,
      wholeWindow: 0.0005,
    },
  });

interface ScriptRun {
  code: number;
  output: string;
  summary: string;
}

describe('the golden-path CI deploy gate against a running portal', () => {
  const repositoriesDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-gate-'));
  let workflow: any;
  let script: string;
  let portalUrl: string;
  let store: SloStatusStore;
  let previous: FreezeState | null = null;
  let portal: ChildProcess;
  let stopKnex: () => Promise<void>;

  /** Stores a measurement and its freeze state as a refresh does. */
  async function measure(burn: number) {
    const now = new Date();
    const evaluation = evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: burning(burn), previous, now });
    previous = evaluation;
    await store.inTransaction(async tx => {
      await tx.saveStatus(definition, burning(burn), now);
      await tx.freezes().save(definition.entityRef, definition.name, evaluation, now);
    });
  }

  /** Runs the emitted script as the workflow's Deploy gate step does. */
  function runGate(env: Record<string, string>): Promise<ScriptRun> {
    const summaryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gate-summary-')), 'summary.md');
    return new Promise(resolve => {
      execFile(
        process.execPath,
        [script],
        {
          env: {
            PATH: process.env.PATH,
            PORTAL_URL: portalUrl,
            DEPLOY_GATE_TOKEN: TOKEN,
            DEPLOY_GATE_ENTITY: `default/${NAME}`,
            GITHUB_STEP_SUMMARY: summaryFile,
            GITHUB_ACTOR: 'sam.okafor',
            ...env,
          },
        },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number(error.code ?? 1) : 0,
            output: stdout + stderr,
            summary: fs.existsSync(summaryFile) ? fs.readFileSync(summaryFile, 'utf8') : '',
          }),
      );
    });
  }

  beforeAll(async () => {
    const scaffolder = await startGoldenPathBackend({ repositoriesDirectory });
    const run = await runTemplate(scaffolder, 'http-service', {
      name: NAME,
      description: 'Created by the deploy gate test',
      owner: 'group:default/checkout',
      system: 'system:default/commerce-core',
      onCall: 'pagerduty:checkout-primary',
      costCenter: 'CC-1042',
      publishTo: 'local',
      language: 'typescript',
      tier: 'tier-1',
      sloTarget: 99.9,
      environments: ['dev', 'prod'],
      database: false,
    });
    if (run.status !== 'completed') throw new Error(`template ${run.status}: ${run.log.slice(-5).join('\n')}`);
    const repository = path.join(repositoriesDirectory, NAME);
    workflow = parseYaml(fs.readFileSync(path.join(repository, '.github/workflows/ci.yml'), 'utf8'));
    script = path.join(repository, '.github/scripts/deploy-gate.mjs');

    // The portal's slo plugin with Backstage's own auth and a static token for CI, in its
    // own process; this test stores measurements in the same SQLite file.
    const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gate-db-')), 'slo.sqlite');
    const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: dbFile }, useNullAsDefault: true });
    store = await SloStatusStore.create(mockServices.database({ knex }));
    portal = spawn(
      process.execPath,
      ['--require', require.resolve('@backstage/cli-node/config/nodeTransform.cjs'), path.join(__dirname, '__testUtils__/deployGatePortal.ts')],
      { env: { ...process.env, GATE_DB_FILE: dbFile, GATE_TOKEN: TOKEN, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const port = await new Promise<string>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk;
        const match = output.match(/listening on (\d+)/);
        if (match) resolve(match[1]);
      };
      portal.stdout!.on('data', onData);
      portal.stderr!.on('data', onData);
      portal.on('exit', code => reject(new Error(`the portal exited with ${code}:\n${output.slice(-2000)}`)));
    });
    portalUrl = `http://localhost:${port}`;
    stopKnex = () => knex.destroy();
  });
  afterAll(async () => {
    portal?.kill();
    await stopKnex?.();
  });

  it('emits a Deploy gate step that runs the script before the production deploy, and only there', () => {
    const prodSteps: Array<{ name?: string; run?: string; env?: Record<string, string> }> = workflow.jobs['deploy-prod'].steps;
    const gate = prodSteps.findIndex(s => s.name === 'Deploy gate');
    const helm = prodSteps.findIndex(s => s.run?.includes('helm upgrade'));
    expect(gate).toBeGreaterThan(0);
    expect(gate).toBeLessThan(helm);
    expect(prodSteps[gate]).toMatchObject({
      run: 'node .github/scripts/deploy-gate.mjs',
      env: {
        DEPLOY_GATE_ENTITY: `default/${NAME}`,
        DEPLOY_GATE_TOKEN: '${{ secrets.DEPLOY_GATE_TOKEN }}',
        DEPLOY_GATE_OVERRIDE: '${{ inputs.emergency_override }}',
      },
    });
    expect(prodSteps[gate].env!.DEPLOY_GATE_ON_UNKNOWN).toContain('inputs.gate_on_unknown');
    expect(workflow.on.workflow_dispatch.inputs.gate_on_unknown.default).toBe('fail');
    expect(workflow.jobs['deploy-dev'].steps.some((s: { name?: string }) => s.name === 'Deploy gate')).toBe(false);
  });

  it('fails on unknown by default, or deploys when configured to', async () => {
    // Nothing measured yet: the portal cannot tell.
    const failing = await runGate({});
    expect(failing.code).toBe(1);
    expect(failing.output).toContain(`::error title=Deploy gate::the portal cannot tell whether default/${NAME} may deploy`);
    const allowing = await runGate({ DEPLOY_GATE_ON_UNKNOWN: 'allow' });
    expect(allowing.code).toBe(0);
    expect(allowing.output).toContain('::warning title=Deploy gate::unknown, deploying anyway');
  });

  it('deploys when allowed and stops a frozen service with the reason in the log', async () => {
    await measure(1);
    const allowed = await runGate({});
    expect(allowed.code).toBe(0);
    expect(allowed.output).toContain(`Deploy gate for default/${NAME}: allowed: no deploy freeze`);

    await measure(8);
    const frozen = await runGate({});
    expect(frozen.code).toBe(1);
    expect(frozen.output).toMatch(
      new RegExp(`::error title=Deploy gate::default/${NAME} is in a deploy freeze: deploy freeze since .*: SLO ${NAME}-availability burning 8× over 6h and 8× over 30m`),
    );
    expect(frozen.summary).toContain('**Deploy gate: stopped.**');
    // Unknown-handling does not open a freeze.
    expect((await runGate({ DEPLOY_GATE_ON_UNKNOWN: 'allow' })).code).toBe(1);
  });

  it('deploys a frozen service on an emergency override and records who and why in the portal', async () => {
    await measure(8);
    const reason = 'Rollback of the broken checkout release';
    const run = await runGate({
      DEPLOY_GATE_OVERRIDE: reason,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: `harbor-market/${NAME}`,
      GITHUB_RUN_ID: '4711',
      GITHUB_SHA: '9f1c2d3e4b5a69788f1c2d3e4b5a69788f1c2d3e',
    });
    expect(run.code).toBe(0);
    expect(run.output).toContain('::warning title=Deploy gate overridden::sam.okafor deployed despite the gate (frozen: deploy freeze since');
    expect(run.output).not.toContain('override not recorded');
    expect(run.summary).toContain(`**Deploy gate overridden** by sam.okafor: ${reason}`);

    const res = await fetch(`${portalUrl}/api/slo/overrides`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as GateOverrideListResponse;
    expect(items[0]).toMatchObject({
      entityRef: `component:default/${NAME}`,
      reason,
      actor: 'sam.okafor',
      runUrl: `https://github.com/harbor-market/${NAME}/actions/runs/4711`,
      commit: '9f1c2d3e4b5a69788f1c2d3e4b5a69788f1c2d3e',
      decision: 'frozen',
      decisionReason: expect.stringMatching(new RegExp(`^deploy freeze since .*: SLO ${NAME}-availability burning 8×`)),
      recordedBy: 'ci-deploy-gate', // the static token's subject
    });
  });

  it('still deploys on an emergency override when the portal is down, with a warning that it was not recorded', async () => {
    const run = await runGate({ PORTAL_URL: 'http://127.0.0.1:9', DEPLOY_GATE_OVERRIDE: 'Portal outage, shipping the fix' });
    expect(run.code).toBe(0);
    expect(run.output).toMatch(
      /::warning title=Deploy gate override not recorded::deploying anyway; record it by hand for the review: the portal at http:\/\/127\.0\.0\.1:9 did not answer/,
    );
    expect(run.summary).toContain('The override could not be recorded in the portal');
  });

  it('still deploys on an emergency override the portal refuses to record (wrong token), with the reason', async () => {
    const before = await fetch(`${portalUrl}/api/slo/overrides`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then(r => r.json());
    const run = await runGate({ DEPLOY_GATE_TOKEN: 'not-the-portal-token', DEPLOY_GATE_OVERRIDE: 'Hotfix' });
    expect(run.code).toBe(0);
    expect(run.output).toContain('::warning title=Deploy gate override not recorded::deploying anyway; record it by hand for the review: the portal answered HTTP 401');
    const after = await fetch(`${portalUrl}/api/slo/overrides`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then(r => r.json());
    expect(after.items).toHaveLength(before.items.length);
  });

  it('fails with a clear message when the token is wrong or missing (the portal says 401)', async () => {
    await measure(1);
    const wrong = await runGate({ DEPLOY_GATE_TOKEN: 'not-the-portal-token' });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('the portal refused the token (HTTP 401)');
    // A refused token is not "unknown": allowing unknown does not let it through.
    expect((await runGate({ DEPLOY_GATE_TOKEN: 'not-the-portal-token', DEPLOY_GATE_ON_UNKNOWN: 'allow' })).code).toBe(1);
    const missing = await runGate({ DEPLOY_GATE_TOKEN: '' });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('DEPLOY_GATE_TOKEN is not set');
    const res = await fetch(`${portalUrl}/api/slo/gate/default/${NAME}`);
    expect(res.status).toBe(401);
  });

  it('treats a portal that does not answer as unknown', async () => {
    const run = await runGate({ PORTAL_URL: 'http://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/the portal at http:\/\/127\.0\.0\.1:9 did not answer/);
  });
});
