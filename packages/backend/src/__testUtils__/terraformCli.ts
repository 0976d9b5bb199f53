import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBinary } from './emittedFileChecks';

/**
 * The terraform binary and a provider mirror to run it offline, when this machine has
 * both: nothing may download. TERRAFORM_PROVIDER_MIRROR names the mirror (default
 * /opt/tf-plugins, laid out as terraform providers mirror writes it).
 */
export interface TerraformCli {
  binary: string;
  env: NodeJS.ProcessEnv;
}

export function findTerraform(): { cli?: TerraformCli; missing?: string } {
  const binary = findBinary('terraform');
  if (!binary) return { missing: 'no terraform binary on PATH' };
  const mirror = process.env.TERRAFORM_PROVIDER_MIRROR ?? '/opt/tf-plugins';
  if (!fs.existsSync(path.join(mirror, 'registry.terraform.io'))) {
    return { missing: `no provider mirror at ${mirror} (set TERRAFORM_PROVIDER_MIRROR)` };
  }
  const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-cli-')), 'terraform.rc');
  // Providers only from the mirror; the registry is never asked.
  fs.writeFileSync(
    configFile,
    `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`,
  );
  return {
    cli: {
      binary,
      env: {
        ...process.env,
        TF_CLI_CONFIG_FILE: configFile,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        CHECKPOINT_DISABLE: '1',
        NO_COLOR: '1',
      },
    },
  };
}
