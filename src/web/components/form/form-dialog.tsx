/** A narrow dialog that is one form: its error on top, the fields, then Cancel and the submit button. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import type { Submit } from './use-submit';

interface FormDialogProps {
  title: string;
  description?: string;
  submit: Submit;
  submitLabel: string;
  pendingLabel?: string;
  /** Fields that show their own server errors (see {@link FormAlert}). */
  fields?: readonly string[];
  onClose: () => void;
  /** `dialog-narrow` unless given (`dialog-wide` for forms with two columns of fields). */
  className?: string;
  children: ReactNode;
}

export function FormDialog(props: FormDialogProps) {
  const { t } = useTranslation();
  const { submit, onClose } = props;
  return (
    <Dialog
      title={props.title}
      description={props.description}
      onClose={onClose}
      onSubmit={submit.onSubmit}
      className={props.className ?? 'dialog-narrow'}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <SubmitButton submit={submit} pendingLabel={props.pendingLabel ?? t('actions.saving')}>
            {props.submitLabel}
          </SubmitButton>
        </>
      }
    >
      <FormAlert error={submit.error} fields={props.fields} />
      {props.children}
    </Dialog>
  );
}
