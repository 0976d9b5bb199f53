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
import { Entity } from '@backstage/catalog-model';
import TrendingDownIcon from '@material-ui/icons/TrendingDown';
import { declaresSlos } from '@internal/plugin-slo-common';
import { sloApiRef } from './api/SloApi';
import { SloClient } from './api/SloClient';
import { sloOverviewRouteRef } from './routes';

const hasSlos = (entity: Entity) => entity.kind === 'Component' && declaresSlos(entity.metadata.annotations);

const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new SloClient(deps),
    }),
});

const sloEntityCard = EntityCardBlueprint.make({
  name: 'burn',
  params: {
    filter: hasSlos,
    loader: () => import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/** Placed first on the overview (app-config.yaml); renders only while deploys are frozen. */
const freezeBanner = EntityCardBlueprint.make({
  name: 'freeze-banner',
  params: {
    filter: hasSlos,
    type: 'content',
    loader: () => import('./components/EntityFreezeBanner').then(m => <m.EntityFreezeBanner />),
  },
});

const sloEntityContent = EntityContentBlueprint.make({
  name: 'burn',
  params: {
    path: 'slo',
    title: 'SLOs',
    filter: hasSlos,
    loader: () => import('./components/EntitySloContent').then(m => <m.EntitySloContent />),
  },
});

const sloOverviewPage = PageBlueprint.make({
  params: {
    path: '/slo',
    title: 'SLOs',
    icon: <TrendingDownIcon />,
    routeRef: sloOverviewRouteRef,
    loader: () => import('./components/SloOverviewPage').then(m => <m.SloOverviewPage />),
  },
});

const worstBurnersWidget = HomePageWidgetBlueprint.make({
  name: 'worst-burners',
  params: {
    name: 'PlatformHealthSloBurn',
    title: 'Error budgets burning fastest',
    description: 'SLOs that page or ticket right now, worst first',
    components: () =>
      import('./components/WorstBurnersContent').then(m => ({ Content: m.WorstBurnersContent })),
  },
});

/** SLO burn: deploy-freeze banner, entity card and tab, the overview page, and a home-page card. */
export const sloPlugin = createFrontendPlugin({
  pluginId: 'slo',
  routes: { overview: sloOverviewRouteRef },
  extensions: [sloApi, freezeBanner, sloEntityCard, sloEntityContent, sloOverviewPage, worstBurnersWidget],
});
