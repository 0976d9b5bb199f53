import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

const portalHomeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./PortalHomeLayout').then(m => m.PortalHomeLayout),
  },
});

const myTeamServicesWidget = HomePageWidgetBlueprint.make({
  name: 'my-team-services',
  params: {
    name: 'MyTeamServices',
    title: "My team's services",
    description: 'Components owned by the teams you belong to',
    components: () =>
      import('./MyTeamServicesContent').then(m => ({ Content: m.MyTeamServicesContent })),
  },
});

const startFromTemplateWidget = HomePageWidgetBlueprint.make({
  name: 'start-from-template',
  params: {
    name: 'StartFromTemplate',
    title: 'Start from a template',
    description: 'Golden-path templates for new services',
    components: () =>
      import('./TemplatesContent').then(m => ({ Content: m.TemplatesContent })),
  },
});

/** The home page layout and the developer's own widgets (see PortalHomeLayout). */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [portalHomeLayout, myTeamServicesWidget, startFromTemplateWidget],
});
