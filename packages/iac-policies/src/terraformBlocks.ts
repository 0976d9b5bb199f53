import { HclObject, HclValue, isHclObject, nestedBlocks } from './hcl';
import { TerraformFile, TerraformModule } from './parseTerraformFiles';

/** One top-level block, named by its Terraform address. */
export interface TerraformBlock {
  file: string;
  /** e.g. `aws_security_group.db`, `data.aws_iam_policy_document.read`, `variable.tier` */
  address: string;
  name: string;
  body: HclObject;
}

function labelledBlocks(
  container: HclValue | undefined,
  file: TerraformFile,
  addressPrefix: string,
): TerraformBlock[] {
  if (!isHclObject(container)) {
    return [];
  }
  return Object.entries(container).flatMap(([name, bodies]) =>
    (Array.isArray(bodies) ? bodies : []).filter(isHclObject).map(body => ({
      file: file.path,
      address: `${addressPrefix}${name}`,
      name,
      body,
    })),
  );
}

function typedBlocks(
  files: TerraformFile[],
  kind: 'resource' | 'data',
  type: string,
): TerraformBlock[] {
  const prefix = kind === 'data' ? `data.${type}.` : `${type}.`;
  return files.flatMap(file => {
    const byType = file.body[kind];
    return isHclObject(byType)
      ? labelledBlocks(byType[type], file, prefix)
      : [];
  });
}

export function resourceBlocks(
  files: TerraformFile[],
  type: string,
): TerraformBlock[] {
  return typedBlocks(files, 'resource', type);
}

export function dataBlocks(
  files: TerraformFile[],
  type: string,
): TerraformBlock[] {
  return typedBlocks(files, 'data', type);
}

export function variableBlocks(files: TerraformFile[]): TerraformBlock[] {
  return files.flatMap(file =>
    labelledBlocks(file.body.variable, file, 'variable.'),
  );
}

export function moduleCallBlocks(files: TerraformFile[]): TerraformBlock[] {
  return files.flatMap(file =>
    labelledBlocks(file.body.module, file, 'module.'),
  );
}

/** Provider configurations of one provider; aliased ones are addressed `provider.aws.<alias>`. */
export function providerBlocks(
  files: TerraformFile[],
  providerName: string,
): TerraformBlock[] {
  return files.flatMap(file =>
    labelledBlocks(file.body.provider, file, 'provider.')
      .filter(block => block.name === providerName)
      .map(block => {
        const alias = block.body.alias;
        return typeof alias === 'string'
          ? { ...block, address: `${block.address}.${alias}` }
          : block;
      }),
  );
}

/** Every `locals` value of the module, by name. */
export function localValues(module: TerraformModule): Map<string, HclValue> {
  const values = new Map<string, HclValue>();
  for (const file of module.files) {
    for (const locals of nestedBlocks(file.body, 'locals')) {
      for (const [name, value] of Object.entries(locals)) {
        values.set(name, value);
      }
    }
  }
  return values;
}

/** True when the module configures a backend or a provider, i.e. it is run directly. */
export function isRootModule(module: TerraformModule): boolean {
  return module.files.some(
    file =>
      isHclObject(file.body.provider) ||
      nestedBlocks(file.body, 'terraform').some(
        terraform => terraform.backend !== undefined,
      ),
  );
}
