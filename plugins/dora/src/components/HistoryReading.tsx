import { HistoryReadState } from '@internal/plugin-dora-common';
import Typography from '@material-ui/core/Typography';

/**
 * "reading history (2 of 3 pages)": how far the first read of a service's GitHub history
 * got. Until it finishes the service has no figures and no tier, since a partial read is
 * not a figure.
 */
export function historyReadingText(history: HistoryReadState): string {
  const pages = history.pagesTotal ? `${history.pagesRead} of ${history.pagesTotal} pages` : 'not started';
  const pending =
    history.pagesTotal !== null && history.pagesRead >= history.pagesTotal && history.deploymentsPending > 0
      ? `, ${history.deploymentsPending} deployments' outcomes or commits to read`
      : '';
  return `reading history (${pages}${pending})`;
}

/** In place of a service's figures while its history is still being read. */
export function ReadingHistoryNotice(props: { history: HistoryReadState; lastError: string | null }) {
  return (
    <Typography variant="body2" color="textSecondary" role="status">
      GitHub history is still {historyReadingText(props.history)}: no figures and no tier until it is complete.
      {props.lastError ? ' The last refresh stopped early and the next one carries on where it stopped.' : ''}
    </Typography>
  );
}
