/**
 * An initiative's plan: start and end dates, status, the skills it needs and the chance it is
 * delivered at all (typed as a percentage, stored 0-1). Saved with one PATCH of the item; the
 * server's problem with a field shows under it. Read-only: the values as text-like disabled fields.
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INITIATIVE_STATUSES, type MatrixItem, type UpdateMatrixItemInput } from '../../../contracts';
import { Button } from '../button';
import { Field, TextField } from '../form/field';
import { FormAlert } from '../form/form-alert';
import { SubmitButton } from '../form/submit-button';
import { useSubmit } from '../form/use-submit';
import { XIcon } from '../icons';
import { numberText, parseNumber } from './detail-format';

const FIELDS = ['startDate', 'endDate', 'status', 'requiredSkills', 'deliveryProbability'] as const;

interface InitiativePlanFormProps {
  item: MatrixItem;
  readOnly: boolean;
  /** Skills to suggest (the organisation's people's skills). */
  knownSkills: readonly string[];
  onSave: (changes: Omit<UpdateMatrixItemInput, 'version'>) => Promise<unknown>;
}

export function InitiativePlanForm({ item, readOnly, knownSkills, onSave }: InitiativePlanFormProps) {
  const { t } = useTranslation('items');
  const [startDate, setStartDate] = useState(item.startDate ?? '');
  const [endDate, setEndDate] = useState(item.endDate ?? '');
  const [status, setStatus] = useState(item.status ?? '');
  const [skills, setSkills] = useState<string[]>(item.requiredSkills);
  const [skillDraft, setSkillDraft] = useState('');
  const [probability, setProbability] = useState(numberText(item.deliveryProbability * 100));
  const percent = parseNumber(probability);

  const save = useSubmit(
    () =>
      onSave({
        startDate: startDate || null,
        endDate: endDate || null,
        status: status === '' ? null : (status as MatrixItem['status']),
        requiredSkills: skills,
        deliveryProbability: (percent ?? 100) / 100,
      }),
    {
      check: () =>
        percent !== null && (Number.isNaN(percent) || percent < 0 || percent > 100)
          ? t('plan.probabilityInvalid')
          : null,
    },
  );
  const errors = save.fieldErrors;

  const addSkill = () => {
    const skill = skillDraft.trim();
    if (skill && !skills.includes(skill)) setSkills([...skills, skill]);
    setSkillDraft('');
  };
  const onSkillKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      addSkill();
    } else if (event.key === 'Backspace' && skillDraft === '' && skills.length > 0) {
      setSkills(skills.slice(0, -1));
    }
  };

  return (
    <form
      className="detail-section"
      aria-label={t('plan.title')}
      onSubmit={save.onSubmit}
      noValidate
      data-testid="initiative-plan"
    >
      <h3 className="detail-section-title">{t('plan.title')}</h3>
      <FormAlert error={save.error} fields={FIELDS} />
      <div className="detail-grid">
        <TextField
          label={t('plan.start')}
          type="date"
          name="startDate"
          value={startDate}
          onChange={(event) => setStartDate(event.target.value)}
          disabled={readOnly}
          error={errors.startDate}
        />
        <TextField
          label={t('plan.end')}
          type="date"
          name="endDate"
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
          disabled={readOnly}
          error={errors.endDate}
        />
        <Field label={t('plan.status')} error={errors.status}>
          <select
            className="input"
            name="status"
            value={status}
            disabled={readOnly}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t('plan.notSet')}</option>
            {INITIATIVE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`plan.statuses.${value}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('plan.probability')}
          hint={t('plan.probabilityHint')}
          error={errors.deliveryProbability}
        >
          <span className="input-affix">
            <input
              className="input"
              name="deliveryProbability"
              inputMode="decimal"
              value={probability}
              disabled={readOnly}
              aria-invalid={errors.deliveryProbability ? true : undefined}
              onChange={(event) => setProbability(event.target.value)}
            />
            <span className="input-affix-text">%</span>
          </span>
        </Field>
      </div>
      <Field label={t('plan.requiredSkills')} error={errors.requiredSkills}>
        <span className={`chip-input${readOnly ? ' is-disabled' : ''}`}>
          {skills.map((skill) => (
            <span key={skill} className="chip">
              {skill}
              {!readOnly && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('plan.removeSkill', { skill })}
                  onClick={() => setSkills(skills.filter((s) => s !== skill))}
                >
                  <XIcon size={11} />
                </button>
              )}
            </span>
          ))}
          {readOnly ? (
            skills.length === 0 && <span className="muted">{t('plan.noneNamed')}</span>
          ) : (
            <input
              className="chip-input-field"
              name="requiredSkill"
              list="known-skills"
              placeholder={skills.length === 0 ? t('plan.firstSkill') : t('plan.moreSkills')}
              value={skillDraft}
              onChange={(event) => setSkillDraft(event.target.value)}
              onKeyDown={onSkillKey}
              onBlur={addSkill}
            />
          )}
        </span>
        <datalist id="known-skills">
          {knownSkills.map((skill) => (
            <option key={skill} value={skill} />
          ))}
        </datalist>
      </Field>
      {!readOnly && (
        <div className="detail-actions">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setStartDate(item.startDate ?? '');
              setEndDate(item.endDate ?? '');
              setStatus(item.status ?? '');
              setSkills(item.requiredSkills);
              setProbability(numberText(item.deliveryProbability * 100));
            }}
          >
            {t('plan.discard')}
          </Button>
          <SubmitButton submit={save} pendingLabel={t('plan.saving')}>
            {t('plan.save')}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
