/**
 * The status pill of an objective or key result, and — for whoever may check in on it — the way
 * to overrule it: an owner who knows better than the formula sets the status with a reason (shown
 * on hover and in the history), and can hand it back to the derived status later.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetStatusOverrideInput } from '../../../contracts';
import { clearStatusOverride, setStatusOverride } from '../../api-okrs';
import { Button } from '../button';
import { Field } from '../form/field';
import { FormDialog } from '../form/form-dialog';
import { SegmentedChoice } from '../form/segmented-choice';
import { useSubmit } from '../form/use-submit';
import { useToast } from '../toast';
import { STATUSES, StatusBadge, type EffectiveStatus } from './status-badge';

type Status = SetStatusOverrideInput['status'];

interface StatusControlProps {
  status: EffectiveStatus;
  subject: { kind: 'objectives' | 'key-results'; id: string; title: string };
  /** Given when the reader may change it; called after a change. */
  onChanged?: (() => void) | undefined;
}

export function StatusControl({ status, subject, onChanged }: StatusControlProps) {
  const { t } = useTranslation('execution');
  const [isOpen, setOpen] = useState(false);
  if (!onChanged) return <StatusBadge status={status} />;
  return (
    <>
      <button
        type="button"
        className="status-button"
        aria-label={t(
          status.source === 'override' ? 'statusControl.buttonOverridden' : 'statusControl.button',
          {
            title: subject.title,
            status: t(`status.${status.status}`),
          },
        )}
        onClick={() => setOpen(true)}
      >
        <StatusBadge status={status} />
      </button>
      {isOpen && (
        <StatusDialog
          status={status}
          subject={subject}
          onClose={() => setOpen(false)}
          onChanged={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function StatusDialog(props: {
  status: EffectiveStatus;
  subject: StatusControlProps['subject'];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('execution');
  const toast = useToast();
  const { status, subject } = props;
  const [chosen, setChosen] = useState<Status>(status.status);
  const [reason, setReason] = useState(status.source === 'override' ? (status.reason ?? '') : '');
  const save = useSubmit(
    async () => {
      await setStatusOverride(subject.kind, subject.id, { status: chosen, reason: reason.trim() });
      toast.show({
        tone: 'success',
        message: t('statusControl.set', { title: subject.title, status: chosen }),
      });
      props.onChanged();
    },
    { check: () => (reason.trim() === '' ? t('statusControl.reasonMissing') : null) },
  );
  const clear = useSubmit(async () => {
    await clearStatusOverride(subject.kind, subject.id);
    toast.show({ tone: 'success', message: t('statusControl.cleared', { title: subject.title }) });
    props.onChanged();
  });
  return (
    <FormDialog
      title={t('statusControl.title', { title: subject.title })}
      description={t('statusControl.description', { status: status.derived })}
      submit={save}
      submitLabel={t('statusControl.submit')}
      fields={['reason', 'status']}
      onClose={props.onClose}
    >
      <fieldset className="status-choices">
        <legend>{t('statusControl.legend')}</legend>
        <SegmentedChoice
          name="status"
          options={STATUSES.map((id) => ({ id, label: t(`status.${id}`) }))}
          value={chosen}
          onChange={setChosen}
        />
      </fieldset>
      <Field label={t('statusControl.reason')} error={save.fieldErrors.reason}>
        <textarea
          className="input"
          name="status-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      {status.source === 'override' && (
        <Button variant="ghost" size="sm" onClick={() => void clear.run()} disabled={clear.isPending}>
          {t('statusControl.useDerived', { status: status.derived })}
        </Button>
      )}
    </FormDialog>
  );
}
