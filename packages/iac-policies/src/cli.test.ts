import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';

describe('runCli', () => {
  let directory: string;
  const output = { log: jest.fn(), error: jest.fn() };

  beforeEach(async () => {
    directory = await fs.mkdtemp(join(tmpdir(), 'iac-policies-'));
    output.log.mockReset();
    output.error.mockReset();
  });

  afterEach(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  async function write(path: string, text: string) {
    await fs.mkdir(join(directory, path, '..'), { recursive: true });
    await fs.writeFile(join(directory, path), text);
  }

  it('exits 0 when every *.tf under the directory passes', async () => {
    await write(
      'modules/queue/main.tf',
      'resource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = true\n}\n',
    );
    await write(
      '.terraform/modules/vendored/main.tf',
      'resource "aws_sqs_queue" "x" {}\n',
    );
    await write('README.md', 'not terraform');

    expect(await runCli([directory], output)).toBe(0);
    expect(output.log).toHaveBeenCalledWith('1 files checked, no findings');
  });

  it('prints findings with paths relative to the directory and exits 1', async () => {
    await write(
      'modules/queue/main.tf',
      'resource "aws_sqs_queue" "jobs" {}\n',
    );

    expect(await runCli([directory], output)).toBe(1);
    expect(output.log.mock.calls.map(([line]) => line)).toEqual([
      '[encryption-at-rest] modules/queue/main.tf aws_sqs_queue.jobs: sets neither sqs_managed_sse_enabled = true nor kms_master_key_id — Set sqs_managed_sse_enabled = true, or kms_master_key_id for a customer-managed key.',
      '1 findings',
    ]);
  });

  it('exits 2 on a parse error or without a directory', async () => {
    await write('main.tf', 'resource {');

    expect(await runCli([directory], output)).toBe(2);
    expect(output.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Invalid HCL in main\.tf: /),
    );
    expect(await runCli([], output)).toBe(2);
    expect(output.error).toHaveBeenLastCalledWith('Usage: iac-policies <dir>');
  });
});
