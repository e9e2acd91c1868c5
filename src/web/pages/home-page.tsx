/** `/`: sends the user to the first organisation, or explains how to get data in when there is none. */
import { Redirect } from 'wouter';
import type { Organisation } from '../../contracts';
import { EmptyState } from '../components/empty-state';
import { QueryView, type QueryLike } from '../components/form/query-view';
import { BuildingIcon } from '../components/icons';
import { paths } from '../paths';

export function HomePage({ organisations }: { organisations: QueryLike<Organisation[]> }) {
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
        return (
          <div className="page">
            <EmptyState icon={<BuildingIcon size={22} />} title="No organisation yet">
              <p>
                Catchball holds one strategy per organisation: its unit tree, OKRs and one X-matrix per unit
                and year.
              </p>
              <p>
                Import a plan document with <code>catchball import plan.yaml</code>, or start{' '}
                <code>catchball serve</code> on an empty store (without <code>--no-demo</code>) to load the
                demo organisation. Then reload this page.
              </p>
            </EmptyState>
          </div>
        );
      }}
    </QueryView>
  );
}
