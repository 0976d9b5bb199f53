import { ApiBlueprint, createFrontendPlugin, discoveryApiRef, fetchApiRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { GITHUB_PROJECT_SLUG_ANNOTATION } from '@internal/plugin-dora-common';
import TimelineIcon from '@material-ui/icons/Timeline';
import { doraApiRef } from './api/DoraApi';
import { DoraClient } from './api/DoraClient';
import { rootRouteRef } from './routes';

const doraApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: doraApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new DoraClient({ discoveryApi, fetchApi }),
    }),
});

// Only components whose deployments can be read from GitHub.
const hasRepository = { kind: 'component', [`metadata.annotations.${GITHUB_PROJECT_SLUG_ANNOTATION}`]: { $exists: true } };

const entityCard = EntityCardBlueprint.make({
  name: 'delivery-performance',
  params: {
    filter: hasRepository,
    loader: () => import('./components/EntityDoraCard').then(m => <m.EntityDoraCard />),
  },
});

const entityContent = EntityContentBlueprint.make({
  name: 'delivery-performance',
  params: {
    path: '/dora',
    title: 'DORA',
    filter: hasRepository,
    loader: () => import('./components/EntityDoraContent').then(m => <m.EntityDoraContent />),
  },
});

const teamCard = EntityCardBlueprint.make({
  name: 'team-delivery-performance',
  params: {
    filter: { kind: 'group' },
    loader: () => import('./components/TeamDoraCard').then(m => <m.TeamDoraCard />),
  },
});

const overviewPage = PageBlueprint.make({
  params: {
    path: '/dora',
    routeRef: rootRouteRef,
    title: 'Delivery performance',
    icon: <TimelineIcon />,
    noHeader: true,
    loader: () => import('./components/DoraOverviewPage').then(m => <m.DoraOverviewPage />),
  },
});

/** Collected into the home page's "Platform health" section by its PlatformHealth prefix. */
const homeCard = HomePageWidgetBlueprint.make({
  name: 'platform-health-dora',
  params: {
    name: 'PlatformHealthDora',
    title: 'Delivery performance (DORA)',
    description: 'Services per DORA tier and how each team delivers',
    components: () => import('./components/DoraHomeCardContent').then(m => ({ Content: m.DoraHomeCardContent })),
  },
});

/** DORA metrics from GitHub deployments: entity card and tab, team card, overview page, home card. */
export const doraPlugin = createFrontendPlugin({
  pluginId: 'dora',
  title: 'Delivery performance',
  icon: <TimelineIcon />,
  routes: { root: rootRouteRef },
  extensions: [doraApi, entityCard, entityContent, teamCard, overviewPage, homeCard],
});

