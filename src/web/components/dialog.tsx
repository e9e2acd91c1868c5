/**
 * A modal dialog on the design system's `.dialog` surface: focus moves into it on open, stays
 * inside while Tab cycles, Escape or a click on the backdrop closes it, and focus goes back to
 * whatever had it before. Pass `onSubmit` to make the dialog a form (Enter submits).
 */
import { useEffect, useId, useRef, type SyntheticEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** A line under the title. */
  description?: ReactNode;
  onClose: () => void;
  onSubmit?: (event: SyntheticEvent<HTMLFormElement>) => void;
  /** The buttons at the bottom. */
  footer: ReactNode;
  children?: ReactNode;
  className?: string;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

export function Dialog({ title, description, onClose, onSubmit, footer, children, className }: DialogProps) {
  const ref = useRef<HTMLFormElement & HTMLDivElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>(
      'input:not([disabled]), select, textarea, [data-autofocus]',
    );
    (first ?? ref.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => before?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => !element.hasAttribute('disabled'),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const content = (
    <>
      <header>
        <h2 id={titleId}>{title}</h2>
        {description && <p className="muted">{description}</p>}
      </header>
      {children}
      <footer>{footer}</footer>
    </>
  );
  const common = {
    ref,
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': titleId,
    className: ['dialog', className].filter(Boolean).join(' '),
    onClick: (event: React.MouseEvent) => event.stopPropagation(),
    onKeyDown,
  } as const;
  return (
    <div className="dialog-backdrop" onClick={onClose}>
      {onSubmit ? (
        <form
          {...common}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {content}
        </form>
      ) : (
        <div {...common}>{content}</div>
      )}
    </div>
  );
}
