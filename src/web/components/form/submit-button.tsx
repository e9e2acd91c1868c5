/** A form's primary submit button, disabled and relabelled while its submit runs. */
import type { ReactNode } from 'react';
import { Button } from '../button';
import type { Submit } from './use-submit';

interface SubmitButtonProps {
  submit: Pick<Submit, 'isPending'>;
  /** The label while the submit runs ("Creating…"). */
  pendingLabel: string;
  icon?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function SubmitButton({ submit, pendingLabel, icon, className, children }: SubmitButtonProps) {
  return (
    <Button variant="primary" type="submit" icon={icon} className={className} disabled={submit.isPending}>
      {submit.isPending ? pendingLabel : children}
    </Button>
  );
}
