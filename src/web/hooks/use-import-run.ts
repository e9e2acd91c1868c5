import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportRun } from '../../contracts';
import { getImportRun } from '../api-uploads';

const POLL_MS = 400;

/**
 * Follows one import on the server while its request is in flight: `begin()` names a new run
 * (send it as `run`) and polls its progress until `end()`; `run` is the latest answer.
 */
export function useImportRun() {
  const [run, setRun] = useState<ImportRun | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const end = useCallback(() => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  }, []);
  const begin = useCallback((): string => {
    end();
    setRun(null);
    const id = crypto.randomUUID();
    timer.current = setInterval(() => {
      void getImportRun(id)
        .then((next) => {
          if (next && timer.current) setRun(next);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return id;
  }, [end]);
  useEffect(() => end, [end]);
  return { run, begin, end };
}
