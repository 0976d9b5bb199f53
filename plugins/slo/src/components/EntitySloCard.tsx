import { InfoCard, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import { SloItem } from '@internal/plugin-slo-common';
import { Fragment } from 'react';
import { AlertStateChip } from './AlertStateChip';
import { BudgetBar } from './BudgetBar';
import { BurnByWindowTable } from './BurnByWindowTable';
import { NotMeasuredYet } from './NotMeasuredYet';
import { SloFreshness } from './SloFreshness';
import { formatMinutes, formatTarget } from './sloFormat';
import { useEntitySlos } from './useEntitySlos';
import { PluginErrorPanel } from '@internal/portal-react';

function SloSummary({ slo }: { slo: SloItem }) {
  const status = slo.status;
  return (
    <Box py={1}>
      <Box display="flex" justifyContent="space-between" alignItems="center" gridGap={8}>
        <Box>
          <Typography variant="subtitle1" component="h3">
            {slo.displayName}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {formatTarget(slo.target)} over {slo.window}
          </Typography>
        </Box>
        {status && <AlertStateChip state={status.alertState} exhausted={status.budgetExhausted} />}
      </Box>
      {status ? (
        <>
          <Box mt={1}>
            <Typography variant="caption" color="textSecondary">
              Error budget left
              {status.budgetRemainingMinutes !== null && status.budgetRemainingMinutes > 0
                ? ` · ${formatMinutes(status.budgetRemainingMinutes)} of full outage`
                : ''}
              {status.minutesUntilExhausted !== null && status.minutesUntilExhausted > 0
                ? ` · gone in ${formatMinutes(status.minutesUntilExhausted)} at the current burn`
                : ''}
            </Typography>
            <BudgetBar remaining={status.budgetRemaining} label={`${slo.displayName} error budget left`} />
          </Box>
          <Box mt={1}>
            <Typography variant="caption" color="textSecondary">
              Burn rate per window (1× spends the budget exactly over {slo.window})
            </Typography>
            <BurnByWindowTable windows={status.windows} caption={`${slo.displayName} burn rate per window`} />
          </Box>
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Not measured yet{slo.error ? `: ${slo.error}` : ''}.
        </Typography>
      )}
    </Box>
  );
}

/** On a service's overview: each SLO's budget left, burn per window and alert state. */
export function EntitySloCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error } = useEntitySlos();
  const tabLink = `${entityRoute({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  })}/slo`;

  let content;
  if (loading) content = <Progress />;
  else if (error) content = <PluginErrorPanel error={error} />;
  else if (!value || value.items.length === 0) content = <NotMeasuredYet />;
  else {
    content = (
      <>
        <SloFreshness demo={value.demo} items={value.items} />
        {value.items.map((slo, index) => (
          <Fragment key={slo.name}>
            {index > 0 && <Divider />}
            <SloSummary slo={slo} />
          </Fragment>
        ))}
      </>
    );
  }
  return (
    <InfoCard title="Service level objectives" deepLink={{ title: 'Burn and budget charts', link: tabLink }}>
      {content}
    </InfoCard>
  );
}
