import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  ServiceCostResponse,
} from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { CostDataNotices } from './CostDataNotices';
import { CostTrendChart } from './CostTrendChart';
import { CostBreakdownList } from './CostBreakdownList';
import { EfficiencyFigures } from './EfficiencyFigures';
import { RecentCostAnomalies } from './RecentCostAnomalies';
import { CATEGORY_COLOURS } from './palette';
import { PluginErrorPanel, formatMoney } from '@internal/portal-react';

/** On a component's page: 30-day trend by category, the breakdown, efficiency and unit cost. */
export function ServiceCostCard() {
  const { entity } = useEntity();
  const costApi = useApi(costApiRef);
  const { value, loading, error } = useAsync(
    () =>
      costApi.getService({
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
    [entity.metadata.namespace, entity.metadata.name],
  );
  return (
    <InfoCard
      title="Cost"
      subheader="Last 30 days"
      deepLink={{ title: 'Cost overview', link: '/cost' }}
    >
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && (
        <>
          <CostDataNotices meta={value} window="30d" />
          {value.service.last30DaysUsd === 0 ? (
            <Typography>
              No cost has been reported for this service in the last 30 days.
              Sources match it by its allocation key{' '}
              <code>{value.service.allocationKey}</code>.
            </Typography>
          ) : (
            <ServiceCostDetails value={value} />
          )}
        </>
      )}
    </InfoCard>
  );
}

function ServiceCostDetails(props: { value: ServiceCostResponse }) {
  const { value } = props;
  const used = COST_CATEGORIES.filter(c =>
    value.trend.some(p => p.byCategory[c] > 0),
  );
  // A day no source answered for is a gap, not a day that cost nothing.
  const points = value.trend.map(p => ({
    day: p.day,
    ...Object.fromEntries(used.map(c => [c, p.read ? p.byCategory[c] : null])),
  }));
  return (
    <Grid container spacing={2}>
      {value.service.entityRef && (
        <Grid item xs={12}>
          <RecentCostAnomalies entityRef={value.service.entityRef} />
        </Grid>
      )}
      <Grid item xs={12}>
        <Box display="flex" style={{ gap: 32 }} flexWrap="wrap">
          <Figure
            label="Last 30 days"
            value={formatMoney(value.service.last30DaysUsd)}
          />
          <Figure
            label="Month to date"
            value={formatMoney(value.service.monthToDateUsd)}
          />
          {value.unitCost && (
            <Figure
              label={`Per ${value.unitCost.per.toLocaleString('en-US')} ${
                value.unitCost.unit
              }`}
              value={formatMoney(value.unitCost.usd)}
              note={`Its own spend ÷ its ${value.unitCost.unit}, over the ${value.unitCost.countedDays} of ${value.unitCost.days} days with both read`}
            />
          )}
        </Box>
      </Grid>
      <Grid item xs={12}>
        <CostTrendChart
          title={`Daily cost of ${value.service.allocationKey} over the last 30 days, by category`}
          points={points}
          series={used.map(c => ({
            key: c,
            label: COST_CATEGORY_LABELS[c],
            colour: CATEGORY_COLOURS[c],
          }))}
          height={220}
        />
      </Grid>
      <Grid item xs={12} md={7}>
        <CostBreakdownList breakdown={value.byCategoryLast30Days} />
      </Grid>
      <Grid item xs={12} md={5}>
        <EfficiencyFigures efficiency={value.efficiency} />
      </Grid>
    </Grid>
  );
}

function Figure(props: { label: string; value: string; note?: string }) {
  return (
    <Box maxWidth={220}>
      <Typography variant="h5" component="p">
        {props.value}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        {props.label}
      </Typography>
      {props.note && (
        <Typography variant="caption" color="textSecondary" component="p">
          {props.note}
        </Typography>
      )}
    </Box>
  );
}
