import { ResponseErrorPanel } from '@backstage/core-components';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { classifyPluginError } from './pluginError';

/**
 * The error state of every card and page of the portal's plugins. A plugin that is not
 * running reads "<plugin> is not running: <reason>", with the setting to fix, instead of a
 * network error; anything else is Backstage's ResponseErrorPanel.
 */
export function PluginErrorPanel(props: { error: Error }) {
  const classified = classifyPluginError(props.error);
  if (classified.kind !== 'not-running') return <ResponseErrorPanel error={props.error} />;
  return (
    <Alert severity="warning" role="status">
      <AlertTitle>{classified.message}</AlertTitle>
      {classified.setting
        ? `An administrator fixes ${classified.setting} in the portal's configuration and restarts the backend. `
        : "An administrator finds the cause in the backend's log and restarts it. "}
      The rest of the portal works meanwhile.
    </Alert>
  );
}
