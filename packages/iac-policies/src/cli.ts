import { checkTerraform } from './checkTerraform';
import { formatFindings } from './formatFindings';
import { readTerraformDirectory } from './readTerraformDirectory';

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = 'Usage: iac-policies <dir>';

/**
 * `iac-policies <dir>`: checks every `*.tf` under dir. Returns the exit code:
 * 0 when clean, 1 with findings, 2 when the input cannot be read or parsed.
 */
export async function runCli(
  args: string[],
  output: CliOutput = console,
): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    output.error(USAGE);
    return 2;
  }
  try {
    const files = await readTerraformDirectory(args[0]);
    if (Object.keys(files).length === 0) {
      output.error(`No *.tf files under ${args[0]}`);
      return 2;
    }
    const findings = await checkTerraform(files);
    if (findings.length === 0) {
      output.log(`${Object.keys(files).length} files checked, no findings`);
      return 0;
    }
    output.log(formatFindings(findings));
    output.log(`${findings.length} findings`);
    return 1;
  } catch (error) {
    output.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}
