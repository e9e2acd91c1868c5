/**
 * Create or edit an objective: title, description, committed or aspirational, and what it aligns
 * to: one of the parent unit's objectives or key results of the same cycle (or nothing).
 */
import { useState } from 'react';
import type { Objective, ObjectiveWithKeyResults } from '../../../contracts';
import { createObjective, updateObjective } from '../../api-okrs';
import { Field, TextField } from '../form/field';
import { FormDialog } from '../form/form-dialog';
import { useSubmit } from '../form/use-submit';

interface ObjectiveFormProps {
  /** The objective to edit, or none to add one to `unitId` in `cycleId`. */
  objective?: Objective;
  unitId: string;
  cycleId: string;
  /** The parent unit's OKRs of the cycle, to align to; empty for a top unit. */
  parentOkrs: readonly ObjectiveWithKeyResults[];
  parentName: string | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** The alignment select's value: `objective:<id>`, `kr:<id>` or '' for none. */
function alignmentValue(objective: Objective | undefined): string {
  if (objective?.alignedKeyResultId) return `kr:${objective.alignedKeyResultId}`;
  if (objective?.alignedObjectiveId) return `objective:${objective.alignedObjectiveId}`;
  return '';
}

export function ObjectiveForm(props: ObjectiveFormProps) {
  const { objective, parentOkrs, onClose, onSaved } = props;
  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [kind, setKind] = useState<Objective['kind']>(objective?.kind ?? 'committed');
  const [alignment, setAlignment] = useState(alignmentValue(objective));
  const save = useSubmit(async () => {
    const [on, id = ''] = alignment.split(':');
    const fields = {
      title: title.trim(),
      description: description.trim(),
      kind,
      alignedObjectiveId: on === 'objective' ? id : null,
      alignedKeyResultId: on === 'kr' ? id : null,
    };
    if (objective) await updateObjective(objective.id, { version: objective.version, ...fields });
    else await createObjective({ unitId: props.unitId, cycleId: props.cycleId, ...fields });
    onSaved();
    onClose();
  });
  const errors = save.fieldErrors;
  // An alignment the parent's OKRs of this cycle do not list (moved, or another unit's) is kept as
  // it is unless changed: the select must not clear it by having no option for it.
  const listed = new Set(
    parentOkrs.flatMap((parent) => [
      `objective:${parent.id}`,
      ...parent.keyResults.map((kr) => `kr:${kr.id}`),
    ]),
  );
  const unlisted = alignment !== '' && !listed.has(alignment) && alignment === alignmentValue(objective);
  const alignmentError = errors.alignedObjectiveId ?? errors.alignedKeyResultId;

  return (
    <FormDialog
      title={objective ? `Edit ${objective.title}` : 'Add an objective'}
      description="Where the unit wants to go this cycle: qualitative and inspiring; key results measure it."
      submit={save}
      submitLabel={objective ? 'Save objective' : 'Add objective'}
      fields={['title', 'description', 'kind', 'alignedObjectiveId', 'alignedKeyResultId']}
      onClose={onClose}
    >
      <TextField
        label="Title"
        name="title"
        required
        value={title}
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <Field label="Description" error={errors.description}>
        <textarea
          className="input"
          name="description"
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <Field
        label="Kind"
        hint="Committed: expected at 100%. Aspirational: a stretch, 70% is a success."
        error={errors.kind}
      >
        <select
          className="input"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as Objective['kind'])}
        >
          <option value="committed">Committed</option>
          <option value="aspirational">Aspirational</option>
        </select>
      </Field>
      <Field
        label="Aligned to"
        hint={
          props.parentName
            ? `An objective or key result of ${props.parentName} in this cycle`
            : 'A top unit has no parent to align to'
        }
        error={alignmentError}
      >
        <select
          className="input"
          name="alignment"
          value={alignment}
          disabled={parentOkrs.length === 0 && !unlisted}
          onChange={(event) => setAlignment(event.target.value)}
        >
          <option value="">Not aligned</option>
          {unlisted && <option value={alignment}>Keep the current alignment</option>}
          {parentOkrs.map((parent) => (
            <optgroup key={parent.id} label={parent.title}>
              <option value={`objective:${parent.id}`}>Objective: {parent.title}</option>
              {parent.keyResults.map((kr) => (
                <option key={kr.id} value={`kr:${kr.id}`}>
                  KR: {kr.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
