import { EmptyState } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';

/** The component declares SLOs, but no refresh has stored a measurement for them yet. */
export function NotMeasuredYet() {
  return (
    <EmptyState
      missing="data"
      title="No SLO measurements yet"
      description={
        <Typography variant="body2">
          This component declares SLOs; the portal measures them every few minutes. If this
          persists, check that each SLO reads from a Prometheus named under slo.prometheus
          in app-config.yaml and that its selectors carry a service="..." label.
        </Typography>
      }
    />
  );
}
