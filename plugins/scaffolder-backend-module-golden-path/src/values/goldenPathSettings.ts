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

export const DEFAULT_BASE_IMAGES: GoldenPathBaseImages = {
  node: 'node:22-bookworm-slim',
  nodeRuntime: 'gcr.io/distroless/nodejs22-debian12:nonroot',
  go: 'golang:1.27-bookworm',
  goRuntime: 'gcr.io/distroless/static-debian12:nonroot',
};

const ACCOUNT_ID = /^[0-9]{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]$/;
const GITHUB_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function checked(config: Config, key: string, pattern: RegExp, what: string): string {
  const value = config.getString(key);
  if (!pattern.test(value)) {
    throw new Error(`goldenPath.${key} is "${value}"; it must be ${what}`);
  }
  return value;
}

/**
 * Reads and checks `goldenPath`: these values reach emitted files too, so a bad one stops
 * the backend at start-up rather than producing a broken repository.
 */
export function readGoldenPathSettings(config: Config): GoldenPathSettings {
  const goldenPath = config.getConfig('goldenPath');
  const defaultAccount = checked(goldenPath, 'aws.accountId', ACCOUNT_ID, 'a 12-digit AWS account id');
  const accounts = goldenPath.getOptionalConfig('aws.accounts');
  const awsAccountIds = Object.fromEntries(
    ENVIRONMENTS.map(environment => [
      environment,
      accounts?.has(environment)
        ? checked(accounts, environment, ACCOUNT_ID, 'a 12-digit AWS account id')
        : defaultAccount,
    ]),
  ) as Record<Environment, string>;
  const images = goldenPath.getOptionalConfig('baseImages');
  const baseImages = Object.fromEntries(
    Object.entries(DEFAULT_BASE_IMAGES).map(([key, fallback]) => [
      key,
      images?.has(key)
        ? checked(images, key, IMAGE_REFERENCE_PATTERN, 'an image reference such as node:22-bookworm-slim@sha256:<digest>')
        : fallback,
    ]),
  ) as unknown as GoldenPathBaseImages;
  return {
    githubOrganization: checked(goldenPath, 'githubOrganization', GITHUB_NAME, 'a GitHub organisation name'),
    platformTeam: goldenPath.has('platformTeam')
      ? checked(goldenPath, 'platformTeam', /^[a-z0-9][a-z0-9_-]*$/, 'a GitHub team slug')
      : 'platform',
    awsAccountIds,
    awsRegion: checked(goldenPath, 'aws.region', REGION, 'an AWS region such as eu-west-1'),
    stateBucket: checked(goldenPath, 'aws.stateBucket', BUCKET, 'an S3 bucket name'),
    baseImages,
  };
}
