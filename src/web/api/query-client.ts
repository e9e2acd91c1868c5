/** The web app's one query cache and its defaults. */
import { QueryClient } from '@tanstack/react-query';

/**
 * A query cache that refetches on purpose only: on a live change (use-live-changes.ts), after the
 * app's own writes, or when a page mounts on data older than a couple of seconds (a route's
 * prefetch is still fresh when its page mounts). Errors show at once, without retries, as the
 * pages always showed them; nothing refetches because the window regained focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 },
      mutations: { retry: false },
    },
  });
}
