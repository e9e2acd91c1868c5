/**
 * A side drawer on the right (the `.drawer` surface): focus moves into it on open and stays inside
 * while Tab cycles, Escape, the close button or a click on the backdrop closes it, and focus goes
 * back to whatever had it before (the item that opened it).
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IconButton } from './button';
import { XIcon } from './icons';

interface DrawerProps {
  /** The small line above the title ("Initiative"). */
  eyebrow: string;
  title: ReactNode;
  /** Beside the title (a badge). */
  aside?: ReactNode;
  onClose: () => void;
  /** The close button's name (default "Close (Esc)"). */
  closeLabel?: string;
  footer?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

export function Drawer(props: DrawerProps) {
  const { t } = useTranslation();
  const {
    eyebrow,
    title,
    aside,
    onClose,
    closeLabel = t('drawer.close'),
    footer,
    className,
    testId,
    children,
  } = props;
  const panel = useRef<HTMLElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    // On the document, not the panel: a button that disables itself after saving drops focus to the body.
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close.current();
    };
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => !element.hasAttribute('disabled'),
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return createPortal(
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        ref={panel}
        className={['drawer', className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={onKeyDown}
        onBlur={(event) => {
          // A control that disables itself (a save button) drops focus to the body: keep it in the drawer.
          if (event.relatedTarget === null)
            queueMicrotask(() => {
              if (document.activeElement === document.body) panel.current?.focus();
            });
        }}
      >
        <header className="drawer-header">
          <div>
            <p className="drawer-eyebrow">{eyebrow}</p>
            <h2 id={titleId}>{title}</h2>
          </div>
          <div className="drawer-header-aside">
            {aside}
            <IconButton label={closeLabel} onClick={onClose}>
              <XIcon />
            </IconButton>
          </div>
        </header>
        <div className="drawer-body">{children}</div>
        {footer && <footer className="drawer-footer">{footer}</footer>}
      </aside>
    </div>,
    document.body,
  );
}
