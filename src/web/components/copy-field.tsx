/** A read-only value (an invitation link, a token secret) with a button that copies it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { Button } from './button';
import { CheckIcon, CopyIcon } from './icons';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useTranslation();
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
        // English lower-cases the label inside the sentence; German nouns keep their capitals.
        aria-label={t('copyField.copyLabel', {
          label: currentLanguage() === 'en' ? label.toLowerCase() : label,
        })}
      >
        {copied ? t('copyField.copied') : t('copyField.copy')}
      </Button>
    </div>
  );
}
