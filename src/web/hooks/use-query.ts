import { useCallback, useEffect, useRef, useState } from 'react';

/** State of one query; `data` keeps the last good value while a refetch runs. */
export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True until the first response (or error) for the current key. */
  loading: boolean;
  /** True while any request for the current key is in flight (including refetches). */
  fetching: boolean;
  /** Fetch again; resolves when done and never rejects (the error lands in `error`). */
  refetch: () => Promise<void>;
  /** Replace the data locally (optimistic updates). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * Runs `fetcher` whenever `key` changes (a null key skips fetching) and tracks loading and error
 * states. Responses for an outdated key are ignored, so fast navigation never shows stale data.
 */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryState<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error; fetching: boolean }>({
    key,
    fetching: key !== null,
  });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const keyRef = useRef(key);
  keyRef.current = key;

  const run = useCallback(async (runKey: string | null) => {
    if (runKey === null) return;
    setState((s) => (s.key === runKey ? { ...s, fetching: true } : { key: runKey, fetching: true }));
    try {
      const data = await fetcherRef.current();
      if (keyRef.current === runKey) setState({ key: runKey, data, fetching: false });
    } catch (cause) {
      const error = cause instanceof Error ? cause : new Error(String(cause));
      if (keyRef.current === runKey) setState((s) => ({ ...s, key: runKey, error, fetching: false }));
    }
  }, []);

  useEffect(() => {
    void run(key);
  }, [key, run]);

  const refetch = useCallback(() => run(keyRef.current), [run]);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => {
    setState((s) => ({ ...s, data: update(s.data) }));
  }, []);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    fetching: key !== null && (!current || state.fetching),
    refetch,
    setData,
  };
}
