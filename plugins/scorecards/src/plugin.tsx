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
import AssessmentIcon from '@material-ui/icons/Assessment';
import { scorecardsApiRef } from './api/ScorecardsApi';
import { ScorecardsClient } from './api/ScorecardsClient';

export const rootRouteRef = createRouteRef();

const scorecardsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scorecardsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new ScorecardsClient({ discoveryApi, fetchApi }),
    }),
});

/** The overview; its title and icon also make the sidebar item. */
const scorecardsPage = PageBlueprint.make({
  params: {
    path: '/scorecards',
    title: 'Scorecards',
    icon: <AssessmentIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ScorecardsOverviewPage/ScorecardsOverviewPage').then(m => <m.ScorecardsOverviewPage />),
  },
});

const entityScorecardsCard = EntityCardBlueprint.make({
  name: 'scorecards',
  params: {
    filter: 'kind:component',
    loader: () =>
      import('./components/EntityScorecardsCard/EntityScorecardsCard').then(m => <m.EntityScorecardsCard />),
  },
});

const teamScorecardsCard = EntityCardBlueprint.make({
  name: 'team-scorecards',
  params: {
    filter: 'kind:group',
    loader: () => import('./components/TeamScorecardsCard/TeamScorecardsCard').then(m => <m.TeamScorecardsCard />),
  },
});

/** Collected into the home page's "Platform health" section by its `PlatformHealth` name. */
const platformHealthScorecardsWidget = HomePageWidgetBlueprint.make({
  name: 'platform-health-scorecards',
  params: {
    name: 'PlatformHealthScorecards',
    title: 'Scorecards',
    description: 'Levels every service reached on the platform team’s scorecards',
    components: () =>
      import('./components/PlatformHealthScorecardsCard/PlatformHealthScorecardsContent').then(m => ({
        Content: m.PlatformHealthScorecardsContent,
      })),
  },
});

export const scorecardsPlugin = createFrontendPlugin({
  pluginId: 'scorecards',
  title: 'Scorecards',
  icon: <AssessmentIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    scorecardsApi,
    scorecardsPage,
    entityScorecardsCard,
    teamScorecardsCard,
    platformHealthScorecardsWidget,
  ],
});
