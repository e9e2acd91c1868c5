/**
 * Toasts: short messages in the bottom-right corner. Wrap the app in {@link ToastProvider} and call
 * `useToast().show({...})` anywhere. A toast may carry one action (e.g. Undo); it closes itself
 * after `durationMs` (errors stay longer) and can be dismissed.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon, CheckIcon, InfoIcon, XIcon } from './icons';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastOptions {
  message: string;
  tone?: ToastTone;
  action?: { label: string; onAction: () => void };
  durationMs?: number;
  /** Called when the toast closes without its action being used. */
  onExpire?: () => void;
}

interface ToastEntry extends ToastOptions {
  id: number;
}

interface ToastApi {
  /** Shows a toast and returns its id. */
  show: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Provides {@link useToast} to the tree and renders the toast stack. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const nextId = useRef(1);
  const entries = useRef(new Map<number, ToastEntry>());

  const close = useCallback((id: number, expired: boolean) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    const entry = entries.current.get(id);
    entries.current.delete(id);
    if (entry && expired) entry.onExpire?.();
    setToasts((list) => list.filter((entry) => entry.id !== id));
  }, []);

  const show = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      const duration = options.durationMs ?? (options.tone === 'error' ? 7000 : 4000);
      const entry = { ...options, id };
      entries.current.set(id, entry);
      setToasts((list) => [...list.slice(-3), entry]);
      timers.current.set(
        id,
        setTimeout(() => close(id, true), duration),
      );
      return id;
    },
    [close],
  );

  const api = useMemo<ToastApi>(() => ({ show, dismiss: (id) => close(id, true) }), [show, close]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toast-region" role="region" aria-label={t('toast.region')} aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.tone ?? 'info'}`}
            role={toast.tone === 'error' ? 'alert' : 'status'}
          >
            <span className="toast-icon">
              {toast.tone === 'error' ? (
                <AlertIcon />
              ) : toast.tone === 'success' ? (
                <CheckIcon />
              ) : (
                <InfoIcon />
              )}
            </span>
            <span className="toast-message">{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.action?.onAction();
                  close(toast.id, false);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button
              type="button"
              className="toast-close"
              aria-label={t('toast.dismiss')}
              onClick={() => close(toast.id, true)}
            >
              <XIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The toast API of the nearest {@link ToastProvider}. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
