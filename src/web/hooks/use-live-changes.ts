import { useEffect, useRef } from 'react';

/** Scope of the changes a page shows; the server streams only changes that may concern it. */
export interface LiveScope {
  matrixId?: string;
  unitId?: string;
  organisationId?: string;
}

/** Several changes in a burst (a bulk edit) cause one reload. */
const DEBOUNCE_MS = 120;

/**
 * Subscribes to the server's live change stream (`/api/events`, server-sent events) for `scope`
 * and calls `onChange` after each burst of changes, so a page shows other people's edits within
 * a second without reloading. The browser's EventSource reconnects by itself after a drop.
 */
export function useLiveChanges(scope: LiveScope | null, onChange: () => void): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const query = scope
    ? new URLSearchParams(
        Object.entries(scope).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ).toString()
    : null;

  useEffect(() => {
    if (query === null || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/events?${query}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('change', () => {
      clearTimeout(timer);
      timer = setTimeout(() => onChangeRef.current(), DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [query]);
}
