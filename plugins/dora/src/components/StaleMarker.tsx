import { IngestionStatus } from '@internal/plugin-dora-common';
import { formatAge } from '@internal/portal-react';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

/** Marks a row whose latest refresh failed: its figures are from its last complete read. */
export function StaleMarker(props: { status: IngestionStatus }) {
  const { stale, lastError, lastSuccessAt } = props.status;
  if (!stale) return null;
  const title = `The latest refresh failed (${lastError ?? 'unknown error'}); the figures are from ${
    lastSuccessAt ? `the last complete read, ${formatAge(lastSuccessAt)}` : 'no complete read yet'
  }.`;
  return (
    <Tooltip title={title}>
      <Chip label="stale" size="small" variant="outlined" tabIndex={0} aria-label={`Stale. ${title}`} style={{ marginLeft: 8, borderColor: '#ed6c02', color: '#b26a00' }} />
    </Tooltip>
  );
}
