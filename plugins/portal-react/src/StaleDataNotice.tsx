import Alert from '@material-ui/lab/Alert';
import { formatAge } from './formatAge';

/**
 * Says that the figures shown are the last good ones and how old they are, because the
 * outside system behind them did not answer on the latest refresh.
 */
export function StaleDataNotice(props: {
  /** The outside system, as users know it ("Prometheus", "Kubecost"). */
  source: string;
  /** When the figures shown were last refreshed successfully, ISO 8601; absent if never. */
  lastSuccessAt?: string | null;
  /** Why the latest refresh failed, as the backend reported it. */
  error?: string | null;
}) {
  const { source, lastSuccessAt, error } = props;
  const age = lastSuccessAt
    ? `Showing the last good values, refreshed ${formatAge(lastSuccessAt)}.`
    : 'No values have been read yet.';
  return (
    <Alert severity="warning" role="status">
      {source} did not answer on the latest refresh. {age}
      {error ? ` Reason: ${error}` : ''}
    </Alert>
  );
}
