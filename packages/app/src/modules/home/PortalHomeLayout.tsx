import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import {
  HomePageLayoutProps,
  HomePageWidgetData,
} from '@backstage/plugin-home-react/alpha';
import { HomePageSearchBar } from '@backstage/plugin-search';
import { SearchContextProvider } from '@backstage/plugin-search-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useMyTeams } from './useMyTeams';

/**
 * Plugins contribute platform-health cards (SLO burn, cost, delivery, security) as
 * `HomePageWidgetBlueprint` widgets whose name starts with this prefix.
 */
export const PLATFORM_HEALTH_WIDGET_PREFIX = 'PlatformHealth';

const isPlatformHealth = (widget: HomePageWidgetData) =>
  widget.name?.startsWith(PLATFORM_HEALTH_WIDGET_PREFIX) ?? false;

function Greeting() {
  const { value } = useMyTeams();
  const teams = value?.teams
    .map(team => (team.spec?.profile as { displayName?: string })?.displayName ?? team.metadata.name)
    .join(', ');
  return (
    <Header
      title={value ? `Welcome, ${value.displayName}` : 'Welcome'}
      subtitle={teams ? `Your teams: ${teams}` : 'Harbor Market developer portal'}
    />
  );
}

/**
 * The portal's home page: the signed-in developer's team services beside what they can
 * start from and follow, then a "Platform health" section of the cards plugins
 * contribute (see PLATFORM_HEALTH_WIDGET_PREFIX), in the order the app installs them.
 */
export function PortalHomeLayout({ widgets }: HomePageLayoutProps) {
  const widgetNamed = (name: string) => widgets.find(w => w.name === name)?.component;
  const healthWidgets = widgets.filter(isPlatformHealth);
  const sideWidgets = widgets.filter(
    w => !isPlatformHealth(w) && !['MyTeamServices', 'StartFromTemplate'].includes(w.name ?? ''),
  );
  return (
    <Page themeId="home">
      <Greeting />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <SearchContextProvider>
              <HomePageSearchBar placeholder="Search services, APIs and docs" />
            </SearchContextProvider>
          </Grid>
          <Grid item xs={12} lg={8}>
            {widgetNamed('MyTeamServices')}
          </Grid>
          <Grid item xs={12} lg={4} container direction="column" spacing={3} wrap="nowrap">
            <Grid item>{widgetNamed('StartFromTemplate')}</Grid>
            {sideWidgets.map((widget, index) => (
              <Grid item key={widget.name ?? index}>
                {widget.component}
              </Grid>
            ))}
          </Grid>
          <Grid item xs={12}>
            <Typography variant="h5" component="h2">
              Platform health
            </Typography>
          </Grid>
          {healthWidgets.length > 0 ? (
            healthWidgets.map((widget, index) => (
              <Grid item xs={12} md={6} xl={4} key={widget.name ?? index}>
                {widget.component}
              </Grid>
            ))
          ) : (
            <Grid item xs={12}>
              <EmptyState
                missing="info"
                title="No platform-health cards installed"
                description="SLO burn, cost, delivery and runtime-security cards appear here as their plugins are added to the app."
              />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
