import { Config } from '@backstage/config';
import {
  Environment,
  ENVIRONMENTS,
  IMAGE_REFERENCE_PATTERN,
} from '@internal/plugin-golden-path-common';

/** Base images of the emitted Dockerfiles; a digest (`@sha256:…`) pins them. */
export interface GoldenPathBaseImages {
  /** Builds TypeScript apps (npm ci, tsc). */
  node: string;
  /** Runs TypeScript apps. */
  nodeRuntime: string;
  /** Builds Go apps. */
  go: string;
  /** Runs Go apps (a static binary). */
  goRuntime: string;
}

/** The organisation-wide settings in `goldenPath` (see config.d.ts). */
export interface GoldenPathSettings {
  githubOrganization: string;
  /** The GitHub team whose review terraform/ and .github/ need. */
  platformTeam: string;
  /** The AWS account of each environment. */
  awsAccountIds: Record<Environment, string>;
  awsRegion: string;
  stateBucket: string;
  baseImages: GoldenPathBaseImages;
}

import { PluginConfigError } from '@internal/portal-node';
export const DEFAULT_BASE_IMAGES: GoldenPathBaseImages = {
  node: 'node:22-bookworm-slim',
  nodeRuntime: 'gcr.io/distroless/nodejs22-debian12:nonroot',
  go: 'golang:1.27-bookworm',
  goRuntime: 'gcr.io/distroless/static-debian12:nonroot',
};

const ACCOUNT_ID = /^[0-9]{12}$/;
const ACCOUNT_ID_RULE =
  "an AWS account ID: 12 digits, quoted so YAML keeps leading zeros, e.g. '123456789012'";
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** `config.getString(key)`, refused unless it matches; `prefix` makes the key a full one. */
function checked(
  config: Config,
  prefix: string,
  key: string,
  pattern: RegExp,
  what: string,
): string {
  const value = config.getString(key);
  if (!pattern.test(value)) {
    const setting = `${prefix}.${key}`;
    throw new PluginConfigError(setting, `${setting} is "${value}"; it must be ${what}`);
  }
  return value;
}

/**
 * Reads and checks `goldenPath`: these values reach emitted files too, so a bad one stops
 * the backend at start-up rather than producing a broken repository.
 */
export function readGoldenPathSettings(config: Config): GoldenPathSettings {
  const goldenPath = config.getConfig('goldenPath');
  const defaultAccount = checked(goldenPath, 'goldenPath', 'aws.accountId', ACCOUNT_ID, ACCOUNT_ID_RULE);
  const accounts = goldenPath.getOptionalConfig('aws.accounts');
  const awsAccountIds = Object.fromEntries(
    ENVIRONMENTS.map(environment => [
      environment,
      accounts?.has(environment)
        ? checked(accounts, 'goldenPath.aws.accounts', environment, ACCOUNT_ID, ACCOUNT_ID_RULE)
        : defaultAccount,
    ]),
  ) as Record<Environment, string>;
  const images = goldenPath.getOptionalConfig('baseImages');
  const baseImages = Object.fromEntries(
    Object.entries(DEFAULT_BASE_IMAGES).map(([key, fallback]) => [
      key,
      images?.has(key)
        ? checked(images, 'goldenPath.baseImages', key, IMAGE_REFERENCE_PATTERN, 'an image reference such as node:22-bookworm-slim@sha256:<digest>')
        : fallback,
    ]),
  ) as unknown as GoldenPathBaseImages;
  return {
    githubOrganization: checked(goldenPath, 'goldenPath', 'githubOrganization', GITHUB_NAME, 'a GitHub organisation name'),
    platformTeam: goldenPath.has('platformTeam')
      ? checked(goldenPath, 'goldenPath', 'platformTeam', /^[a-z0-9][a-z0-9_-]*$/, 'a GitHub team slug')
      : 'platform',
    awsAccountIds,
    awsRegion: checked(goldenPath, 'goldenPath', 'aws.region', REGION, 'an AWS region such as eu-west-1'),
    stateBucket: checked(goldenPath, 'goldenPath', 'aws.stateBucket', BUCKET, 'an S3 bucket name'),
    baseImages,
  };
}
