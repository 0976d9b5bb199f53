import { Entity } from '@backstage/catalog-model';

/** A small organisation whose levels on KNOWN_DEFINITIONS are worked out by hand in the tests. */
export const KNOWN_DEFINITIONS_YAML = `
levels: [bronze, silver, gold]
scorecards:
  - id: readiness
    title: Readiness
    appliesTo: { kinds: [Component] }
    checks:
      - { id: owner-is-group, title: Owned by a team, level: bronze, fact: catalog.ownerIsGroup, howToFix: Set spec.owner to a Group, link: /docs/owner }
      - { id: lifecycle-set, title: Lifecycle, level: bronze, fact: catalog.lifecycleSet, howToFix: Set spec.lifecycle, link: /docs/lifecycle }
      - { id: techdocs, title: TechDocs, level: silver, fact: catalog.hasTechDocs, howToFix: Add docs, link: /docs/techdocs }
      - { id: runbook, title: Runbook, level: silver, fact: catalog.hasRunbookLink, appliesTo: { types: [service] }, howToFix: Link a runbook, link: /docs/runbook }
      - { id: on-call, title: On-call, level: silver, fact: catalog.hasOnCall, appliesTo: { types: [service] }, howToFix: Add devportal.io/on-call, link: /docs/on-call }
      - { id: slo-budget, title: Budget left, level: silver, fact: slo.budgetLeft, appliesTo: { types: [service] }, howToFix: Fix reliability, link: /slo }
      - { id: template-current, title: Current template, level: gold, fact: catalog.templateVersionStatus, value: current, howToFix: Update, link: /create }
`;

const component = (
  name: string,
  spec: Record<string, unknown>,
  annotations: Record<string, string> = {},
  links: Entity['metadata']['links'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations, links },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout', system: 'commerce', ...spec },
});

const wellRun = {
  'backstage.io/techdocs-ref': 'dir:.',
  'devportal.io/on-call': 'pagerduty:checkout-primary',
  'devportal.io/template-name': 'http-service',
  'devportal.io/template-version': '1.2.0',
};
const runbook = [{ url: 'https://runbooks.example/x', title: 'Runbook', type: 'runbook' }];

export const KNOWN_ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alex', namespace: 'default' },
    spec: { memberOf: ['checkout'] },
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'http-service', namespace: 'default', annotations: { 'devportal.io/template-version': '1.2.0' } },
    spec: { type: 'service', steps: [] },
  },
  // Everything in place: gold.
  component('ready', {}, wellRun, runbook),
  // No on-call contact: silver fails, so bronze.
  component('no-on-call', {}, { ...wellRun, 'devportal.io/on-call': '' }, runbook),
  // Owned by a user, not a team: bronze fails, nothing reached, however good the rest.
  component('user-owned', { owner: 'user:default/alex' }, wellRun, runbook),
  // An owner group that does not exist in the catalog is not a team either.
  component('ghost-team', { owner: 'ghosts', lifecycle: 'experimental' }, wellRun, runbook),
  // Created from an older template version: silver.
  component('old-template', { owner: 'payments' }, { ...wellRun, 'devportal.io/template-version': '1.0.0' }, runbook),
  // A library: runbook, on-call and SLO checks do not apply; never from a template: silver.
  component('kit', { type: 'library' }, { 'backstage.io/techdocs-ref': 'dir:.' }),
  // No lifecycle: nothing reached.
  component('no-lifecycle', { lifecycle: undefined, owner: 'payments' }, wellRun, runbook),
];

/** budgetLeft per service, as the fake SLO source answers. */
export const KNOWN_SLO_BUDGET_LEFT: Record<string, boolean> = {
  'component:default/ready': true,
  'component:default/no-on-call': true,
  'component:default/user-owned': true,
  'component:default/ghost-team': true,
  'component:default/old-template': true,
  'component:default/no-lifecycle': true,
};
