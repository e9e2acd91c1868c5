/** The URL of a Slack or Teams incoming webhook, as every notification form asks for it. */
import type { InputHTMLAttributes } from 'react';
import { TextField } from '../../components/form/field';

type WebhookUrlFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label?: string;
  hint?: string;
  error?: string | undefined;
};

export function WebhookUrlField({ label = 'URL', ...props }: WebhookUrlFieldProps) {
  return <TextField label={label} type="url" placeholder="https://hooks.slack.com/services/…" {...props} />;
}
