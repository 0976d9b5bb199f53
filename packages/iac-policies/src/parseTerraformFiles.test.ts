import { parseTerraformFiles } from './parseTerraformFiles';

describe('parseTerraformFiles', () => {
  it('groups files into modules by directory, as Terraform reads them', async () => {
    const parsed = await parseTerraformFiles({
      'environments/prod/main.tf':
        'module "service" {\n  source = "../../modules/service"\n}\n',
      'modules/service/variables.tf': 'variable "name" {\n  type = string\n}\n',
      'modules/service/main.tf':
        'resource "aws_sqs_queue" "jobs" {\n  name = var.name\n}\n',
      './versions.tf': 'terraform {\n  required_version = ">= 1.6"\n}\n',
    });

    expect(
      parsed.modules.map(module => [
        module.directory,
        module.files.map(file => file.path),
      ]),
    ).toEqual([
      ['.', ['versions.tf']],
      ['environments/prod', ['environments/prod/main.tf']],
      [
        'modules/service',
        ['modules/service/main.tf', 'modules/service/variables.tf'],
      ],
    ]);
    expect(
      parsed.files.find(file => file.path === 'modules/service/main.tf')?.body,
    ).toEqual({
      resource: { aws_sqs_queue: { jobs: [{ name: '${var.name}' }] } },
    });
  });

  it('names the file and the HCL diagnostic when a file does not parse', async () => {
    await expect(
      parseTerraformFiles({
        'main.tf': 'resource "aws_sqs_queue" "jobs" {}\n',
        'modules/service/broken.tf':
          'resource "aws_sqs_queue" "jobs" {\n  name =\n}\n',
      }),
    ).rejects.toThrow(
      /^Invalid HCL in modules\/service\/broken\.tf: modules\/service\/broken\.tf:2,9-3,1: Invalid expression; Expected the start of an expression/,
    );
  });
});
