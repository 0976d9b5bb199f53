import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { describeWindow, FALCO_RECENT_DAYS, totalOf } from '@internal/plugin-falco-common';
import { DemoDataLabel, PluginErrorPanel } from '@internal/portal-react';
import { useLocation } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { falcoApiRef } from '../api/FalcoApi';
import { PriorityCountsBars } from './PriorityCountsBars';
import { formatRelative } from './formatTime';


/** Falco events for this component over the last 7 days, by priority. */
export function EntityFalcoCard() {
  const { entity } = useEntity();
  const api = useApi(falcoApiRef);
  const entityRef = stringifyEntityRef(entity);
  // The card sits on the entity's overview tab; the events tab is its sibling.
  const tabLink = `${useLocation().pathname.replace(/\/$/, '')}/falco`;
  const { value, loading, error } = useAsyncRetry(() => api.getCounts(entityRef, FALCO_RECENT_DAYS), [api, entityRef]);

  let body: JSX.Element;
  if (loading) body = <Progress />;
  else if (error) body = <PluginErrorPanel error={error} />;
  else if (!value) body = <></>;
  else {
    const total = totalOf(value.counts);
    body = (
      <>
        <Typography variant="body2" gutterBottom>
          {total === 0
            ? `No Falco events in the ${describeWindow(value.window)}.`
            : `${total} event${total === 1 ? '' : 's'} in the ${describeWindow(value.window)}.`}{' '}
          {value.lastEventAt ? `Latest ${formatRelative(value.lastEventAt)}.` : 'Falco has never reported this component.'}
        </Typography>
        <PriorityCountsBars counts={value.counts} />
      </>
    );
  }
  return (
    <InfoCard
      title="Runtime security (Falco)"
      subheader={`Events by priority, last ${FALCO_RECENT_DAYS} days (today and the UTC days before)`}
      action={value?.demo ? <Box mt={2} mr={1}><DemoDataLabel source="Falco" /></Box> : undefined}
      deepLink={{ title: 'All events', link: tabLink }}
    >
      {body}
    </InfoCard>
  );
}
