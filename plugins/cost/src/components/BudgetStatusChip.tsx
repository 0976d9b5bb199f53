import {
  BudgetStatus,
  MONTHLY_BUDGET_ANNOTATION,
} from '@internal/plugin-cost-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';

const LABELS: Record<
  BudgetStatus,
  { label: string; title: string; colour: string }
> = {
  over: {
    label: 'Over budget',
    title: 'Month-to-date spend already exceeds the monthly budget.',
    colour: '#C62828',
  },
  'forecast-over': {
    label: 'Heading over budget',
    title:
      'At the current run rate, spend will exceed the budget by month end.',
    colour: '#EF6C00',
  },
  within: {
    label: 'Within budget',
    title: 'Forecast to month end is within the monthly budget.',
    colour: '#2E7D32',
  },
  'no-budget': {
    label: 'No budget',
    title: `Set the ${MONTHLY_BUDGET_ANNOTATION} annotation on the team's Group, or cost.budgets in app-config.`,
    colour: '#757575',
  },
};

export function BudgetStatusChip(props: { status: BudgetStatus }) {
  const { label, title, colour } = LABELS[props.status];
  return (
    <Tooltip title={title}>
      <Chip
        size="small"
        label={label}
        tabIndex={0}
        aria-label={`${label}. ${title}`}
        style={{ backgroundColor: colour, color: '#fff' }}
      />
    </Tooltip>
  );
}

export const budgetStatusLabel = (status: BudgetStatus) => LABELS[status].label;
