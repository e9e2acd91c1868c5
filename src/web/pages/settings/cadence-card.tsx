/**
 * Settings → Notifications: how often each unit checks in. A unit sets its own cadence (weekly or
 * monthly) or inherits its parent's (monthly at the root); an item is due for a check-in, and its
 * owner reminded, once its cadence has passed without one.
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { UnitCadence } from '../../../contracts';
import { CADENCES, type Cadence } from '../../../core/staleness';
import { setCadence } from '../../api-notifications';
import { queries } from '../../api/queries';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { flattenTree } from '../../hooks/unit-tree';

const CADENCE_NAMES: Record<Cadence, string> = { weekly: 'Weekly', monthly: 'Monthly' };
const INHERIT = 'inherit';

export function CadenceCard({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const client = useQueryClient();
  const toast = useToast();
  const units = flattenTree(org.tree).map((node) => ({ ...node.unit, depth: node.depth }));
  const cadences = useQueries({ queries: units.map((unit) => queries.cadence(unit.id)) });
  const change = async (unit: { id: string; name: string }, value: string) => {
    const cadence = value === INHERIT ? null : (value as Cadence);
    try {
      await setCadence(unit.id, cadence);
      toast.show({
        tone: 'success',
        message: cadence
          ? `${unit.name} checks in ${cadence === 'weekly' ? 'every week' : 'every month'}`
          : `${unit.name} follows its parent’s cadence again`,
      });
    } catch (error) {
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    // A parent's cadence is inherited below it: every unit's may have changed.
    await client.invalidateQueries({ predicate: (query) => query.queryKey[2] === 'cadence' });
  };
  /** "Monthly, as Office of the CIO": what inheriting gives, and from whom. */
  const inheritLabel = (cadence: UnitCadence | undefined) => {
    if (!cadence || cadence.own !== null) return 'As its parent';
    const from = cadence.inheritedFrom ? org.unitsById.get(cadence.inheritedFrom)?.name : null;
    return from
      ? `${CADENCE_NAMES[cadence.effective]}, as ${from}`
      : `${CADENCE_NAMES[cadence.effective]} (inherited)`;
  };
  return (
    <section className="admin-card" aria-labelledby="cadence-title">
      <h2 id="cadence-title">Check-in cadence</h2>
      <p className="muted">
        How often each unit’s key results and KPIs are checked in. Reminders go out once an item’s cadence has
        passed without a check-in.
      </p>
      <table className="admin-table" aria-label="Check-in cadence by unit">
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">Cadence</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit, index) => {
            const cadence = cadences[index]?.data;
            return (
              <tr key={unit.id}>
                <th scope="row" style={{ paddingLeft: `${String(0.75 + unit.depth * 1.25)}rem` }}>
                  {unit.name}
                </th>
                <td>
                  {readOnly || !cadence ? (
                    <span className={cadence ? undefined : 'muted'}>
                      {cadence
                        ? `${CADENCE_NAMES[cadence.effective]}${cadence.own === null ? ' (inherited)' : ''}`
                        : 'Loading…'}
                    </span>
                  ) : (
                    <select
                      className="input"
                      aria-label={`Check-in cadence of ${unit.name}`}
                      value={cadence.own ?? INHERIT}
                      onChange={(event) => void change(unit, event.target.value)}
                    >
                      <option value={INHERIT}>{inheritLabel(cadence)}</option>
                      {CADENCES.map((c) => (
                        <option key={c} value={c}>
                          {CADENCE_NAMES[c]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
