import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { DemoDataLabel, formatAge, pluginErrorMessage } from '@internal/portal-react';
import { ExemptionControls } from './ExemptionControls';
import { FreezeOverrides } from './FreezeOverrides';
import { useFreezes } from './useFreezes';

/**
 * First on a service's overview while the error-budget policy freezes its production
 * deploys: since when, why, the exemption if any, and (for the platform group) the controls
 * to exempt it. Renders nothing while the service is not frozen.
 */
export function EntityFreezeBanner() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, error, retry } = useFreezes(entityRef);
  if (error) {
    return (
      <Alert severity="info" variant="outlined">
        Whether deploys are frozen could not be read: {pluginErrorMessage(error)}
      </Alert>
    );
  }
  const freeze = value?.items.find(item => item.entityRef === entityRef);
  if (!value || !freeze?.frozen) return null;
  const exemption = freeze.exemption;
  return (
    <Alert
      severity={exemption ? 'warning' : 'error'}
      role="status"
      action={<ExemptionControls entityRef={entityRef} exemption={exemption} onChange={retry} />}
    >
      <AlertTitle>
        {exemption ? 'Deploy freeze (exempted)' : 'Production deploys are frozen'}
        {freeze.since && ` · started ${formatAge(freeze.since)}`}
      </AlertTitle>
      {freeze.slos
        .filter(slo => slo.frozen)
        .map(slo => (
          <Typography variant="body2" key={slo.sloName}>
            {slo.sloName}: {slo.reason}
          </Typography>
        ))}
      <Typography variant="body2">
        The error-budget policy stops production deploys while an SLO burns at least{' '}
        {value.policy.threshold}× over {value.policy.longWindow} and {value.policy.shortWindow}, or its
        budget is spent; it lifts once both burn below{' '}
        {Number((value.policy.threshold * value.policy.hysteresis).toPrecision(3))}×.
      </Typography>
      {freeze.since && <FreezeOverrides entityRef={entityRef} since={freeze.since} />}
      {exemption && (
        <Typography variant="body2">
          Exempted until {new Date(exemption.expiresAt).toLocaleString()} by {exemption.createdBy}: {exemption.reason}
        </Typography>
      )}
      {value.demo && (
        <Box mt={1}>
          <DemoDataLabel source="Prometheus" />
        </Box>
      )}
    </Alert>
  );
}
