import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../api/SloApi';

/** The current entity's SLOs with their series. */
export function useEntitySlos() {
  const { entity } = useEntity();
  const sloApi = useApi(sloApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(() => sloApi.getEntitySlos(entityRef), [sloApi, entityRef]);
}
