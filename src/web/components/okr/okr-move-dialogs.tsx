/**
 * The small dialogs that place OKRs elsewhere: a key result into another objective of the unit,
 * an objective into another cycle, and a copy of an objective (with its key results) into the
 * next cycle. Each is one call, one transaction on the server.
 */
import { useState } from 'react';
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
  const others = objectives.filter((objective) => objective.id !== kr.objectiveId);
  const [objectiveId, setObjectiveId] = useState(others[0]?.id ?? '');
  const save = useSubmit(
    async () => {
      await moveKeyResult(kr.id, { version: kr.version, objectiveId });
      onSaved(`Moved “${kr.title}” to “${others.find((o) => o.id === objectiveId)?.title ?? ''}”`);
      onClose();
    },
    { check: () => (objectiveId === '' ? 'Objective: this unit has no other objective in the cycle' : null) },
  );
  return (
    <FormDialog
      title={`Move ${kr.title}`}
      description="Its check-ins and history move with it; it goes last in the objective you choose."
      submit={save}
      submitLabel="Move key result"
      fields={['objectiveId']}
      onClose={onClose}
    >
      <Field label="To objective" error={save.fieldErrors.objectiveId}>
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
  const others = cycles.filter((cycle) => cycle.id !== objective.cycleId);
  const next = nextCycleOf(cycles, objective.cycleId);
  const [cycleId, setCycleId] = useState(next?.id ?? others[0]?.id ?? '');
  const name = (id: string) => cycles.find((cycle) => cycle.id === id)?.name ?? '';
  const save = useSubmit(async () => {
    if (mode === 'move') await moveObjective(objective.id, { version: objective.version, cycleId });
    else await cloneObjective(objective.id, cycleId || undefined);
    onSaved(
      `${mode === 'move' ? 'Moved' : 'Copied'} “${objective.title}” to ${name(cycleId) || 'the next cycle'}`,
    );
    onClose();
  });
  return (
    <FormDialog
      title={mode === 'move' ? `Move ${objective.title} to another cycle` : `Clone ${objective.title}`}
      description={
        mode === 'move'
          ? 'It keeps its key results and their check-ins; its alignment is cleared, as the parent’s OKRs differ by cycle.'
          : 'A copy with its key results: kinds, baselines, targets, weights and owners kept; no check-ins and no alignment.'
      }
      submit={save}
      submitLabel={mode === 'move' ? 'Move objective' : 'Clone objective'}
      fields={['cycleId']}
      onClose={onClose}
    >
      <Field
        label="Cycle"
        hint={
          others.length === 0 ? 'This is the only cycle: an administrator creates the next one.' : undefined
        }
        error={save.fieldErrors.cycleId}
      >
        <select
          className="input"
          name="cycleId"
          value={cycleId}
          onChange={(event) => setCycleId(event.target.value)}
        >
          {others.length === 0 && <option value="">The next cycle</option>}
          {others.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name}
              {cycle.id === next?.id ? ' (next)' : ''}
            </option>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
