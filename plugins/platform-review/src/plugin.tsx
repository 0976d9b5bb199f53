import { ApiBlueprint, createFrontendPlugin, discoveryApiRef, fetchApiRef, PageBlueprint } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { platformReviewApiRef } from './api/PlatformReviewApi';
import { PlatformReviewClient } from './api/PlatformReviewClient';
import { rootRouteRef } from './routes';

const platformReviewApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformReviewApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new PlatformReviewClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon make its sidebar entry ("Weekly review").
const weeklyReviewPage = PageBlueprint.make({
  params: {
    path: '/platform-review',
    routeRef: rootRouteRef,
    title: 'Weekly review',
    icon: <AssessmentIcon />,
    noHeader: true,
    loader: () => import('./components/WeeklyReviewPage').then(m => <m.WeeklyReviewPage />),
  },
});

/** The platform team's weekly review: a page and its sidebar entry, no entity cards. */
export const platformReviewPlugin = createFrontendPlugin({
  pluginId: 'platform-review',
  title: 'Weekly review',
  icon: <AssessmentIcon />,
  routes: { root: rootRouteRef },
  extensions: [platformReviewApi, weeklyReviewPage],
});
