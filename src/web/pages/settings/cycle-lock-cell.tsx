/**
 * Settings → Cycles: whether a cycle takes check-ins. An admin locks a cycle at year end (check-ins
 * dated in it are then refused, naming the lock) and can reopen it with a reason; who and why are
 * kept. Closing the year (the year review) is the final step; a lock can still be undone.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
  const lock = useQuery({ queryKey: keys.cycleLock(orgId, cycle.id), queryFn: () => getCycleLock(cycle.id) });
  const [isOpen, setOpen] = useState(false);
  if (!lock.data) return <span className="muted">{lock.error ? 'Unknown' : '…'}</span>;
  const { locked } = lock.data;
  return (
    <div className="cycle-lock">
      {locked ? (
        <Badge tone="amber" dot title={lock.data.reason ?? undefined}>
          {`Locked${lock.data.lockedAt ? ` since ${formatDay(lock.data.lockedAt)}` : ''}`}
        </Badge>
      ) : (
        <Badge tone="green" dot>
          Open
        </Badge>
      )}
      {!readOnly && (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          {locked ? 'Reopen…' : 'Lock…'}
        </Button>
      )}
      {isOpen && <LockDialog orgId={orgId} cycle={cycle} lock={lock.data} onClose={() => setOpen(false)} />}
    </div>
  );
}

function LockDialog(props: { orgId: string; cycle: Cycle; lock: CycleLock; onClose: () => void }) {
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
          ? `${cycle.name} takes check-ins again`
          : `${cycle.name} is locked for check-ins`,
      });
      await client.invalidateQueries({ queryKey: keys.cycleLock(props.orgId, cycle.id) });
      props.onClose();
    },
    { check: () => (lock.locked && reason.trim() === '' ? 'Reason: say why the cycle is reopened' : null) },
  );
  return (
    <FormDialog
      title={lock.locked ? `Reopen ${cycle.name} for check-ins?` : `Lock ${cycle.name} for check-ins?`}
      description={
        lock.locked
          ? `Locked${lock.lockedBy ? ` by ${lock.lockedBy}` : ''}${lock.reason ? `: ${lock.reason}` : ''}. Reopening lets check-ins dated in it in again; who and why are recorded.`
          : 'Check-ins dated in this cycle are then refused until an admin reopens it. OKRs and X-matrices stay editable; closing the year in the year review makes them read-only.'
      }
      submit={save}
      submitLabel={lock.locked ? 'Reopen' : 'Lock check-ins'}
      fields={['reason']}
      onClose={props.onClose}
    >
      <Field label={lock.locked ? 'Reason' : 'Reason (optional)'} error={save.fieldErrors.reason}>
        <textarea
          className="input"
          name="lock-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          placeholder={lock.locked ? 'A late correction from the SOC' : 'Year end: the numbers are final'}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
