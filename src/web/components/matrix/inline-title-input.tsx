/**
 * A text input for a title: Enter saves, Escape cancels, leaving the field saves. Used to rename an
 * item and to name a new one; `variant="popover"` floats it horizontally beside a rotated column.
 */
import { useEffect, useRef } from 'react';

interface InlineTitleInputProps {
  initial: string;
  label: string;
  placeholder?: string;
  variant: 'inline' | 'popover';
  /** Called with the trimmed text; empty text counts as cancel. */
  onSave: (title: string) => void;
  onCancel: () => void;
  /** Keep the field open and empty after saving (for adding several items in a row). */
  keepOpen?: boolean;
}

export function InlineTitleInput({
  initial,
  label,
  placeholder,
  variant,
  onSave,
  onCancel,
  keepOpen,
}: InlineTitleInputProps) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    const value = ref.current?.value.trim() ?? '';
    if (!value || value === initial) {
      done.current = true;
      onCancel();
      return;
    }
    if (keepOpen && ref.current) ref.current.value = '';
    else done.current = true;
    onSave(value);
  };
  return (
    <input
      ref={ref}
      className={`mx-title-input mx-title-input-${variant}`}
      defaultValue={initial}
      aria-label={label}
      placeholder={placeholder}
      maxLength={300}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          done.current = true;
          onCancel();
        }
      }}
      onBlur={() => {
        if (done.current) return;
        if (keepOpen && !(ref.current?.value.trim() ?? '')) {
          done.current = true;
          onCancel();
          return;
        }
        commit();
        done.current = true;
        onCancel();
      }}
    />
  );
}
