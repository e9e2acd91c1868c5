/** Shown for any address the app does not know. */
import { Link } from 'wouter';
import { EmptyState } from '../components/empty-state';
import { InfoIcon } from '../components/icons';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        icon={<InfoIcon size={22} />}
        title="Page not found"
        action={<Link href="/">Go to the start page</Link>}
      >
        This address does not match any page of Catchball.
      </EmptyState>
    </div>
  );
}
