import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import useAsync from 'react-use/esm/useAsync';

/** Golden-path templates, each one click away from its form. */
export function TemplatesContent() {
  const catalogApi = useApi(catalogApiRef);
  const templates = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Template' },
      order: { field: 'metadata.title', order: 'asc' },
    });
    return items;
  }, [catalogApi]);

  if (templates.loading) return <Progress />;
  if (templates.error) return <ResponseErrorPanel error={templates.error} />;
  if (!templates.value?.length) {
    return (
      <Box padding={1}>
        <Typography variant="subtitle1" gutterBottom>
          No templates registered
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          The platform team publishes golden-path templates as Template entities;
          register one to let developers create services here.
        </Typography>
        <Button variant="outlined" href="/catalog-import">
          Register a template
        </Button>
      </Box>
    );
  }
  return (
    <List dense>
      {templates.value.map(template => {
        const namespace = template.metadata.namespace ?? 'default';
        return (
          <ListItem key={`${namespace}/${template.metadata.name}`}>
            <ListItemText
              primary={
                <Link to={`/create/templates/${namespace}/${template.metadata.name}`}>
                  {template.metadata.title ?? template.metadata.name}
                </Link>
              }
              secondary={template.metadata.description}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
