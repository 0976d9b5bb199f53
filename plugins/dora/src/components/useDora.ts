import { useApi } from '@backstage/core-plugin-api';
import { DoraWindow } from '@internal/plugin-dora-common';
import useAsync from 'react-use/esm/useAsync';
import { doraApiRef } from '../api/DoraApi';

export const useServiceDora = (entityRef: string, window: DoraWindow) => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getService(entityRef, window), [api, entityRef, window]);
};

export const useTeamDora = (entityRef: string, window: DoraWindow) => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getTeam(entityRef, window), [api, entityRef, window]);
};

export const useDoraOverview = (window: DoraWindow) => {
  const api = useApi(doraApiRef);
  return useAsync(() => api.getOverview(window), [api, window]);
};

/** The backend's 404 for a component it has not ingested (yet). */
export const isNotFound = (error: Error | undefined) => (error as { statusCode?: number } | undefined)?.statusCode === 404;
