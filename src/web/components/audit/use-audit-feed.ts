import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEvent } from '../../../contracts';
import { listAuditEvents, type AuditParams } from '../../api-client';

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
 * Changing the filters starts over; answers for filters no longer shown are dropped.
 */
export function useAuditFeed(params: AuditParams | null): AuditFeed {
  const key = params === null ? null : JSON.stringify(params);
  const [state, setState] = useState<{
    key: string | null;
    events: AuditEvent[];
    cursor: string | null;
    loading: boolean;
    loadingMore: boolean;
    error?: Error;
  }>({ key: null, events: [], cursor: null, loading: true, loadingMore: false });
  const keyRef = useRef(key);
  keyRef.current = key;
  const [generation, setGeneration] = useState(0);

  const fetchPage = useCallback(async (forKey: string, cursor: string | null) => {
    const filters = JSON.parse(forKey) as AuditParams;
    try {
      const page = await listAuditEvents({ ...filters, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      if (keyRef.current !== forKey) return;
      setState((s) => ({
        key: forKey,
        events: cursor ? [...s.events, ...page.events] : page.events,
        cursor: page.nextCursor,
        loading: false,
        loadingMore: false,
      }));
    } catch (cause) {
      if (keyRef.current !== forKey) return;
      const error = cause instanceof Error ? cause : new Error(String(cause));
      setState((s) => ({ ...s, key: forKey, loading: false, loadingMore: false, error }));
    }
  }, []);

  useEffect(() => {
    if (key === null) return;
    setState({ key, events: [], cursor: null, loading: true, loadingMore: false });
    void fetchPage(key, null);
  }, [key, generation, fetchPage]);

  const loadMore = useCallback(() => {
    if (key === null || state.cursor === null || state.loadingMore) return;
    setState((s) => ({ ...s, loadingMore: true, error: undefined }));
    void fetchPage(key, state.cursor);
  }, [key, state.cursor, state.loadingMore, fetchPage]);

  const current = state.key === key;
  return {
    events: current ? state.events : [],
    loading: !current || state.loading,
    loadingMore: current && state.loadingMore,
    error: current ? state.error : undefined,
    hasMore: current && state.cursor !== null,
    loadMore,
    reload: () => setGeneration((g) => g + 1),
  };
}
