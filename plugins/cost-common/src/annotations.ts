/**
 * On a Group: the team's monthly budget in US dollars, e.g. `'12000'`.
 * `cost.budgets.<team>` in app-config overrides it.
 */
export const MONTHLY_BUDGET_ANNOTATION = 'devportal.io/monthly-budget-usd';

/**
 * The value that identifies the entity in the cost sources, when it differs from the
 * default. On a Component: its value of the service label (or its namespace, when
 * `cost.kubecost.serviceAggregate` is `namespace`) and of the AWS `service` tag; default
 * `backstage.io/kubernetes-id`, then the component name. On a Group: its value of the team
 * label and the AWS `team` tag; default the group name.
 */
export const COST_ALLOCATION_KEY_ANNOTATION =
  'devportal.io/cost-allocation-key';

/**
 * On a Component: what its throughput is counted in, e.g. `requests` or `orders`; the
 * service card then shows cost per 1,000 of them. Needs COST_UNIT_QUERY_ANNOTATION.
 */
export const COST_UNIT_ANNOTATION = 'devportal.io/cost-unit';

/**
 * On a Component: a PromQL expression giving how many units the service handled in the
 * last day, e.g. `sum(increase(http_requests_total{service="cart-service"}[1d]))`.
 */
export const COST_UNIT_QUERY_ANNOTATION = 'devportal.io/cost-unit-query';

/** Cost is shown per this many units (cost per 1,000 requests). */
export const UNIT_COST_PER = 1000;

/** Component types that run nowhere: no source charges them, and no cost card is shown. */
export const COMPONENT_TYPES_WITHOUT_COST = ['library', 'documentation'];
