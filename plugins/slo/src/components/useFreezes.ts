import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../api/SloApi';

/** Deploy-freeze states from the store (every service's, or one's), with a retry to reload. */
export function useFreezes(entityRef?: string) {
  const sloApi = useApi(sloApiRef);
  return useAsyncRetry(() => sloApi.listFreezes(entityRef), [sloApi, entityRef]);
}
