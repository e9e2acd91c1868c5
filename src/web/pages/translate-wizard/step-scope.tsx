/** Step 1: which parent unit's OKRs, for which cycle, into which unit below and which year. */
import { useTranslation } from 'react-i18next';
import type { Cycle, Unit } from '../../../contracts';
import { isBelow } from '../../hooks/unit-tree';

export interface Scope {
  fromUnitId: string;
  toUnitId: string;
  cycleId: string;
  year: number;
}

export function StepScope({
  scope,
  units,
  cycles,
  onChange,
}: {
  scope: Scope;
  units: Unit[];
  cycles: Cycle[];
  onChange: (scope: Scope) => void;
}) {
  const { t } = useTranslation('wizard');
  const below = units.filter((unit) => isBelow(unit, scope.fromUnitId, units));
  return (
    <div className="wizard-form">
      <Choice
        label={t('scope.parent')}
        value={scope.fromUnitId}
        options={units}
        onChange={(fromUnitId) => onChange({ ...scope, fromUnitId })}
      />
      <Choice
        label={t('scope.cycle')}
        value={scope.cycleId}
        options={cycles}
        onChange={(cycleId) =>
          onChange({ ...scope, cycleId, year: cycles.find((c) => c.id === cycleId)?.year ?? scope.year })
        }
      />
      <Choice
        label={t('scope.child')}
        value={scope.toUnitId}
        options={below}
        placeholder={below.some((unit) => unit.id === scope.toUnitId) ? undefined : t('scope.chooseChild')}
        onChange={(toUnitId) => onChange({ ...scope, toUnitId })}
      />
      <label>
        <span>{t('scope.year')}</span>
        <input
          type="number"
          min={2000}
          max={2100}
          value={scope.year}
          onChange={(event) => onChange({ ...scope, year: Number(event.target.value) })}
        />
      </label>
    </div>
  );
}

/** A labelled select over named things; `placeholder` keeps a value that is not (yet) among the options. */
function Choice(props: {
  label: string;
  value: string;
  options: { id: string; name: string }[];
  placeholder?: string | undefined;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.placeholder !== undefined && <option value={props.value}>{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
