import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The SLO overview page. */
export const sloOverviewRouteRef = createRouteRef();
