import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../../contracts';
import { listAuditEvents, type AuditParams } from '../../api-client';
import { keys } from '../../api/query-keys';

export interface AuditFeed {
  events: AuditEvent[];
  /** True until the first page for the current filters has arrived (or failed). */
  loading: boolean;
  /** True while the next page loads. */
  loadingMore: boolean;
  error: Error | undefined;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

const PAGE_SIZE = 50;

/**
 * The audit trail for some filters, a page at a time ("Load more" appends the next, older page).
 * The filters are the query key, so changing them starts over and answers for filters no longer
 * shown never land; a null filter loads nothing.
 */
export function useAuditFeed(params: AuditParams | null): AuditFeed {
  const query = useInfiniteQuery({
    queryKey: keys.audit(params ?? {}),
    queryFn: ({ pageParam }) =>
      listAuditEvents({ ...params, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: params !== null,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;
  return {
    events: query.data?.pages.flatMap((page) => page.events) ?? [],
    loading: query.isPending,
    loadingMore: isFetchingNextPage,
    error: query.error ?? undefined,
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    reload: () => void refetch(),
  };
}
