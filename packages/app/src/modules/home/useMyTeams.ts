import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

export interface MyTeams {
  /** The signed-in user's display name, for the greeting. */
  displayName: string;
  /** Group entities the user belongs to, as `group:namespace/name` refs. */
  teamRefs: string[];
  /** Everything the user or their teams own, for "my team's services". */
  ownershipRefs: string[];
  teams: Entity[];
}

/** Who is signed in and which teams they are on, from the identity token and the catalog. */
export function useMyTeams() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<MyTeams> => {
    const [identity, profile] = await Promise.all([
      identityApi.getBackstageIdentity(),
      identityApi.getProfileInfo(),
    ]);
    const teamRefs = identity.ownershipEntityRefs.filter(
      ref => parseEntityRef(ref).kind.toLocaleLowerCase('en-US') === 'group',
    );
    const {
      items: [user, ...teams],
    } = await catalogApi.getEntitiesByRefs({
      entityRefs: [identity.userEntityRef, ...teamRefs],
    });
    const catalogProfile = user?.spec?.profile as { displayName?: string } | undefined;
    return {
      displayName:
        catalogProfile?.displayName ??
        profile.displayName ??
        parseEntityRef(identity.userEntityRef).name,
      teamRefs,
      ownershipRefs: identity.ownershipEntityRefs,
      teams: teams.filter((t): t is Entity => Boolean(t)),
    };
  }, [identityApi, catalogApi]);
}
