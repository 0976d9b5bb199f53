/**
 * A plugin's setting is missing or wrong. `setting` is the configuration key to fix
 * (`slo.prometheus`); the message says what is wrong and how to fix it, starting with
 * the key, so it reads well on its own in a log line or on a page.
 */
export class PluginConfigError extends Error {
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.name = 'PluginConfigError';
    this.setting = setting;
  }
}

/**
 * The configuration key an error names: a PluginConfigError's setting, the key in one of
 * Backstage's own config errors ("Missing required config value at 'goldenPath.aws'",
 * "Invalid type in config for key 'cost.lookbackDays'"), or the key a plugin's own
 * message starts with ("cost.kubecost.flavour is …").
 */
export function settingOf(error: unknown): string | undefined {
  if (error instanceof PluginConfigError) return error.setting;
  const message = error instanceof Error ? error.message : String(error);
  const quoted =
    /(?:config value at|config for key|value for key|config at) '([^']+)'/.exec(
      message,
    );
  if (quoted) return quoted[1];
  const leading = /^([a-z][\w-]*(?:\.[\w-]+)+)\b/i.exec(message);
  return leading?.[1];
}
