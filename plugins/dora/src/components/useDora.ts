import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef } from '../api/DoraApi';

export const useServiceDora = (entityRef: string) => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getService(entityRef), [api, entityRef]);
};

export const useTeamDora = (entityRef: string) => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getTeam(entityRef), [api, entityRef]);
};

export const useDoraOverview = () => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getOverview(), [api]);
};

/** The backend's 404 for a component it has not ingested (yet). */
export const isNotFound = (error: Error | undefined) => (error as { statusCode?: number } | undefined)?.statusCode === 404;
