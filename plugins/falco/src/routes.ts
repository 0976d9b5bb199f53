import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The security overview page. */
export const rootRouteRef = createRouteRef();
