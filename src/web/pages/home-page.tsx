/**
 * `/`: sends the user to the first organisation; on an empty store a site administrator creates
 * one here, anyone else is told to ask one.
 */
import { Redirect } from 'wouter';
import type { Organisation } from '../../contracts';
import { EmptyState } from '../components/empty-state';
import { QueryView, type QueryLike } from '../components/form/query-view';
import { BuildingIcon } from '../components/icons';
import { paths } from '../paths';
import { useMe } from '../session/session-context';
import { CreateOrganisation } from './create-organisation';

export function HomePage({ organisations }: { organisations: QueryLike<Organisation[]> }) {
  const me = useMe();
  return (
    <QueryView
      query={organisations}
      errorTitle="Could not load organisations"
      canRetry
      loadingLabel="Loading organisations"
      isPage
    >
      {(list) => {
        const first = list[0];
        if (first) return <Redirect to={paths.org(first.id)} replace />;
        if (me.isSiteAdmin) return <CreateOrganisation />;
        return (
          <div className="page">
            <EmptyState icon={<BuildingIcon size={22} />} title="You are not in an organisation yet">
              <p>
                Catchball holds one strategy per organisation: its unit tree, OKRs and one X-matrix per unit
                and year. Ask an administrator to give you a role in yours; this page opens it once they have.
              </p>
            </EmptyState>
          </div>
        );
      }}
    </QueryView>
  );
}
