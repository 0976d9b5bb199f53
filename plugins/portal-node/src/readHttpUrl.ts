import { Config } from '@backstage/config';
import { PluginConfigError } from './PluginConfigError';

/**
 * Reads an http(s) URL setting, so a malformed one stops the plugin at start-up with the
 * key named instead of failing every request later. `path` is the full key, for the message.
 */
export function readHttpUrl(config: Config, key: string, path: string): string {
  const value = config.getString(key);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new PluginConfigError(
      path,
      `${path} is "${value}", which is not an http(s) URL; write it in full, e.g. http://prometheus.monitoring:9090`,
    );
  }
  return value;
}
