import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import SecurityIcon from '@material-ui/icons/Security';
import { falcoApiRef } from './api/FalcoApi';
import { FalcoClient } from './api/FalcoClient';
import { isFalcoMappable } from './components/annotations';
import { rootRouteRef } from './routes';

const falcoApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: falcoApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new FalcoClient({ discoveryApi, fetchApi }),
    }),
});

const overviewPage = PageBlueprint.make({
  params: {
    path: '/falco',
    title: 'Runtime security',
    icon: <SecurityIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/FalcoOverviewPage').then(m => <m.FalcoOverviewPage />),
  },
});

const entityTab = EntityContentBlueprint.make({
  params: {
    path: '/falco',
    title: 'Runtime security',
    filter: isFalcoMappable,
    loader: () => import('./components/EntityFalcoContent').then(m => <m.EntityFalcoContent />),
  },
});

const entityCard = EntityCardBlueprint.make({
  params: {
    filter: isFalcoMappable,
    loader: () => import('./components/EntityFalcoCard').then(m => <m.EntityFalcoCard />),
  },
});

// The home page puts widgets named PlatformHealth* in its "Platform health" section.
const homeWidget = HomePageWidgetBlueprint.make({
  name: 'critical-alerts',
  params: {
    name: 'PlatformHealthFalcoCriticalAlerts',
    title: 'Runtime security: Critical alerts',
    description: 'The latest Critical, Alert and Emergency Falco events of the last 7 days',
    components: () =>
      import('./components/RecentCriticalAlertsCard').then(m => ({ Content: m.RecentCriticalAlertsCard })),
  },
});

/** Falco runtime-security alerts: security overview page, entity tab and card, home card. */
export const falcoPlugin = createFrontendPlugin({
  pluginId: 'falco',
  title: 'Runtime security',
  icon: <SecurityIcon />,
  routes: { root: rootRouteRef },
  extensions: [falcoApi, overviewPage, entityTab, entityCard, homeWidget],
});

export default falcoPlugin;
