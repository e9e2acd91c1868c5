/**
 * The small dialogs that place OKRs elsewhere: a key result into another objective of the unit,
 * an objective into another cycle, and a copy of an objective (with its key results) into the
 * next cycle. Each is one call, one transaction on the server.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle, KeyResult, Objective } from '../../../contracts';
import { cloneObjective, moveKeyResult, moveObjective } from '../../api-okrs';
import { Field } from '../form/field';
import { FormDialog } from '../form/form-dialog';
import { useSubmit } from '../form/use-submit';

interface Done {
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** The cycle that starts after `cycleId` does, as the server picks it for a clone. */
export function nextCycleOf(cycles: readonly Cycle[], cycleId: string): Cycle | undefined {
  const current = cycles.find((cycle) => cycle.id === cycleId);
  if (!current) return undefined;
  return [...cycles]
    .filter((cycle) => cycle.startDate > current.startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
}

export function MoveKeyResultDialog({
  kr,
  objectives,
  onClose,
  onSaved,
}: Done & { kr: KeyResult; objectives: readonly Objective[] }) {
  const { t } = useTranslation('okrs');
  const others = objectives.filter((objective) => objective.id !== kr.objectiveId);
  const [objectiveId, setObjectiveId] = useState(others[0]?.id ?? '');
  const save = useSubmit(
    async () => {
      await moveKeyResult(kr.id, { version: kr.version, objectiveId });
      onSaved(
        t('move.krMoved', {
          title: kr.title,
          objective: others.find((o) => o.id === objectiveId)?.title ?? '',
        }),
      );
      onClose();
    },
    { check: () => (objectiveId === '' ? t('move.noOtherObjective') : null) },
  );
  return (
    <FormDialog
      title={t('move.krTitle', { title: kr.title })}
      description={t('move.krDescription')}
      submit={save}
      submitLabel={t('move.krSubmit')}
      fields={['objectiveId']}
      onClose={onClose}
    >
      <Field label={t('move.toObjective')} error={save.fieldErrors.objectiveId}>
        <select
          className="input"
          name="objectiveId"
          value={objectiveId}
          onChange={(event) => setObjectiveId(event.target.value)}
        >
          {others.map((objective) => (
            <option key={objective.id} value={objective.id}>
              {objective.title}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}

interface CycleDialogProps extends Done {
  objective: Objective;
  cycles: readonly Cycle[];
  /** Move the objective itself, or copy it with its key results. */
  mode: 'move' | 'clone';
}

export function ObjectiveCycleDialog({ objective, cycles, mode, onClose, onSaved }: CycleDialogProps) {
  const { t } = useTranslation('okrs');
  const others = cycles.filter((cycle) => cycle.id !== objective.cycleId);
  const next = nextCycleOf(cycles, objective.cycleId);
  const [cycleId, setCycleId] = useState(next?.id ?? others[0]?.id ?? '');
  const name = (id: string) => cycles.find((cycle) => cycle.id === id)?.name ?? '';
  const save = useSubmit(async () => {
    if (mode === 'move') await moveObjective(objective.id, { version: objective.version, cycleId });
    else await cloneObjective(objective.id, cycleId || undefined);
    const values = { title: objective.title, cycle: name(cycleId) };
    onSaved(
      values.cycle
        ? t(mode === 'move' ? 'move.objectiveMoved' : 'move.objectiveCopied', values)
        : t(mode === 'move' ? 'move.objectiveMovedNext' : 'move.objectiveCopiedNext', values),
    );
    onClose();
  });
  return (
    <FormDialog
      title={t(mode === 'move' ? 'move.objectiveTitle' : 'move.cloneTitle', { title: objective.title })}
      description={t(mode === 'move' ? 'move.objectiveDescription' : 'move.cloneDescription')}
      submit={save}
      submitLabel={t(mode === 'move' ? 'move.objectiveSubmit' : 'move.cloneSubmit')}
      fields={['cycleId']}
      onClose={onClose}
    >
      <Field
        label={t('move.cycle')}
        hint={others.length === 0 ? t('move.onlyCycle') : undefined}
        error={save.fieldErrors.cycleId}
      >
        <select
          className="input"
          name="cycleId"
          value={cycleId}
          onChange={(event) => setCycleId(event.target.value)}
        >
          {others.length === 0 && <option value="">{t('move.nextCycle')}</option>}
          {others.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.id === next?.id ? t('move.cycleNext', { cycle: cycle.name }) : cycle.name}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
