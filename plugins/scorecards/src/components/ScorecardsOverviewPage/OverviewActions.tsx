import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { scorecardsEvaluatePermission } from '@internal/plugin-scorecards-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import GetAppIcon from '@material-ui/icons/GetApp';
import RefreshIcon from '@material-ui/icons/Refresh';
import { useState } from 'react';
import { OverviewQuery, scorecardsApiRef } from '../../api/ScorecardsApi';

/** CSV export of the filtered grid, and re-evaluation for the platform team. */
export function OverviewActions(props: { query: OverviewQuery; onEvaluated: () => void; onError: (e: Error) => void }) {
  const api = useApi(scorecardsApiRef);
  const { allowed } = usePermission({ permission: scorecardsEvaluatePermission });
  const [evaluating, setEvaluating] = useState(false);

  const exportCsv = async () => {
    try {
      const blob = await api.getOverviewCsv(props.query);
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'scorecards.csv';
      anchor.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      props.onError(e as Error);
    }
  };

  const evaluate = async () => {
    setEvaluating(true);
    try {
      await api.evaluate();
      props.onEvaluated();
    } catch (e) {
      props.onError(e as Error);
    } finally {
      setEvaluating(false);
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<GetAppIcon />} onClick={exportCsv}>
        Export CSV
      </Button>
      <Tooltip title={allowed ? 'Evaluate every entity now' : 'Only members of the platform team can re-evaluate'}>
        <span>
          <Button
            variant="contained"
            color="primary"
            startIcon={<RefreshIcon />}
            disabled={!allowed || evaluating}
            onClick={evaluate}
          >
            {evaluating ? 'Evaluating…' : 'Re-evaluate now'}
          </Button>
        </span>
      </Tooltip>
    </>
  );
}
