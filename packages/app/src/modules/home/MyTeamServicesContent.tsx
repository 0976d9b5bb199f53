import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import useAsync from 'react-use/esm/useAsync';
import { useMyTeams } from './useMyTeams';

const columns: TableColumn<Entity>[] = [
  {
    title: 'Name',
    field: 'metadata.name',
    highlight: true,
    render: entity => <EntityRefLink entityRef={entity} />,
  },
  { title: 'Type', field: 'spec.type' },
  { title: 'Lifecycle', field: 'spec.lifecycle' },
  {
    title: 'System',
    render: entity => (
      <EntityRefLinks entityRefs={getEntityRelations(entity, 'partOf')} defaultKind="system" />
    ),
  },
  {
    title: 'Owner',
    render: entity => (
      <EntityRefLinks entityRefs={getEntityRelations(entity, 'ownedBy')} defaultKind="group" />
    ),
  },
];

/** The components the signed-in user's teams own: where a developer starts the day. */
export function MyTeamServicesContent() {
  const catalogApi = useApi(catalogApiRef);
  const myTeams = useMyTeams();
  const owned = useAsync(async () => {
    if (!myTeams.value) return undefined;
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Component',
        'relations.ownedBy': myTeams.value.ownershipRefs,
      },
      order: { field: 'metadata.name', order: 'asc' },
    });
    return items;
  }, [catalogApi, myTeams.value]);

  if (myTeams.loading || owned.loading) return <Progress />;
  const error = myTeams.error ?? owned.error;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!owned.value?.length) {
    return (
      <EmptyState
        missing="data"
        title="Your teams own no components yet"
        description="Create a service from a golden-path template, or register an existing repository's catalog-info.yaml."
        action={
          <>
            <Button variant="contained" color="primary" href="/create">
              Create a component
            </Button>{' '}
            <Button variant="outlined" href="/catalog-import">
              Register existing
            </Button>
          </>
        }
      />
    );
  }
  return (
    <Table<Entity>
      columns={columns}
      data={owned.value}
      options={{ paging: owned.value.length > 10, pageSize: 10, search: false, toolbar: false, padding: 'dense' }}
      emptyContent={<Link to="/create">Create a component</Link>}
    />
  );
}
