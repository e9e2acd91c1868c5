/** Whole-page loading and error states, for pages that wait on a query before drawing anything. */
import { EmptyState } from './empty-state';
import { AlertIcon } from './icons';
import { LoadingBlock } from './spinner';

export function PageLoading() {
  return (
    <div className="page">
      <LoadingBlock />
    </div>
  );
}

export function PageError({ title, error }: { title: string; error: Error }) {
  return (
    <div className="page">
      <EmptyState tone="error" icon={<AlertIcon size={22} />} title={title}>
        {error.message}
      </EmptyState>
    </div>
  );
}
