import { Config } from '@backstage/config';

/** The organisation-wide settings in `goldenPath` (see config.d.ts). */
export interface GoldenPathSettings {
  githubOrganization: string;
  awsAccountId: string;
  awsRegion: string;
  stateBucket: string;
}

export function readGoldenPathSettings(config: Config): GoldenPathSettings {
  const goldenPath = config.getConfig('goldenPath');
  return {
    githubOrganization: goldenPath.getString('githubOrganization'),
    awsAccountId: goldenPath.getString('aws.accountId'),
    awsRegion: goldenPath.getString('aws.region'),
    stateBucket: goldenPath.getString('aws.stateBucket'),
  };
}
