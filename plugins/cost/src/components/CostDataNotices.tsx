import {
  COST_SOURCE_LABELS,
  CostResponseMeta,
  CostSourceStatus,
  CostWindowCoverage,
  CostWindowId,
} from '@internal/plugin-cost-common';
import { DemoDataLabel, formatAge } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { formatDay } from './format';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * The demo label, the window's dates and how many of its days are read, a notice naming
 * what each failing source answered with the days of the window it shows, and a note for
 * days a source answered with no cost at all.
 */
export function CostDataNotices(props: {
  meta: CostResponseMeta;
  /** The window the figures below are over; without one, only the sources' state. */
  window?: CostWindowId;
}) {
  const { meta } = props;
  const window = props.window ? meta.windows[props.window] : undefined;
  const failing = meta.sources.filter(s => s.lastError);
  return (
    <Box display="flex" flexDirection="column" mb={1} style={{ gap: 8 }}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        {meta.demo && <DemoDataLabel source="Kubecost or AWS Cost Explorer" />}
        <Typography variant="caption" color="textSecondary">
          {window ? (
            <WindowCoverage window={window} />
          ) : (
            `Up to ${formatDay(meta.through)} (UTC); today is not over yet.`
          )}
        </Typography>
      </Box>
      {failing.map(source => {
        const label = COST_SOURCE_LABELS[source.source];
        const shown = window?.sources.find(s => s.source === source.source);
        return (
          <Alert key={source.source} severity="warning" role="status">
            {source.lastError}.{' '}
            {window
              ? `The figures include ${shown?.daysWithCost ?? 0} of the ${days(
                  window.days,
                )} of this window from ${label}; `
              : ''}
            {days(source.pendingDays)} of the look-back window will be asked for
            again on the next run. {lastRead(source, label)}
          </Alert>
        );
      })}
      {window?.sources
        .filter(s => s.daysEmpty > 0)
        .map(s => (
          <Alert key={`${s.source}-empty`} severity="info">
            {COST_SOURCE_LABELS[s.source]} answered with no cost at all for{' '}
            {s.daysEmpty} of the {days(window.days)}; they are asked for again
            once a day.
          </Alert>
        ))}
    </Box>
  );
}

/** How recent what a failing source has given is. */
function lastRead(source: CostSourceStatus, label: string): string {
  if (source.lastSuccessAt)
    return `Last run without errors ${formatAge(source.lastSuccessAt)}.`;
  if (source.lastIngestedDay)
    return `Every run has had errors so far; the latest day read from ${label} is ${formatDay(
      source.lastIngestedDay,
    )}.`;
  return `Nothing has been read from ${label} yet.`;
}

/** "Last 30 days: 23 Oct – 21 Nov (UTC days; ...). 27 of 30 days read (...)". */
function WindowCoverage(props: { window: CostWindowCoverage }) {
  const { window } = props;
  const bySource = window.sources.map(
    s => `${COST_SOURCE_LABELS[s.source]} ${s.daysWithCost + s.daysEmpty}`,
  );
  return (
    <>
      {window.label}: {formatDay(window.first)} – {formatDay(window.last)} (UTC
      days; today is not over yet).{' '}
      {window.daysRead === window.days
        ? `All ${window.days} days read.`
        : `${window.daysRead} of ${window.days} days read${
            bySource.length > 1 ? ` (${bySource.join(', ')})` : ''
          }; the figures leave the other days out, they are not zero.`}
    </>
  );
}
