/**
 * Mutations of one X-matrix with optimistic updates. Writes run one at a time in a queue and read the
 * versions the server last confirmed when they start, so quick clicks on a cell never send a stale
 * version. On 409 version_conflict the user sees "Someone else changed this — showing the current
 * value" and the view is refetched; other errors show the server's message and refetch too.
 * Deletion is deferred behind an Undo toast: the item hides at once and is deleted when the toast
 * expires, or at once when the page is left before that (`pagehide`, with fetch keepalive).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreateMatrixItemInput,
  MatrixItem,
  UpdateMatrixItemInput,
  XMatrixView,
} from '../../../contracts';
import * as api from '../../api-client';
import { ApiError, type MatrixPart } from '../../api-client';
import { useToast } from '../toast';
import { nextStrength } from '../../../core/correlation';
import { nextRole } from '../../../core/ownership';
import { cellKey } from './matrix-model';
import { usePendingDeletes } from './use-pending-deletes';
import { gridOf, withoutHidden } from './view-updates';

type SetView = (update: (view: XMatrixView | undefined) => XMatrixView | undefined) => void;

export interface MatrixEditor {
  /** The view minus items waiting for deletion. */
  view: XMatrixView;
  /** Cycle a corner cell; `fromId`/`toId` in the grid's stored orientation. */
  cycleCell: (fromId: string, toId: string) => void;
  /** Cycle a Who cell. */
  cycleOwner: (initiativeId: string, whoId: string) => void;
  /** Create an item at the end of its part; resolves true on success. */
  createItem: (input: CreateMatrixItemInput) => Promise<boolean>;
  renameItem: (item: MatrixItem, title: string) => void;
  /** Move an item one place earlier (-1) or later (+1) in its part. */
  moveItem: (item: MatrixItem, delta: -1 | 1) => void;
  deleteItem: (item: MatrixItem) => void;
  setTrueNorth: (text: string) => void;
  /**
   * Saves a form's changes of one item after the queued writes, with the version last confirmed;
   * resolves with the saved item (also written into the view) and rejects with the server's error,
   * so the form can name the field. Not optimistic: the form shows its own pending state.
   */
  saveItem: (item: MatrixItem, changes: Omit<UpdateMatrixItemInput, 'version'>) => Promise<MatrixItem>;
  /** Reloads the view from the server once the writes already queued are done (live updates). */
  syncWithServer: () => void;
}

/** Editing operations over a view held by the caller (`setView` replaces it, `refetch` reloads it). */
export function useMatrixEditor(
  view: XMatrixView,
  setView: SetView,
  refetch: () => Promise<void>,
): MatrixEditor {
  const { t } = useTranslation('matrix');
  const toast = useToast();
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const viewRef = useRef(view);
  viewRef.current = view;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const generation = useRef(0);
  /** Versions the server confirmed (null = blank) for cells touched since the last load. */
  const confirmed = useRef(new Map<string, number | null>());
  const pendingPerCell = useRef(new Map<string, number>());

  const fail = useCallback(
    (error: unknown) => {
      generation.current += 1;
      confirmed.current.clear();
      const conflict = error instanceof ApiError && error.isConflict;
      const message = error instanceof Error ? error.message : String(error);
      toast.show({ tone: conflict ? 'info' : 'error', message: conflict ? t('editor.conflict') : message });
      void refetch();
    },
    [toast, refetch, t],
  );

  /** Runs `task` after all earlier writes; a failure drops the writes queued behind it. */
  const enqueue = useCallback(
    (task: () => Promise<void>, onSkip?: () => void) => {
      const gen = generation.current;
      queue.current = queue.current.then(async () => {
        if (gen !== generation.current) {
          onSkip?.();
          return;
        }
        try {
          await task();
        } catch (error) {
          fail(error);
        }
      });
    },
    [fail],
  );

  const patch = useCallback(
    (update: (v: XMatrixView) => XMatrixView) => setView((v) => (v ? update(v) : v)),
    [setView],
  );

  const trackCell = (key: string, delta: number) => {
    const next = (pendingPerCell.current.get(key) ?? 0) + delta;
    if (next <= 0) pendingPerCell.current.delete(key);
    else pendingPerCell.current.set(key, next);
    return next;
  };

  const cycleCell = useCallback(
    (fromId: string, toId: string) => {
      const key = cellKey(fromId, toId);
      const existing = viewRef.current.correlations.find((c) => c.fromId === fromId && c.toId === toId);
      if (!confirmed.current.has(key)) confirmed.current.set(key, existing?.version ?? null);
      const strength = nextStrength(existing?.strength ?? null);
      patch((v) => {
        const rest = v.correlations.filter((c) => !(c.fromId === fromId && c.toId === toId));
        if (strength === null) return { ...v, correlations: rest };
        const base = existing ?? {
          id: `pending-${key}`,
          matrixId: v.matrix.id,
          grid: gridOf(v, fromId),
          fromId,
          toId,
          version: 1,
        };
        return { ...v, correlations: [...rest, { ...base, strength }] };
      });
      trackCell(key, 1);
      enqueue(async () => {
        const version = confirmed.current.get(key) ?? null;
        const { correlation } = await api.setCorrelation(viewRef.current.matrix.id, {
          aId: fromId,
          bId: toId,
          strength,
          version,
        });
        confirmed.current.set(key, correlation?.version ?? null);
        if (trackCell(key, -1) > 0) return;
        patch((v) => {
          const rest = v.correlations.filter((c) => !(c.fromId === fromId && c.toId === toId));
          return { ...v, correlations: correlation ? [...rest, correlation] : rest };
        });
      });
    },
    [patch, enqueue],
  );

  const cycleOwner = useCallback(
    (initiativeId: string, whoId: string) => {
      const key = cellKey(initiativeId, whoId);
      const current = viewRef.current.ownerships;
      const existing = current.find((o) => o.initiativeId === initiativeId && o.whoId === whoId);
      const otherPrimary = current.find(
        (o) => o.initiativeId === initiativeId && o.whoId !== whoId && o.role === 'primary',
      );
      let role = nextRole(existing?.role ?? null);
      if (role === 'primary' && otherPrimary) {
        // A second primary is refused (the server would too); the click still adds the person, as secondary.
        const titleOf = (part: MatrixPart, id: string) =>
          viewRef.current.items[part].find((i) => i.id === id)?.title ?? '';
        toast.show({
          tone: 'info',
          message: t('editor.secondPrimary', {
            initiative: titleOf('how', initiativeId),
            owner: titleOf('who', otherPrimary.whoId),
          }),
        });
        role = 'secondary';
      }
      if (!confirmed.current.has(key)) confirmed.current.set(key, existing?.version ?? null);
      patch((v) => {
        const rest = v.ownerships.filter((o) => !(o.initiativeId === initiativeId && o.whoId === whoId));
        if (role === null) return { ...v, ownerships: rest };
        const base = existing ?? {
          id: `pending-${key}`,
          matrixId: v.matrix.id,
          initiativeId,
          whoId,
          version: 1,
        };
        return { ...v, ownerships: [...rest, { ...base, role }] };
      });
      trackCell(key, 1);
      enqueue(async () => {
        const version = confirmed.current.get(key) ?? null;
        const { ownership } = await api.setOwnership(viewRef.current.matrix.id, {
          initiativeId,
          whoId,
          role,
          version,
        });
        confirmed.current.set(key, ownership?.version ?? null);
        if (trackCell(key, -1) > 0) return;
        patch((v) => {
          const rest = v.ownerships.filter((o) => !(o.initiativeId === initiativeId && o.whoId === whoId));
          return { ...v, ownerships: ownership ? [...rest, ownership] : rest };
        });
      });
    },
    [patch, enqueue, toast, t],
  );

  const createItem = useCallback(
    async (input: CreateMatrixItemInput) => {
      try {
        await queue.current;
        const item = await api.createItem(viewRef.current.matrix.id, input);
        patch((v) => ({ ...v, items: { ...v.items, [item.part]: [...v.items[item.part], item] } }));
        return true;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        toast.show({ tone: 'error', message });
        return false;
      }
    },
    [patch, toast],
  );

  const replaceItem = useCallback(
    (item: MatrixItem) =>
      patch((v) => ({
        ...v,
        items: { ...v.items, [item.part]: v.items[item.part].map((i) => (i.id === item.id ? item : i)) },
      })),
    [patch],
  );

  const renameItem = useCallback(
    (item: MatrixItem, title: string) => {
      const trimmed = title.trim();
      if (!trimmed || trimmed === item.title) return;
      replaceItem({ ...item, title: trimmed });
      enqueue(async () => {
        const latest = viewRef.current.items[item.part].find((i) => i.id === item.id);
        replaceItem(
          await api.updateItem(item.id, { version: latest?.version ?? item.version, title: trimmed }),
        );
      });
    },
    [replaceItem, enqueue],
  );

  const moveItem = useCallback(
    (item: MatrixItem, delta: -1 | 1) => {
      const list = viewRef.current.items[item.part];
      const from = list.findIndex((i) => i.id === item.id);
      let to = from + delta;
      while (to >= 0 && to < list.length && hidden.has(list[to]?.id ?? '')) to += delta;
      const target = list[to];
      if (from < 0 || !target) return;
      const next = [...list];
      next[from] = target;
      next[to] = item;
      const part: MatrixPart = item.part;
      patch((v) => ({ ...v, items: { ...v.items, [part]: next } }));
      enqueue(async () => {
        const ids = viewRef.current.items[part].map((i) => i.id);
        const saved = await api.reorderItems(viewRef.current.matrix.id, part, ids);
        const order = viewRef.current.items[part].map((i) => i.id).join();
        if (order === saved.map((i) => i.id).join())
          patch((v) => ({ ...v, items: { ...v.items, [part]: saved } }));
      });
    },
    [patch, enqueue, hidden],
  );

  const pendingDeletes = usePendingDeletes(viewRef);

  const deleteItem = useCallback(
    (item: MatrixItem) => {
      setHidden((set) => new Set(set).add(item.id));
      pendingDeletes.add(item);
      const unhide = () =>
        setHidden((set) => {
          const next = new Set(set);
          next.delete(item.id);
          return next;
        });
      const undo = () => {
        pendingDeletes.take(item.id);
        unhide();
      };
      toast.show({
        message: t('editor.deleted', { title: item.title }),
        tone: 'info',
        durationMs: 5000,
        action: { label: t('editor.undo'), onAction: undo },
        onExpire: () =>
          enqueue(async () => {
            // Already sent by the pagehide flush (a page restored from the back-forward cache).
            if (!pendingDeletes.take(item.id)) return;
            try {
              const latest = viewRef.current.items[item.part].find((i) => i.id === item.id);
              await api.deleteItem(item.id, latest?.version ?? item.version);
              patch((v) => ({
                ...v,
                items: { ...v.items, [item.part]: v.items[item.part].filter((i) => i.id !== item.id) },
                correlations: v.correlations.filter((c) => c.fromId !== item.id && c.toId !== item.id),
                ownerships: v.ownerships.filter((o) => o.initiativeId !== item.id && o.whoId !== item.id),
              }));
            } finally {
              unhide();
            }
          }, undo),
      });
    },
    [toast, enqueue, patch, pendingDeletes, t],
  );

  const setTrueNorth = useCallback(
    (text: string) => {
      if (text === viewRef.current.matrix.trueNorth) return;
      patch((v) => ({ ...v, matrix: { ...v.matrix, trueNorth: text } }));
      enqueue(async () => {
        const matrix = await api.updateMatrix(viewRef.current.matrix.id, {
          version: viewRef.current.matrix.version,
          trueNorth: text,
        });
        patch((v) => ({ ...v, matrix }));
      });
    },
    [patch, enqueue],
  );

  const saveItem = useCallback(
    async (item: MatrixItem, changes: Omit<UpdateMatrixItemInput, 'version'>) => {
      await queue.current;
      const latest = viewRef.current.items[item.part].find((i) => i.id === item.id);
      const saved = await api.updateItem(item.id, { ...changes, version: latest?.version ?? item.version });
      replaceItem(saved);
      return saved;
    },
    [replaceItem],
  );

  const visible = useMemo(() => withoutHidden(view, hidden), [view, hidden]);
  const syncWithServer = useCallback(() => {
    enqueue(async () => {
      // Versions confirmed before someone else's change may be stale now; the reload brings the current ones.
      confirmed.current.clear();
      await refetch();
    });
  }, [enqueue, refetch]);

  return {
    view: visible,
    cycleCell,
    cycleOwner,
    createItem,
    renameItem,
    moveItem,
    deleteItem,
    setTrueNorth,
    saveItem,
    syncWithServer,
  };
}
