import { useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FreezeExemption, SloFreeze, SloItem } from '@internal/plugin-slo-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../api/SloApi';

/** One SLO with the owning team and system of its component, for the overview. */
export interface SloOverviewRow extends SloItem {
  /** e.g. `checkout-service` */
  componentName: string;
  /** Owner's entity name (a team), or "unknown" if the component is gone from the catalog. */
  team: string;
  system: string | null;
  burn1h: number | null;
  burn6h: number | null;
  /** This SLO's deploy-freeze state; null before its first evaluation. */
  freeze: SloFreeze | null;
  /** The service's active exemption from its freeze. */
  exemption: FreezeExemption | null;
}

const burnIn = (slo: SloItem, window: string) =>
  slo.status?.windows.find(w => w.window === window)?.burnRate ?? null;

/** Every SLO, joined with the catalog for team and system (one batched catalog request). */
export function useSloOverviewRows() {
  const sloApi = useApi(sloApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsyncRetry(async () => {
    const [{ demo, items }, freezes] = await Promise.all([
      sloApi.listSlos(),
      // The page still shows burn when the freeze state cannot be read; the column says so.
      Promise.resolve()
        .then(() => sloApi.listFreezes())
        .catch((error: Error) => error),
    ]);
    const services = new Map(freezes instanceof Error ? [] : freezes.items.map(f => [f.entityRef, f]));
    const entityRefs = [...new Set(items.map(i => i.entityRef))];
    const { items: entities } = entityRefs.length
      ? await catalogApi.getEntitiesByRefs({
          entityRefs,
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner', 'spec.system'],
        })
      : { items: [] };
    const byRef = new Map(entityRefs.map((ref, i) => [ref, entities[i]]));
    const rows: SloOverviewRow[] = items.map(slo => {
      const entity = byRef.get(slo.entityRef);
      const owner = entity?.spec?.owner;
      const system = entity?.spec?.system;
      return {
        ...slo,
        componentName: parseEntityRef(slo.entityRef).name,
        team: typeof owner === 'string' ? parseEntityRef(owner, { defaultKind: 'group' }).name : 'unknown',
        system: typeof system === 'string' ? parseEntityRef(system, { defaultKind: 'system' }).name : null,
        burn1h: burnIn(slo, '1h'),
        burn6h: burnIn(slo, '6h'),
        freeze: services.get(slo.entityRef)?.slos.find(f => f.sloName === slo.name) ?? null,
        exemption: services.get(slo.entityRef)?.exemption ?? null,
      };
    });
    return { demo, rows, freezeError: freezes instanceof Error ? freezes : undefined };
  }, [sloApi, catalogApi]);
}
