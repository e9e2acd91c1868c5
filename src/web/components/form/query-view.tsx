/** The four states of a query result — loading, error, empty, data — drawn the same way everywhere. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button';
import { EmptyState } from '../empty-state';
import { AlertIcon } from '../icons';
import { LoadingBlock } from '../spinner';

/** The part of a TanStack Query result a view needs. */
export interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  refetch: () => Promise<unknown>;
}

interface QueryViewProps<T> {
  query: QueryLike<T>;
  /** Title of the error state ("Could not load the members"). */
  errorTitle: string;
  /** Offer "Try again" on an error. */
  canRetry?: boolean;
  loadingLabel?: string;
  /** When true for the data, `empty` is shown instead of the children. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** Wrap the loading and error states in a page frame (whole-page views). */
  isPage?: boolean;
  children: (data: T) => ReactNode;
}

/** Renders `children(data)` once the query has data, else its loading, error or empty state. */
export function QueryView<T>(props: QueryViewProps<T>) {
  const { t } = useTranslation();
  const { query, isPage = false } = props;
  const frame = (content: ReactNode) => (isPage ? <div className="page">{content}</div> : content);
  if (query.error)
    return frame(
      <EmptyState
        tone="error"
        icon={<AlertIcon size={22} />}
        title={props.errorTitle}
        action={
          props.canRetry ? (
            <Button onClick={() => void query.refetch()}>{t('actions.tryAgain')}</Button>
          ) : undefined
        }
      >
        {query.error.message}
      </EmptyState>,
    );
  if (query.data === undefined) return frame(<LoadingBlock label={props.loadingLabel} />);
  if (props.isEmpty?.(query.data)) return <>{props.empty}</>;
  return <>{props.children(query.data)}</>;
}
