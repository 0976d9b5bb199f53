import { Link } from '@backstage/core-components';
import { CheckDefinition, CheckResult } from '@internal/plugin-scorecards-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { CheckStateIcon } from './CheckStateIcon';
import { levelLabel } from './levelColors';

/** Checks with why they failed (or could not be decided), how to fix them, and a link. */
export function CheckList(props: { results: CheckResult[]; definitions: CheckDefinition[]; hideFix?: boolean }) {
  const byId = new Map(props.definitions.map(d => [d.id, d]));
  return (
    <List dense disablePadding>
      {props.results.map(result => {
        const definition = byId.get(result.checkId);
        const title = definition?.title ?? result.checkId;
        return (
          <ListItem key={result.checkId} alignItems="flex-start" disableGutters>
            <ListItemIcon style={{ minWidth: 32, marginTop: 4 }}>
              <CheckStateIcon state={result.state} title={title} />
            </ListItemIcon>
            <ListItemText
              style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 }}
              primary={`${title}${definition ? ` (${levelLabel(definition.level)})` : ''}`}
              secondary={
                <>
                  <Typography component="span" variant="body2" display="block">
                    {result.why}
                  </Typography>
                  {result.howToFix && !props.hideFix && (
                    <Typography component="span" variant="body2" display="block" color="textPrimary">
                      How to fix: {result.howToFix}{' '}
                      {result.link && <Link to={result.link}>Read more</Link>}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
