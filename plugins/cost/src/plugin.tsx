import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { COMPONENT_TYPES_WITHOUT_COST } from '@internal/plugin-cost-common';
import MoneyIcon from '@material-ui/icons/AttachMoney';
import { costApiRef } from './api/CostApi';
import { CostClient } from './api/CostClient';

const costApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: costApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CostClient(deps),
    }),
});

/** The /cost overview page; a page with a route ref, title and icon gets a nav item. */
export const costOverviewRouteRef = createRouteRef();

const costOverviewPage = PageBlueprint.make({
  params: {
    path: '/cost',
    routeRef: costOverviewRouteRef,
    title: 'Cost',
    icon: <MoneyIcon />,
    loader: () =>
      import('./components/CostOverviewPage').then(m => <m.CostOverviewPage />),
  },
});

const isTeam = (entity: Entity) =>
  entity.kind.toLowerCase() === 'group' && entity.spec?.type === 'team';
const isRunningComponent = (entity: Entity) =>
  entity.kind.toLowerCase() === 'component' &&
  !COMPONENT_TYPES_WITHOUT_COST.includes(String(entity.spec?.type));

const teamCostCard = EntityCardBlueprint.make({
  name: 'team-cost',
  params: {
    filter: isTeam,
    loader: () =>
      import('./components/TeamCostCard').then(m => <m.TeamCostCard />),
  },
});

const serviceCostCard = EntityCardBlueprint.make({
  name: 'service-cost',
  params: {
    filter: isRunningComponent,
    loader: () =>
      import('./components/ServiceCostCard').then(m => <m.ServiceCostCard />),
  },
});

const platformHealthCostWidget = HomePageWidgetBlueprint.make({
  name: 'platform-health-cost',
  params: {
    // The home page gathers widgets named PlatformHealth* into its "Platform health" row.
    name: 'PlatformHealthCost',
    title: 'Cost this month',
    description:
      "Your teams' spend against budget, and the organisation's total",
    components: () =>
      import('./components/PlatformHealthCostContent').then(m => ({
        Content: m.PlatformHealthCostContent,
      })),
  },
});

const platformHealthCostAnomaliesWidget = HomePageWidgetBlueprint.make({
  name: 'platform-health-cost-anomalies',
  params: {
    name: 'PlatformHealthCostAnomalies',
    title: 'Cost anomalies',
    description:
      'Teams and services whose daily spend jumped away from their usual for that weekday',
    components: () =>
      import('./components/PlatformHealthCostAnomaliesContent').then(m => ({
        Content: m.PlatformHealthCostAnomaliesContent,
      })),
  },
});

/** Cost per team and service: entity cards, the /cost overview page and a home-page card. */
export const costPlugin = createFrontendPlugin({
  pluginId: 'cost',
  routes: { overview: costOverviewRouteRef },
  extensions: [
    costApi,
    costOverviewPage,
    teamCostCard,
    serviceCostCard,
    platformHealthCostWidget,
    platformHealthCostAnomaliesWidget,
  ],
});
