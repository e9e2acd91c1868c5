/**
 * The fields that describe an organisation: its name, the display names of the five X-matrix parts
 * and the breakthrough horizon. The create flow adds the id; settings edit the rest.
 */
import type { ReactNode } from 'react';
import {
  DEFAULT_PART_NAMES,
  MATRIX_PARTS,
  PART_POSITION,
  type PartNames,
} from '../../../core/x-matrix-parts';
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

const PART_HINT: Record<keyof PartNames, string> = {
  what: 'Long-term breakthroughs (3-5 years)',
  how_far: 'This year’s objectives',
  how: 'Top-level improvement priorities',
  how_much: 'Measurable targets (KPIs)',
  who: 'Teams and people who deliver',
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
  const set = (patch: Partial<OrganisationValues>) => onChange({ ...values, ...patch });
  return (
    <>
      <div className="setup-grid">
        <TextField
          label="Organisation name"
          name="name"
          required
          maxLength={200}
          value={values.name}
          readOnly={readOnly}
          onChange={(event) => set({ name: event.target.value })}
          error={errors.name}
          placeholder="Northwind Financial"
        />
        {besideName}
        <TextField
          label="Breakthrough horizon (years)"
          name="horizonYears"
          type="number"
          min={1}
          max={10}
          required
          value={values.horizonYears}
          readOnly={readOnly}
          onChange={(event) => set({ horizonYears: event.target.value })}
          error={errors.horizonYears}
          hint="How far the breakthrough objectives reach; 3-5 is usual"
        />
      </div>
      <fieldset className="setup-parts">
        <legend className="field-label">X-matrix part labels</legend>
        <p className="field-hint">What your organisation calls each of the five parts of the X-matrix.</p>
        <div className="setup-grid">
          {MATRIX_PARTS.map((part) => (
            <TextField
              key={part}
              label={`${PART_POSITION[part][0]?.toUpperCase() ?? ''}${PART_POSITION[part].slice(1)} — ${PART_HINT[part]}`}
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
