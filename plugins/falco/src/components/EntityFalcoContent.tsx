import { Content } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { AlertTable } from './AlertTable';

/** The entity's "Runtime security" tab: every Falco event mapped to this component. */
export function EntityFalcoContent() {
  const { entity } = useEntity();
  return (
    <Content>
      <AlertTable entityRef={stringifyEntityRef(entity)} title="Falco runtime-security events" />
    </Content>
  );
}
