/** `/`: sends the user to the first organisation, or explains how to get data in when there is none. */
import { Redirect } from 'wouter';
import type { Organisation } from '../../contracts';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, BuildingIcon } from '../components/icons';
import { LoadingBlock } from '../components/spinner';
import type { QueryState } from '../hooks/use-query';

export function HomePage({ organisations }: { organisations: QueryState<Organisation[]> }) {
  if (organisations.error) {
    return (
      <div className="page">
        <EmptyState
          tone="error"
          icon={<AlertIcon size={22} />}
          title="Could not load organisations"
          action={<Button onClick={() => void organisations.refetch()}>Try again</Button>}
        >
          {organisations.error.message}
        </EmptyState>
      </div>
    );
  }
  if (organisations.loading || !organisations.data) {
    return (
      <div className="page">
        <LoadingBlock label="Loading organisations" />
      </div>
    );
  }
  const first = organisations.data[0];
  if (first) return <Redirect to={`/org/${first.id}`} replace />;
  return (
    <div className="page">
      <EmptyState icon={<BuildingIcon size={22} />} title="No organisation yet">
        <p>
          Catchball holds one strategy per organisation: its unit tree, OKRs and one X-matrix per unit and
          year.
        </p>
        <p>
          Import a plan document with <code>catchball import plan.yaml</code>, or start{' '}
          <code>catchball serve</code> on an empty store (without <code>--no-demo</code>) to load the demo
          organisation. Then reload this page.
        </p>
      </EmptyState>
    </div>
  );
}
