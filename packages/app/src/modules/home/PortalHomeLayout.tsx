import { Content, EmptyState, Header, Page } from '@backstage/core-components';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { HomePageSearchBar } from '@backstage/plugin-search';
import { SearchContextProvider } from '@backstage/plugin-search-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useMyTeams } from './useMyTeams';

/** Widgets with a fixed place; every other widget is a platform-health card. */
export const PERSONAL_WIDGET_NAMES = [
  'MyTeamServices',
  'StartFromTemplate',
  'HomePageStarredEntities',
];

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
 * The portal's home page: what the signed-in developer owns and can start from, then a
 * "Platform health" section. Plugins contribute health cards by providing a
 * `HomePageWidgetBlueprint` extension; any widget not named in PERSONAL_WIDGET_NAMES
 * lands in that section, in the order the app installs them.
 */
export function PortalHomeLayout({ widgets }: HomePageLayoutProps) {
  const widgetNamed = (name: string) => widgets.find(w => w.name === name)?.component;
  const healthWidgets = widgets.filter(
    w => !PERSONAL_WIDGET_NAMES.includes(w.name ?? ''),
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
            <Grid item>{widgetNamed('HomePageStarredEntities')}</Grid>
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
