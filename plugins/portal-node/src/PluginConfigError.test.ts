import { ConfigReader } from '@backstage/config';
import { PluginConfigError, settingOf } from './PluginConfigError';
import { readHttpUrl } from './readHttpUrl';

/** The error a reader throws for `data`, so the test reads Backstage's own wording. */
function errorOf(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to throw');
}

describe('settingOf', () => {
  it('names the key of each kind of configuration error', () => {
    const config = new ConfigReader({
      cost: { lookbackDays: 'ninety' },
      demoCluster: { enabled: 'sometimes' },
    });
    expect(
      settingOf(
        new PluginConfigError(
          'slo.prometheus',
          'slo.prometheus lists no Prometheus',
        ),
      ),
    ).toBe('slo.prometheus');
    expect(
      settingOf(errorOf(() => config.getString('goldenPath.aws.accountId'))),
    ).toBe('goldenPath.aws.accountId');
    expect(
      settingOf(errorOf(() => config.getNumber('cost.lookbackDays'))),
    ).toBe('cost.lookbackDays');
    expect(
      settingOf(
        errorOf(() => config.getOptionalBoolean('demoCluster.enabled')),
      ),
    ).toBe('demoCluster.enabled');
    expect(
      settingOf(
        new Error(
          'falco.ingest.maxBatchSize must be a positive whole number, got 0',
        ),
      ),
    ).toBe('falco.ingest.maxBatchSize');
    expect(
      settingOf(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    ).toBeUndefined();
  });
});

describe('readHttpUrl', () => {
  it('accepts http and https URLs and refuses anything else, naming the full key', () => {
    const config = new ConfigReader({
      a: 'http://prometheus:9090',
      b: 'https://x.example/api',
      c: 'prometheus:9090',
      d: 'not a url',
    });
    expect(readHttpUrl(config, 'a', 'slo.prometheus.a.baseUrl')).toBe(
      'http://prometheus:9090',
    );
    expect(readHttpUrl(config, 'b', 'slo.prometheus.b.baseUrl')).toBe(
      'https://x.example/api',
    );
    for (const key of ['c', 'd']) {
      expect(() =>
        readHttpUrl(config, key, `slo.prometheus.${key}.baseUrl`),
      ).toThrow(
        new RegExp(
          `^slo\\.prometheus\\.${key}\\.baseUrl is ".*", which is not an http\\(s\\) URL`,
        ),
      );
    }
  });
});
