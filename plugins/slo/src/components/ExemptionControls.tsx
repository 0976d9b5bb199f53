import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FreezeExemption, sloFreezeExemptPermission } from '@internal/plugin-slo-common';
import { useState } from 'react';
import { sloApiRef } from '../api/SloApi';

/**
 * Create or remove a service's exemption from its deploy freeze. Shown only to those the
 * permission policy allows `slo.freeze.exempt` (the platform group).
 */
export function ExemptionControls(props: {
  entityRef: string;
  exemption: FreezeExemption | null;
  onChange: () => void;
}) {
  const sloApi = useApi(sloApiRef);
  const { allowed } = usePermission({ permission: sloFreezeExemptPermission });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [hours, setHours] = useState('4');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setOpen(false);
      props.onChange();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (props.exemption) {
    const exemption = props.exemption;
    return (
      <Box display="flex" alignItems="center" gridGap={8}>
        <Button size="small" variant="outlined" disabled={busy} onClick={() => run(() => sloApi.removeExemption(exemption.id))}>
          Remove exemption
        </Button>
        {error && <Typography color="error" variant="caption" role="alert">{error}</Typography>}
      </Box>
    );
  }
  const validHours = Number(hours) > 0 && Number(hours) <= 168;
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)}>
        Exempt from freeze
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="slo-exemption-title">
        <DialogTitle id="slo-exemption-title">Let this service deploy during its freeze</DialogTitle>
        <DialogContent>
          <TextField
            id="slo-exemption-reason"
            // The dialog exists to take a reason: its only field gets the focus on open.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            fullWidth
            margin="dense"
            label="Reason"
            helperText="Recorded with your name, e.g. the fix for the incident that burns the budget"
            value={reason}
            onChange={e => setReason(e.target.value)}
          />
          <TextField
            id="slo-exemption-hours"
            fullWidth
            margin="dense"
            type="number"
            label="Expires after (hours)"
            helperText="At most 168 hours (7 days)"
            error={!validHours}
            value={hours}
            onChange={e => setHours(e.target.value)}
          />
          {error && <Typography color="error" role="alert">{error}</Typography>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy || reason.trim().length < 5 || !validHours}
            onClick={() =>
              run(() =>
                sloApi.addExemption({
                  entityRef: props.entityRef,
                  reason: reason.trim(),
                  expiresAt: new Date(Date.now() + Number(hours) * 3_600_000).toISOString(),
                }),
              )
            }
          >
            Exempt
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
