import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The weekly review page. */
export const rootRouteRef = createRouteRef();
