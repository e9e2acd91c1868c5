/** The URL of a Slack or Teams incoming webhook, as every notification form asks for it. */
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form/field';

type WebhookUrlFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label?: string;
  hint?: string;
  error?: string | undefined;
};

export function WebhookUrlField({ label, ...props }: WebhookUrlFieldProps) {
  const { t } = useTranslation('settings');
  return (
    <TextField
      label={label ?? t('webhooks.url')}
      type="url"
      // eslint-disable-next-line catchball/no-untranslated-text -- an example address
      placeholder="https://hooks.slack.com/services/…"
      {...props}
    />
  );
}
