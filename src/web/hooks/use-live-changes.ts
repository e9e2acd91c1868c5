import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { invalidateForChanges, type LiveChange, type LiveScope } from '../api/live-invalidation';
import { endpointUrl } from '../../contracts/endpoint';
import { live } from '../../contracts/endpoints';

export type { LiveScope } from '../api/live-invalidation';

/** Several changes in a burst (a bulk edit) cause one round of invalidation. */
const DEBOUNCE_MS = 120;

interface LiveOptions {
  /** Keys the caller reloads itself (see {@link invalidateForChanges}); `onChange` is its cue. */
  except?: readonly QueryKey[];
  /** Only the reads under these key prefixes are refreshed (see {@link invalidateForChanges}). */
  only?: readonly QueryKey[];
  /** Called after each burst, once the stale reads are invalidated. */
  onChange?: () => void;
}

/**
 * Subscribes to the server's live change stream (`/api/events`, server-sent events) for `scope`
 * and, after each burst of changes, invalidates the cached reads those changes made stale, so a
 * page shows other people's edits within a second without reloading. A null scope subscribes to
 * nothing. The browser's EventSource reconnects by itself after a drop.
 */
export function useLiveChanges(scope: LiveScope | null, options: LiveOptions = {}): void {
  const client = useQueryClient();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const query = scope
    ? new URLSearchParams(
        Object.entries(scope).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ).toString()
    : null;

  useEffect(() => {
    if (query === null || typeof EventSource === 'undefined') return;
    const followed = Object.fromEntries(new URLSearchParams(query)) as LiveScope;
    const source = new EventSource(endpointUrl(live.events, { query: followed }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let burst: LiveChange[] = [];
    source.addEventListener('change', (event: MessageEvent<string>) => {
      burst.push(parseChange(event.data));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const changes = burst;
        burst = [];
        void invalidateForChanges(
          client,
          changes,
          followed,
          optionsRef.current.except,
          optionsRef.current.only,
        );
        optionsRef.current.onChange?.();
      }, DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [query, client]);
}

/** The change an event carries; one that does not parse names no scope, so it refreshes everything followed. */
function parseChange(data: string): LiveChange {
  try {
    const parsed: unknown = JSON.parse(data);
    if (parsed && typeof parsed === 'object' && 'table' in parsed) return parsed as LiveChange;
  } catch {
    // fall through
  }
  return { table: 'unknown' };
}
