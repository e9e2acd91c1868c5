/**
 * The fields that describe an organisation: its name, the display names of the five X-matrix parts
 * and the breakthrough horizon. The create flow adds the id; settings edit the rest.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PART_NAMES, MATRIX_PARTS, type PartNames } from '../../../core/x-matrix-parts';
import { TextField } from '../form/field';

export interface OrganisationValues {
  name: string;
  partNames: PartNames;
  horizonYears: string;
}

export const EMPTY_ORGANISATION: OrganisationValues = {
  name: '',
  partNames: DEFAULT_PART_NAMES,
  horizonYears: '5',
};

interface OrganisationFieldsProps {
  values: OrganisationValues;
  onChange: (values: OrganisationValues) => void;
  errors: Record<string, string>;
  readOnly?: boolean;
  /** Drawn beside the name (the create flow's id field). */
  besideName?: ReactNode;
}

/** Name, horizon and the five part labels; `errors` are useSubmit's field errors. */
export function OrganisationFields({
  values,
  onChange,
  errors,
  readOnly = false,
  besideName,
}: OrganisationFieldsProps) {
  const { t } = useTranslation('setup');
  const set = (patch: Partial<OrganisationValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <div className="setup-grid">
        <TextField
          label={t('organisation.name')}
          name="name"
          required
          maxLength={200}
          value={values.name}
          readOnly={readOnly}
          onChange={(event) => set({ name: event.target.value })}
          error={errors.name}
          placeholder={t('organisation.namePlaceholder')}
        />
        {besideName}
        <TextField
          label={t('organisation.horizon')}
          name="horizonYears"
          type="number"
          min={1}
          max={10}
          required
          value={values.horizonYears}
          readOnly={readOnly}
          onChange={(event) => set({ horizonYears: event.target.value })}
          error={errors.horizonYears}
          hint={t('organisation.horizonHint')}
        />
      </div>
      <fieldset className="setup-parts">
        <legend className="field-label">{t('organisation.partsLegend')}</legend>
        <p className="field-hint">{t('organisation.partsHint')}</p>
        <div className="setup-grid">
          {MATRIX_PARTS.map((part) => (
            <TextField
              key={part}
              label={t(`organisation.part.${part}`)}
              name={`part-${part}`}
              required
              maxLength={60}
              value={values.partNames[part]}
              readOnly={readOnly}
              onChange={(event) => set({ partNames: { ...values.partNames, [part]: event.target.value } })}
            />
          ))}
        </div>
        {errors.partNames && <span className="field-error">{errors.partNames}</span>}
      </fieldset>
    </>
  );
}

/** The horizon as the API takes it, or null when it is not a whole number of 1-10 years. */
export function horizonOf(values: OrganisationValues): number | null {
  const years = Number(values.horizonYears);
  return Number.isInteger(years) && years >= 1 && years <= 10 ? years : null;
}
