// Deploy gate: asks the developer portal whether this service may deploy to production
// under the error-budget policy (a service burning its error budget too fast is frozen).
// Exits 0 to go ahead, 1 to stop. Node 18+ only, no packages.
//
// Environment:
//   PORTAL_URL              the portal, e.g. https://portal.harbor-market.example
//   DEPLOY_GATE_TOKEN       the portal's static token for CI (backend.auth.externalAccess)
//   DEPLOY_GATE_ENTITY      <namespace>/<name> of the component
//   DEPLOY_GATE_ON_UNKNOWN  fail (default) or allow: what to do when the portal cannot tell
//   DEPLOY_GATE_OVERRIDE    emergency override: the reason; deploys even when frozen, and is
//                           recorded in the portal (GET /api/slo/overrides) and the run summary
import { appendFileSync } from 'node:fs';

const env = process.env;
const annotate = (level, title, message) => console.log(`::${level} title=${title}::${message.replace(/\r?\n/g, ' ')}`);
const summary = line => {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${line}\n`);
};
const stop = message => {
  annotate('error', 'Deploy gate', message);
  summary(`**Deploy gate: stopped.** ${message}`);
  process.exit(1);
};

const portal = (env.PORTAL_URL ?? '').replace(/\/+$/, '');
const entity = env.DEPLOY_GATE_ENTITY ?? '';
const onUnknown = (env.DEPLOY_GATE_ON_UNKNOWN || 'fail').toLowerCase();
const override = (env.DEPLOY_GATE_OVERRIDE ?? '').trim();
if (!portal) stop('PORTAL_URL is not set: set the repository variable PORTAL_URL to the developer portal address');
if (!/^[^/]+\/[^/]+$/.test(entity)) stop(`DEPLOY_GATE_ENTITY is "${entity}"; use <namespace>/<name>, e.g. default/basket-service`);
if (!['fail', 'allow'].includes(onUnknown)) stop(`DEPLOY_GATE_ON_UNKNOWN is "${onUnknown}"; use fail or allow`);
if (!env.DEPLOY_GATE_TOKEN && !override) {
  stop('DEPLOY_GATE_TOKEN is not set: add the portal deploy-gate token as the repository secret DEPLOY_GATE_TOKEN');
}

/** The portal's answer: { decision: allowed | frozen | unknown, reason, burn, exemption? }. */
async function askGate() {
  const url = `${portal}/api/slo/gate/${entity}`;
  let response;
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${env.DEPLOY_GATE_TOKEN ?? ''}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    return { decision: 'unknown', reason: `the portal at ${portal} did not answer: ${error.cause?.message ?? error.message}` };
  }
  if (response.status === 401 || response.status === 403) {
    return {
      decision: 'refused',
      reason: `the portal refused the token (HTTP ${response.status}): check that the DEPLOY_GATE_TOKEN secret matches the portal's deploy-gate token`,
    };
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok || !body || !['allowed', 'frozen', 'unknown'].includes(body.decision)) {
    return { decision: 'unknown', reason: body?.reason ?? `the portal answered HTTP ${response.status} without a decision` };
  }
  return body;
}

const gate = await askGate();
const rate = value => (typeof value === 'number' ? `${Number(value.toFixed(2))}×` : 'n/a');
const burn = gate.burn
  ? ` (burn ${rate(gate.burn.long)} over ${gate.burn.longWindow}, ${rate(gate.burn.short)} over ${gate.burn.shortWindow}; freeze at ${gate.burn.threshold}×)`
  : '';
console.log(`Deploy gate for ${entity}: ${gate.decision}: ${gate.reason}${burn}`);

/**
 * Records the override in the portal with who, which run and which commit. Returns why it
 * could not, or undefined when recorded: an emergency deploy never waits on the portal.
 */
async function recordOverride() {
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const body = { reason: override, actor: env.GITHUB_ACTOR || undefined, runUrl, commit: env.GITHUB_SHA || undefined };
  try {
    const response = await fetch(`${portal}/api/slo/gate/${entity}/overrides`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${env.DEPLOY_GATE_TOKEN ?? ''}`,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.ok) return undefined;
    const answer = await response.json().catch(() => undefined);
    return `the portal answered HTTP ${response.status}${answer?.error?.message ? `: ${answer.error.message}` : ''}`;
  } catch (error) {
    return `the portal at ${portal} did not answer: ${error.cause?.message ?? error.message}`;
  }
}

if (override) {
  const who = env.GITHUB_ACTOR ?? 'someone';
  annotate('warning', 'Deploy gate overridden', `${who} deployed despite the gate (${gate.decision}: ${gate.reason}). Reason: ${override}`);
  summary(`**Deploy gate overridden** by ${who}: ${override}. The gate said ${gate.decision}: ${gate.reason}`);
  const notRecorded = await recordOverride();
  if (notRecorded) {
    annotate('warning', 'Deploy gate override not recorded', `deploying anyway; record it by hand for the review: ${notRecorded}`);
    summary(`The override could not be recorded in the portal: ${notRecorded}`);
  } else {
    console.log(`Override recorded in the portal (${portal}/api/slo/overrides)`);
  }
  process.exit(0);
}
switch (gate.decision) {
  case 'allowed':
    if (gate.exemption) {
      annotate('notice', 'Deploy gate', `exempted until ${gate.exemption.expiresAt} by ${gate.exemption.createdBy}: ${gate.exemption.reason}`);
    }
    summary(`Deploy gate: allowed. ${gate.reason}`);
    process.exit(0);
  case 'frozen':
    stop(`${entity} is in a deploy freeze: ${gate.reason}${burn}. Emergencies: re-run with the emergency_override input.`);
  case 'refused':
    stop(gate.reason);
  default:
    if (onUnknown === 'allow') {
      annotate('warning', 'Deploy gate', `unknown, deploying anyway (DEPLOY_GATE_ON_UNKNOWN=allow): ${gate.reason}`);
      summary(`Deploy gate: unknown, allowed by configuration. ${gate.reason}`);
      process.exit(0);
    }
    stop(`the portal cannot tell whether ${entity} may deploy: ${gate.reason}. Set DEPLOY_GATE_ON_UNKNOWN=allow (or the gate_on_unknown input) to deploy anyway.`);
}
