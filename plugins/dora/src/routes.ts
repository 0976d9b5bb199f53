import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The overview page ranking services and teams. */
export const rootRouteRef = createRouteRef();
