/** A read-only value (an invitation link, a token secret) with a button that copies it. */
import { useState } from 'react';
import { Button } from './button';
import { CheckIcon, CopyIcon } from './icons';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Without clipboard access (plain HTTP, or refused) the text stays selected for Ctrl+C.
      document.getElementById(inputId)?.focus();
    }
  }
  const inputId = `copy-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="copy-field">
      <label htmlFor={inputId} className="visually-hidden">
        {label}
      </label>
      <input
        id={inputId}
        readOnly
        value={value}
        data-testid={testId}
        onFocus={(event) => event.target.select()}
        spellCheck={false}
      />
      <Button
        size="sm"
        icon={copied ? <CheckIcon /> : <CopyIcon />}
        onClick={() => void copy()}
        aria-label={`Copy ${label.toLowerCase()}`}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}
