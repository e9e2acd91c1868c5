/**
 * Settings → Notifications: how often each unit checks in. A unit sets its own cadence (weekly or
 * monthly) or inherits its parent's (monthly at the root); an item is due for a check-in, and its
 * owner reminded, once its cadence has passed without one.
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitCadence } from '../../../contracts';
import { CADENCES, type Cadence } from '../../../core/staleness';
import { setCadence } from '../../api-notifications';
import { queries } from '../../api/queries';
import { useToast } from '../../components/toast';
import type { OrgData } from '../../hooks/org-context';
import { flattenTree } from '../../hooks/unit-tree';

const INHERIT = 'inherit';

export function CadenceCard({ org, readOnly }: { org: OrgData; readOnly: boolean }) {
  const { t } = useTranslation('settings');
  const cadenceName = (cadence: Cadence) => t(`cadence.names.${cadence}`);
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
          ? t('cadence.setOwn', { unit: unit.name, cadence })
          : t('cadence.setInherit', { unit: unit.name }),
      });
    } catch (error) {
      toast.show({ tone: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    // A parent's cadence is inherited below it: every unit's may have changed.
    await client.invalidateQueries({ predicate: (query) => query.queryKey[2] === 'cadence' });
  };
  /** "Monthly, as Office of the CIO": what inheriting gives, and from whom. */
  const inheritLabel = (cadence: UnitCadence | undefined) => {
    if (!cadence || cadence.own !== null) return t('cadence.asParent');
    const from = cadence.inheritedFrom ? org.unitsById.get(cadence.inheritedFrom)?.name : null;
    return from
      ? t('cadence.inheritedFrom', { cadence: cadenceName(cadence.effective), from })
      : t('cadence.inherited', { cadence: cadenceName(cadence.effective) });
  };
  return (
    <section className="admin-card" aria-labelledby="cadence-title">
      <h2 id="cadence-title">{t('cadence.title')}</h2>
      <p className="muted">{t('cadence.intro')}</p>
      <table className="admin-table" aria-label={t('cadence.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('shared.unit')}</th>
            <th scope="col">{t('cadence.cadence')}</th>
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
                        ? cadence.own === null
                          ? t('cadence.inherited', { cadence: cadenceName(cadence.effective) })
                          : cadenceName(cadence.effective)
                        : t('shared.loading')}
                    </span>
                  ) : (
                    <select
                      className="input"
                      aria-label={t('cadence.selectLabel', { unit: unit.name })}
                      value={cadence.own ?? INHERIT}
                      onChange={(event) => void change(unit, event.target.value)}
                    >
                      <option value={INHERIT}>{inheritLabel(cadence)}</option>
                      {CADENCES.map((c) => (
                        <option key={c} value={c}>
                          {cadenceName(c)}
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
