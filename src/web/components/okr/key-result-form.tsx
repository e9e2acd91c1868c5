/**
 * Create or edit a key result: kind, title, unit of measure, baseline and target (a band's upper
 * bound, a milestone result's steps), weight, owner, confidence and due date. The fields a kind
 * does not use are hidden and sent empty. Every refusal, the form's own or the server's (a target
 * that does not fit its kind included), is shown beside the field it names.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyResult, Person } from '../../../contracts';
import { KEY_RESULT_KINDS, type KeyResultKind } from '../../../core/key-result';
import { createKeyResult, updateKeyResult } from '../../api-okrs';
import { Field, TextField } from '../form/field';
import { FormDialog } from '../form/form-dialog';
import { useSubmit } from '../form/use-submit';
import { i18n } from '../../i18n/i18n';

interface KeyResultFormProps {
  /** The key result to edit, or none to add one to `objectiveId`. */
  keyResult?: KeyResult;
  objectiveId: string;
  objectiveTitle: string;
  people: readonly Person[];
  onClose: () => void;
  onSaved: () => void;
}

type NumberField = 'baseline' | 'target' | 'targetHigh' | 'weight' | 'confidence';
const FIELDS = ['title', 'kind', 'unitOfMeasure', 'milestones', 'ownerId', 'dueDate'] as const;

const text = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** A number field's value: null for blank, or the problem with what was typed. */
function parseNumber(raw: string): { value: number | null } | { problem: string } {
  const trimmed = raw.trim().replace(',', '.');
  if (trimmed === '') return { value: null };
  const value = Number(trimmed);
  return Number.isFinite(value)
    ? { value }
    : { problem: i18n.t('okrs:krForm.notNumber', { value: raw.trim() }) };
}

export function KeyResultForm({
  keyResult,
  objectiveId,
  objectiveTitle,
  people,
  onClose,
  onSaved,
}: KeyResultFormProps) {
  const { t } = useTranslation('okrs');
  const [title, setTitle] = useState(keyResult?.title ?? '');
  const [kind, setKind] = useState<KeyResultKind>(keyResult?.kind ?? 'increase');
  const [unitOfMeasure, setUnit] = useState(keyResult?.unitOfMeasure ?? '');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    baseline: text(keyResult?.baseline),
    target: text(keyResult?.target),
    targetHigh: text(keyResult?.targetHigh),
    weight: text(keyResult?.weight ?? 1),
    confidence: text(keyResult?.confidence),
  });
  const [milestones, setMilestones] = useState((keyResult?.milestones ?? []).join('\n'));
  const [ownerId, setOwnerId] = useState(keyResult?.ownerId ?? '');
  const [dueDate, setDueDate] = useState(keyResult?.dueDate ?? '');
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});

  const steps = milestones
    .split('\n')
    .map((step) => step.trim())
    .filter((step) => step !== '');
  const shown = {
    baseline: kind === 'increase' || kind === 'decrease' || kind === 'band',
    target: kind !== 'milestone',
    targetHigh: kind === 'band',
    milestones: kind === 'milestone',
    unitOfMeasure: kind !== 'binary' && kind !== 'milestone',
  };

  const read = (): Record<NumberField, number | null> | null => {
    const problems: Record<string, string> = {};
    const values = {} as Record<NumberField, number | null>;
    for (const field of Object.keys(numbers) as NumberField[]) {
      const parsed = parseNumber(numbers[field]);
      if ('problem' in parsed) problems[field] = parsed.problem;
      else values[field] = parsed.value;
    }
    setOwnErrors(problems);
    return Object.keys(problems).length > 0 ? null : values;
  };

  const save = useSubmit(
    async () => {
      const values = read();
      if (!values) return;
      const fields = {
        title: title.trim(),
        kind,
        unitOfMeasure: shown.unitOfMeasure ? unitOfMeasure.trim() : '',
        baseline: shown.baseline
          ? values.baseline
          : keyResult?.kind === kind
            ? keyResult.baseline
            : kind === 'binary'
              ? 0
              : null,
        target: kind === 'milestone' ? steps.length : kind === 'binary' ? 1 : values.target,
        targetHigh: shown.targetHigh ? values.targetHigh : null,
        milestones: shown.milestones ? steps : [],
        weight: values.weight ?? 1,
        ownerId: ownerId || null,
        confidence: values.confidence,
        dueDate: dueDate || null,
      };
      if (keyResult) await updateKeyResult(keyResult.id, { version: keyResult.version, ...fields });
      else await createKeyResult({ objectiveId, ...fields });
      onSaved();
      onClose();
    },
    {
      check: () => {
        if (read() === null) return t('krForm.notNumbers');
        return null;
      },
    },
  );
  const errors = { ...save.fieldErrors, ...ownErrors };
  const numberField = (field: NumberField, label: string, hint?: string) => (
    <TextField
      label={label}
      hint={hint}
      name={field}
      inputMode="decimal"
      value={numbers[field]}
      error={errors[field]}
      onChange={(event) => setNumbers((current) => ({ ...current, [field]: event.target.value }))}
    />
  );

  return (
    <FormDialog
      title={keyResult ? t('krForm.editTitle', { title: keyResult.title }) : t('krForm.addTitle')}
      description={t('krForm.description', { objective: objectiveTitle })}
      submit={save}
      submitLabel={t(keyResult ? 'krForm.save' : 'krForm.add')}
      fields={[...FIELDS, ...Object.keys(numbers)]}
      className="dialog-wide"
      onClose={onClose}
    >
      <div className="okr-form-grid">
        <div className="okr-form-span">
          <TextField
            label={t('krForm.title')}
            name="title"
            required
            value={title}
            error={errors.title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <Field label={t('krForm.kind')} error={errors.kind}>
          <select
            className="input"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as KeyResultKind)}
          >
            {KEY_RESULT_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kind.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        {shown.unitOfMeasure ? (
          <TextField
            label={t('krForm.unitOfMeasure')}
            name="unitOfMeasure"
            placeholder={t('krForm.unitPlaceholder')}
            value={unitOfMeasure}
            error={errors.unitOfMeasure}
            onChange={(event) => setUnit(event.target.value)}
          />
        ) : (
          <span />
        )}
        {shown.baseline && numberField('baseline', t('krForm.baseline'), t('krForm.baselineHint'))}
        {shown.target &&
          numberField(
            'target',
            t(kind === 'band' ? 'krForm.lowerBound' : 'krForm.target'),
            kind === 'binary'
              ? t('krForm.binaryHint')
              : kind === 'band'
                ? t('krForm.lowerBoundHint')
                : undefined,
          )}
        {shown.targetHigh && numberField('targetHigh', t('krForm.upperBound'), t('krForm.upperBoundHint'))}
        {shown.milestones && (
          <Field
            label={t('krForm.milestones')}
            hint={t('krForm.milestonesHint', { count: steps.length })}
            error={errors.milestones}
            className="field okr-form-span"
          >
            <textarea
              className="input"
              name="milestones"
              rows={4}
              value={milestones}
              aria-invalid={errors.milestones ? true : undefined}
              onChange={(event) => setMilestones(event.target.value)}
            />
          </Field>
        )}
        {numberField('weight', t('krForm.weight'), t('krForm.weightHint'))}
        {numberField('confidence', t('krForm.confidence'), t('krForm.confidenceHint'))}
        <Field label={t('krForm.owner')} error={errors.ownerId}>
          <select
            className="input"
            name="ownerId"
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="">{t('krForm.noOwner')}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label={t('krForm.dueDate')}
          name="dueDate"
          type="date"
          value={dueDate}
          error={errors.dueDate}
          onChange={(event) => setDueDate(event.target.value)}
        />
      </div>
    </FormDialog>
  );
}
