import { useApi } from '@backstage/frontend-plugin-api';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { formatAge } from '@internal/portal-react';
import useAsync from 'react-use/esm/useAsync';
import { sloApiRef } from '../api/SloApi';

/**
 * The emergency overrides CI recorded for this service since its freeze began: how many,
 * and the latest one's reason, who and which run. Nothing when there were none or they
 * cannot be read (the banner's own message does not depend on them).
 */
export function FreezeOverrides({ entityRef, since }: { entityRef: string; since: string }) {
  const sloApi = useApi(sloApiRef);
  const { value } = useAsync(() => sloApi.listOverrides(entityRef, since), [sloApi, entityRef, since]);
  const overrides = value?.items ?? [];
  if (overrides.length === 0) return null;
  const [latest] = overrides;
  const times = overrides.length === 1 ? 'once' : `${overrides.length} times`;
  return (
    <Typography variant="body2">
      <strong>Deployed under emergency override {times} during this freeze.</strong> Latest{' '}
      {formatAge(latest.createdAt)} by {latest.actor ?? latest.recordedBy}: {latest.reason}
      {latest.runUrl && (
        <>
          {' '}
          (
          <Link href={latest.runUrl} target="_blank" rel="noopener noreferrer">
            CI run
          </Link>
          )
        </>
      )}
    </Typography>
  );
}
