import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OverviewResponse, OverviewRow } from '@internal/plugin-scorecards-common';
import { CheckStateIcon } from '../CheckStateIcon';
import { LevelChip } from '../LevelChip';

/** Services × checks of one scorecard: a row per entity, a column per check. */
export function ChecksGrid(props: { overview: OverviewResponse; scorecardId: string }) {
  const { overview, scorecardId } = props;
  const scorecard = overview.scorecards.find(s => s.id === scorecardId);
  if (!scorecard) return null;
  const rows = overview.rows.filter(row => scorecardId in row.checks);
  const levelRank = (row: OverviewRow) => overview.levels.indexOf(row.levels[scorecardId] ?? '');
  const columns: TableColumn<OverviewRow>[] = [
    {
      title: 'Entity',
      field: 'title',
      highlight: true,
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => <EntityRefLink entityRef={row.entityRef} title={row.title} />,
    },
    {
      title: 'Team',
      field: 'owner',
      cellStyle: { whiteSpace: 'nowrap' },
      render: row => (row.owner ? <EntityRefLink entityRef={row.owner} defaultKind="group" /> : '—'),
    },
    { title: 'Lifecycle', field: 'lifecycle' },
    {
      title: 'Level',
      field: 'levels',
      customSort: (a, b) => levelRank(a) - levelRank(b),
      render: row => <LevelChip level={row.levels[scorecardId] ?? null} levels={overview.levels} />,
    },
    ...scorecard.checks.map(
      (check, index): TableColumn<OverviewRow> => ({
        title: check.title,
        field: `checks.${scorecardId}.${index}`,
        sorting: false,
        align: 'center',
        headerStyle: { fontSize: 11, lineHeight: 1.2, minWidth: 72, padding: '8px 4px' },
        cellStyle: { padding: '4px' },
        render: row => <CheckStateIcon state={row.checks[scorecardId][index]} title={`${row.title}: ${check.title}`} />,
      }),
    ),
  ];
  return (
    <Table<OverviewRow>
      title={`${scorecard.title}: ${rows.length} entities`}
      columns={columns}
      data={rows}
      options={{ paging: rows.length > 20, pageSize: 20, padding: 'dense', search: true }}
    />
  );
}
