/**
 * Deletes waiting out their undo window. Leaving the page inside it (tab closed, reload, another
 * site) sends them at once with fetch keepalive on `pagehide`, so a delete the user saw happen is
 * never lost; the toast's expiry then finds nothing left to send.
 */
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { MatrixItem, XMatrixView } from '../../../contracts';
import * as api from '../../api-client';

export interface PendingDeletes {
  add: (item: MatrixItem) => void;
  /** Removes the item from the waiting list; true when it was still waiting (not yet sent). */
  take: (id: string) => boolean;
}

export function usePendingDeletes(viewRef: RefObject<XMatrixView>): PendingDeletes {
  const pending = useRef(new Map<string, MatrixItem>());
  useEffect(() => {
    const flush = () => {
      for (const item of pending.current.values()) {
        const latest = viewRef.current.items[item.part].find((i) => i.id === item.id);
        api.deleteItemOnUnload(item.id, latest?.version ?? item.version);
      }
      pending.current.clear();
    };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [viewRef]);
  const add = useCallback((item: MatrixItem) => {
    pending.current.set(item.id, item);
  }, []);
  const take = useCallback((id: string) => pending.current.delete(id), []);
  return useMemo(() => ({ add, take }), [add, take]);
}
