/** Step 1: which parent unit's OKRs, for which cycle, into which unit below and which year. */
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
  const below = units.filter((unit) => isBelow(unit, scope.fromUnitId, units));
  return (
    <div className="wizard-form">
      <label>
        <span>Parent unit (its OKRs are translated)</span>
        <select
          value={scope.fromUnitId}
          onChange={(event) => onChange({ ...scope, fromUnitId: event.target.value })}
        >
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Cycle</span>
        <select
          value={scope.cycleId}
          onChange={(event) => {
            const cycle = cycles.find((c) => c.id === event.target.value);
            onChange({ ...scope, cycleId: event.target.value, year: cycle?.year ?? scope.year });
          }}
        >
          {cycles.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Child unit (receives the X-matrix)</span>
        <select
          value={scope.toUnitId}
          onChange={(event) => onChange({ ...scope, toUnitId: event.target.value })}
        >
          {!below.some((unit) => unit.id === scope.toUnitId) && (
            <option value={scope.toUnitId}>choose a unit below…</option>
          )}
          {below.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Matrix year</span>
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
