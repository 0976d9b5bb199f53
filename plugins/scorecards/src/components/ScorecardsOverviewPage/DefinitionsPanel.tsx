import { WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { DefinitionsResponse, scorecardsDefinitionsUpdatePermission } from '@internal/plugin-scorecards-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { scorecardsApiRef } from '../../api/ScorecardsApi';

/** The definitions in force as YAML; the platform team can edit them here. */
export function DefinitionsPanel(props: { definitions: DefinitionsResponse; onSaved: () => void }) {
  const { definitions } = props;
  const api = useApi(scorecardsApiRef);
  const { allowed } = usePermission({ permission: scorecardsDefinitionsUpdatePermission });
  const [editing, setEditing] = useState(false);
  const [yaml, setYaml] = useState(definitions.yaml);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error>();

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await api.saveDefinitions(yaml);
      setEditing(false);
      props.onSaved();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(false);
    }
  };

  const origin =
    definitions.source === 'file'
      ? 'from the file named by scorecards.definitionsFile'
      : `saved in the portal by ${definitions.updatedBy ?? 'unknown'}`;
  return (
    <Accordion>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="scorecards-definitions" id="scorecards-definitions-header">
        <Typography>Definitions: checks, facts and levels ({origin})</Typography>
      </AccordionSummary>
      <AccordionDetails id="scorecards-definitions" style={{ display: 'block' }}>
        {definitions.missingFacts.length > 0 && (
          <WarningPanel
            title="Some checks have no fact source installed"
            message={`No backend module provides ${definitions.missingFacts.join(', ')}, so these checks are unknown for every entity until it is installed.`}
          />
        )}
        <Box display="flex" justifyContent="flex-end" my={1}>
          <Button variant="outlined" disabled={!allowed} onClick={() => setEditing(true)}>
            {allowed ? 'Edit definitions' : 'Only the platform team can edit definitions'}
          </Button>
        </Box>
        <Box component="pre" fontSize={12} overflow="auto" maxHeight={480} bgcolor="action.hover" p={2}>
          {definitions.yaml}
        </Box>
      </AccordionDetails>
      <Dialog open={editing} onClose={() => setEditing(false)} fullWidth maxWidth="md">
        <DialogTitle>Edit scorecard definitions</DialogTitle>
        {/* Outside the scrolling content, so the fields at fault stay in view. */}
        {error && (
          <Alert severity="error" style={{ margin: '0 24px 8px', maxHeight: 160, overflow: 'auto' }}>
            {/* A ResponseError's own message is only the status; the backend's says what to fix. */}
            {error instanceof ResponseError ? error.body.error.message : error.message}
          </Alert>
        )}
        <DialogContent>
          <TextField
            id="scorecards-definitions-yaml"
            label="Definitions (YAML)"
            multiline
            fullWidth
            minRows={20}
            value={yaml}
            onChange={e => setYaml(e.target.value)}
            inputProps={{ style: { fontFamily: 'monospace', fontSize: 12 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
          <Button color="primary" variant="contained" disabled={saving} onClick={save}>
            {saving ? 'Saving…' : 'Save and re-evaluate'}
          </Button>
        </DialogActions>
      </Dialog>
    </Accordion>
  );
}
