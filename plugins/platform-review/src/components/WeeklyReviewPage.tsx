import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { reviewRule } from '@internal/plugin-platform-review-common';
import { DemoDataLabel, PluginErrorPanel } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { platformReviewApiRef } from '../api/PlatformReviewApi';
import { ExportButtons } from './ExportButtons';
import { IndicatorCard } from './IndicatorCard';
import { WeekPicker } from './WeekPicker';

/** The platform team's weekly review: every indicator for one ISO week. */
export function WeeklyReviewPage() {
  const api = useApi(platformReviewApiRef);
  const [week, setWeek] = useState<string>('current');
  const [currentWeek, setCurrentWeek] = useState<string | null>(null);
  const { value, loading, error } = useAsync(() => api.getWeek(week), [api, week]);
  useEffect(() => {
    if (week === 'current' && value) setCurrentWeek(value.isoWeek);
  }, [week, value]);

  return (
    <Page themeId="tool">
      <Header
        title="Weekly review"
        subtitle="The platform team's leading indicators against their targets, per ISO week"
      />
      <Content>
        <ContentHeader title={value ? `Week ${value.isoWeek}` : 'Week'}>
          <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 12 }}>
            {value?.demo && <DemoDataLabel />}
            {value && currentWeek && (
              <WeekPicker currentWeek={currentWeek} timeZone={value.timeZone} value={value.isoWeek} onChange={setWeek} />
            )}
            {value && <ExportButtons review={value} />}
          </Box>
        </ContentHeader>
        {loading && <Progress />}
        {error && <PluginErrorPanel error={error} />}
        {value && !loading && (
          <>
            <Typography variant="body2" color="textSecondary" paragraph>
              {new Date(value.start).toLocaleDateString('en-GB', { timeZone: value.timeZone })} to{' '}
              {new Date(Date.parse(value.end) - 1).toLocaleDateString('en-GB', { timeZone: value.timeZone })} ({value.timeZone})
              {value.partial ? ': the week so far.' : '.'} {reviewRule(value)}
            </Typography>
            {value.indicators.length === 0 ? (
              <EmptyState title="No indicators" missing="data" description="No platform indicators are configured." />
            ) : (
              <Grid container spacing={3}>
                {value.indicators.map(indicator => (
                  <Grid item xs={12} md={6} xl={4} key={indicator.id}>
                    <IndicatorCard indicator={indicator} review={value} />
                  </Grid>
                ))}
              </Grid>
            )}
          </>
        )}
      </Content>
    </Page>
  );
}
