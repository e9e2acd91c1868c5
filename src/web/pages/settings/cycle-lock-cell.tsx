/**
 * Settings → Cycles: whether a cycle takes check-ins. An admin locks a cycle at year end (check-ins
 * dated in it are then refused, naming the lock) and can reopen it with a reason; who and why are
 * kept. Closing the year (the year review) is the final step; a lock can still be undone.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, CycleLock } from '../../../contracts';
import { getCycleLock, lockCycle, reopenCycle } from '../../api-structure';
import { keys } from '../../api/query-keys';
import { Badge } from '../../components/badge';
import { Button } from '../../components/button';
import { Field } from '../../components/form/field';
import { FormDialog } from '../../components/form/form-dialog';
import { useSubmit } from '../../components/form/use-submit';
import { useToast } from '../../components/toast';
import { formatDay } from '../../format/dates';

export function CycleLockCell({
  orgId,
  cycle,
  readOnly,
}: {
  orgId: string;
  cycle: Cycle;
  readOnly: boolean;
}) {
  const { t } = useTranslation('settings');
  const lock = useQuery({ queryKey: keys.cycleLock(orgId, cycle.id), queryFn: () => getCycleLock(cycle.id) });
  const [isOpen, setOpen] = useState(false);
  if (!lock.data) return <span className="muted">{lock.error ? t('cycleLock.unknown') : '…'}</span>;
  const { locked } = lock.data;
  return (
    <div className="cycle-lock">
      {locked ? (
        <Badge tone="amber" dot title={lock.data.reason ?? undefined}>
          {lock.data.lockedAt
            ? t('cycleLock.lockedSince', { date: formatDay(lock.data.lockedAt) })
            : t('cycleLock.locked')}
        </Badge>
      ) : (
        <Badge tone="green" dot>
          {t('cycleLock.open')}
        </Badge>
      )}
      {!readOnly && (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          {locked ? t('cycleLock.reopenButton') : t('cycleLock.lockButton')}
        </Button>
      )}
      {isOpen && <LockDialog orgId={orgId} cycle={cycle} lock={lock.data} onClose={() => setOpen(false)} />}
    </div>
  );
}

function LockDialog(props: { orgId: string; cycle: Cycle; lock: CycleLock; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const toast = useToast();
  const { cycle, lock } = props;
  const [reason, setReason] = useState('');
  const save = useSubmit(
    async () => {
      const text = reason.trim();
      if (lock.locked) await reopenCycle(cycle.id, text);
      else await lockCycle(cycle.id, text || undefined);
      toast.show({
        tone: 'success',
        message: lock.locked
          ? t('cycleLock.reopened', { cycle: cycle.name })
          : t('cycleLock.lockedToast', { cycle: cycle.name }),
      });
      await client.invalidateQueries({ queryKey: keys.cycleLock(props.orgId, cycle.id) });
      props.onClose();
    },
    { check: () => (lock.locked && reason.trim() === '' ? t('cycleLock.reasonRequired') : null) },
  );
  return (
    <FormDialog
      title={
        lock.locked
          ? t('cycleLock.reopenTitle', { cycle: cycle.name })
          : t('cycleLock.lockTitle', { cycle: cycle.name })
      }
      description={
        lock.locked
          ? t('cycleLock.reopenDescription', {
              hasBy: lock.lockedBy ? 'yes' : 'no',
              by: lock.lockedBy ?? '',
              hasReason: lock.reason ? 'yes' : 'no',
              reason: lock.reason ?? '',
            })
          : t('cycleLock.lockDescription')
      }
      submit={save}
      submitLabel={lock.locked ? t('cycleLock.reopenSubmit') : t('cycleLock.lockSubmit')}
      fields={['reason']}
      onClose={props.onClose}
    >
      <Field
        label={lock.locked ? t('cycleLock.reason') : t('cycleLock.reasonOptional')}
        error={save.fieldErrors.reason}
      >
        <textarea
          className="input"
          name="lock-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          placeholder={lock.locked ? t('cycleLock.reopenPlaceholder') : t('cycleLock.lockPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
