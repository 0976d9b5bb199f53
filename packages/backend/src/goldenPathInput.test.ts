import { mockCredentials } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { runTemplate, startGoldenPathBackend } from './__testUtils__/goldenPathBackend';

jest.setTimeout(180_000);

const validInput = {
  name: 'basket-service',
  description: 'Keeps shoppers baskets between visits',
  owner: 'group:default/checkout',
  system: 'system:default/commerce-core',
  language: 'typescript',
  tier: 'tier-2',
  sloTarget: 99.9,
  onCall: 'pagerduty:checkout-primary',
  costCenter: 'CC-1042',
  environments: ['dev', 'staging', 'prod'],
  database: false,
  publishTo: 'local',
};

/**
 * Bad input is refused before anything is created: by the scaffolder's schema check when
 * the form is bypassed, and by the golden-path:validate step for what only the catalog
 * knows.
 */
describe('golden-path templates refuse bad input', () => {
  const repositoriesDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-path-repos-'));
  let server: Awaited<ReturnType<typeof startGoldenPathBackend>>;

  beforeAll(async () => {
    server = await startGoldenPathBackend({ repositoriesDirectory });
  });

  const createdNothing = () => expect(fs.readdirSync(repositoriesDirectory)).toEqual([]);

  it.each([
    ['sloTarget', { sloTarget: 99.9999 }],
    ['sloTarget', { sloTarget: 89 }],
    ['environments', { environments: [] }],
    ['environments', { environments: ['qa'] }],
  ])('refuses a bypassed form with a bad %s (HTTP 400, no task)', async (field, change) => {
    const res = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/http-service', values: { ...validInput, ...change } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    createdNothing();
  });

  // The form's own rules (golden-path-common), which the template's JSON Schema does not
  // repeat: golden-path:validate refuses them in words before any file is written.
  it.each([
    ['name', 'http-service', { name: 'Basket_Service' }, 'Use 3–40 lowercase letters'],
    ['onCall', 'http-service', { onCall: 'call bob' }, 'Name the rotation as pagerduty:<schedule>'],
    ['costCenter', 'http-service', { costCenter: '1042' }, 'Use the finance cost centre code'],
    ['description', 'terraform-module', { name: 'terraform-aws-hostile', description: 'Buckets\nresource "aws_iam_user" "x" {}' }, 'The description must be one line of plain text; it contains a line break at character 8'],
    ['description', 'http-service', { description: 'x'.repeat(1000) }, 'The description is 1000 characters long; shorten it to at most 200.'],
    ['schedule', 'worker', { schedule: '*/5\nprocess.exit(42)//\t*\t*\t*' }, 'The schedule must be one line of plain text; it contains a line break'],
    ['schedule', 'worker', { schedule: 'every day at noon please' }, 'Check the schedule: the minute field "every" is not a number'],
  ])('refuses a bad %s in the %s template at its first step, naming the field, without a stack trace', async (field, template, change, message) => {
    const run = await runTemplate(server, template, { ...validInput, ...change });
    expect(run.status).toBe('failed');
    const log = run.log.join('\n');
    expect(log).toContain(`- ${field}: ${message}`);
    expect(log).not.toMatch(/\n\s+at /);
    expect(log).not.toContain('Beginning step Repository files and docs');
    createdNothing();
  });

  it('fails at the first step when the name is already in the catalog, saying who owns it', async () => {
    const run = await runTemplate(server, 'http-service', {
      ...validInput,
      name: 'checkout-service',
    });
    expect(run.status).toBe('failed');
    expect(run.log.join('\n')).toContain(
      'name: A component named "checkout-service" already exists (owned by checkout). Pick another name.',
    );
    createdNothing();
  });

  it('fails at the first step for an owner or system the catalog does not have', async () => {
    const run = await runTemplate(server, 'http-service', {
      ...validInput,
      owner: 'group:default/no-such-team',
      system: 'system:default/no-such-system',
    });
    expect(run.status).toBe('failed');
    const log = run.log.join('\n');
    expect(log).toContain('owner: group:default/no-such-team is not in the catalog');
    expect(log).toContain('system: system:default/no-such-system is not in the catalog');
    createdNothing();
  });

  it('refuses an owner that is a group but not a team (an organisation would become a namespace)', async () => {
    const run = await runTemplate(server, 'http-service', {
      ...validInput,
      owner: 'group:default/harbor-market',
    });
    expect(run.status).toBe('failed');
    expect(run.log.join('\n')).toContain(
      'owner: group:default/harbor-market is a group of type organization, not a team. Pick one of the teams in the catalog.',
    );
    createdNothing();
  });

  it('refuses an owner that is a user rather than a team', async () => {
    const run = await runTemplate(server, 'http-service', {
      ...validInput,
      owner: 'user:default/alex.rivera',
    });
    expect(run.status).toBe('failed');
    expect(run.log.join('\n')).toContain('owner: user:default/alex.rivera is not a group');
    createdNothing();
  });
});
