/**
 * Create or edit an objective: title, description, committed or aspirational, and what it aligns
 * to: one of the parent unit's objectives or key results of the same cycle (or nothing).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('okrs');
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
      title={
        objective ? t('objectiveForm.editTitle', { title: objective.title }) : t('objectiveForm.addTitle')
      }
      description={t('objectiveForm.description')}
      submit={save}
      submitLabel={t(objective ? 'objectiveForm.save' : 'objectiveForm.add')}
      fields={['title', 'description', 'kind', 'alignedObjectiveId', 'alignedKeyResultId']}
      onClose={onClose}
    >
      <TextField
        label={t('objectiveForm.title')}
        name="title"
        required
        value={title}
        error={errors.title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <Field label={t('objectiveForm.descriptionLabel')} error={errors.description}>
        <textarea
          className="input"
          name="description"
          rows={2}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </Field>
      <Field label={t('objectiveForm.kind')} hint={t('objectiveForm.kindHint')} error={errors.kind}>
        <select
          className="input"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as Objective['kind'])}
        >
          <option value="committed">{t('objective.committed')}</option>
          <option value="aspirational">{t('objective.aspirational')}</option>
        </select>
      </Field>
      <Field
        label={t('objectiveForm.alignedTo')}
        hint={
          props.parentName
            ? t('objectiveForm.alignedToHint', { parent: props.parentName })
            : t('objectiveForm.alignedToTop')
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
          <option value="">{t('objectiveForm.notAligned')}</option>
          {unlisted && <option value={alignment}>{t('objectiveForm.keepAlignment')}</option>}
          {parentOkrs.map((parent) => (
            <optgroup key={parent.id} label={parent.title}>
              <option value={`objective:${parent.id}`}>
                {t('objectiveForm.optionObjective', { title: parent.title })}
              </option>
              {parent.keyResults.map((kr) => (
                <option key={kr.id} value={`kr:${kr.id}`}>
                  {t('objectiveForm.optionKr', { title: kr.title })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </FormDialog>
  );
}
