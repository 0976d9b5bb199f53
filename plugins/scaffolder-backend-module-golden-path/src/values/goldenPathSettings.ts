import { Config } from '@backstage/config';
import { PluginConfigError } from '@internal/portal-node';

/** The organisation-wide settings in `goldenPath` (see config.d.ts). */
export interface GoldenPathSettings {
  githubOrganization: string;
  awsAccountId: string;
  awsRegion: string;
  stateBucket: string;
}

/** Reads `goldenPath`; a missing or malformed value is an error naming the key. */
export function readGoldenPathSettings(config: Config): GoldenPathSettings {
  const goldenPath = config.getConfig('goldenPath');
  const awsAccountId = goldenPath.getString('aws.accountId');
  if (!/^\d{12}$/.test(awsAccountId)) {
    throw new PluginConfigError(
      'goldenPath.aws.accountId',
      `goldenPath.aws.accountId is "${awsAccountId}"; an AWS account ID is 12 digits, quoted so YAML keeps leading zeros, e.g. '123456789012'`,
    );
  }
  return {
    githubOrganization: goldenPath.getString('githubOrganization'),
    awsAccountId,
    awsRegion: goldenPath.getString('aws.region'),
    stateBucket: goldenPath.getString('aws.stateBucket'),
  };
}
