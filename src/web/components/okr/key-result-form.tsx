/**
 * Create or edit a key result: kind, title, unit of measure, baseline and target (a band's upper
 * bound, a milestone result's steps), weight, owner, confidence and due date. The fields a kind
 * does not use are hidden and sent empty. Every refusal, the form's own or the server's (a target
 * that does not fit its kind included), is shown beside the field it names.
 */
import { useState } from 'react';
import type { KeyResult, Person } from '../../../contracts';
import { KEY_RESULT_KINDS, type KeyResultKind } from '../../../core/key-result';
import { createKeyResult, updateKeyResult } from '../../api-okrs';
import { Field, TextField } from '../form/field';
import { FormDialog } from '../form/form-dialog';
import { useSubmit } from '../form/use-submit';
import { KR_KIND_LABEL } from './okr-format';

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
  return Number.isFinite(value) ? { value } : { problem: `enter a number, not "${raw.trim()}"` };
}

export function KeyResultForm({
  keyResult,
  objectiveId,
  objectiveTitle,
  people,
  onClose,
  onSaved,
}: KeyResultFormProps) {
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
        if (read() === null) return 'Some numbers are not numbers: see the fields marked below.';
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
      title={keyResult ? `Edit ${keyResult.title}` : 'Add a key result'}
      description={`Key result of “${objectiveTitle}”`}
      submit={save}
      submitLabel={keyResult ? 'Save key result' : 'Add key result'}
      fields={[...FIELDS, ...Object.keys(numbers)]}
      className="dialog-wide"
      onClose={onClose}
    >
      <div className="okr-form-grid">
        <div className="okr-form-span">
          <TextField
            label="Title"
            name="title"
            required
            value={title}
            error={errors.title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <Field label="Kind" error={errors.kind}>
          <select
            className="input"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as KeyResultKind)}
          >
            {KEY_RESULT_KINDS.map((option) => (
              <option key={option} value={option}>
                {KR_KIND_LABEL[option]}
              </option>
            ))}
          </select>
        </Field>
        {shown.unitOfMeasure ? (
          <TextField
            label="Unit of measure"
            name="unitOfMeasure"
            placeholder="%, h, €k…"
            value={unitOfMeasure}
            error={errors.unitOfMeasure}
            onChange={(event) => setUnit(event.target.value)}
          />
        ) : (
          <span />
        )}
        {shown.baseline && numberField('baseline', 'Baseline', 'Where it starts')}
        {shown.target &&
          numberField(
            'target',
            kind === 'band' ? 'Lower bound' : 'Target',
            kind === 'binary' ? '1 (done)' : kind === 'band' ? 'Stay at or above' : undefined,
          )}
        {shown.targetHigh && numberField('targetHigh', 'Upper bound', 'Stay at or below')}
        {shown.milestones && (
          <Field
            label="Milestones"
            hint={`One step a line, in order (${steps.length} step${steps.length === 1 ? '' : 's'})`}
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
        {numberField('weight', 'Weight', 'Relative to the other key results (default 1)')}
        {numberField('confidence', 'Confidence', '0 to 1, the owner’s')}
        <Field label="Owner" error={errors.ownerId}>
          <select
            className="input"
            name="ownerId"
            value={ownerId}
            onChange={(event) => setOwnerId(event.target.value)}
          >
            <option value="">No owner</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label="Due date"
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
