/**
 * Capacity as two heatmaps, skill × month (demand against supply) and person × month (load against
 * capacity), each cell showing its person-days, with a legend; the planner chooses how work is
 * allocated to people (owners first, or pooled across everyone holding the skill). Cells a
 * what-if scenario changes are outlined.
 */
import { useTranslation } from 'react-i18next';
import type { CapacityAllocation, CapacityReport } from '../../../core/capacity';
import { currentLocale } from '../../i18n/locale';
import { SegmentedChoice } from '../form/segmented-choice';
import { monthNames } from './wording';

const LEVELS = [0, 1, 2, 3, 4] as const;

const ALLOCATIONS: CapacityAllocation[] = ['owners_first', 'pooled'];

/** A share of capacity as a heat level: 0 idle … 3 nearly full, 4 over. */
function level(used: number, available: number): number {
  if (used <= 0) return 0;
  if (available <= 0 || used > available + 1e-9) return 4;
  return Math.min(3, Math.ceil((used / available) * 3));
}

const days = (value: number) =>
  (Math.round(value * 10) / 10).toLocaleString(currentLocale(), {
    maximumFractionDigits: 1,
    useGrouping: false,
  });

interface Row {
  key: string;
  label: string;
  note: string;
  used: number[];
  available: number[];
  savedUsed?: number[] | undefined;
}

function Heatmap({ title, rows, unitNote }: { title: string; rows: Row[]; unitNote: string }) {
  const { t } = useTranslation('pressure');
  const months = monthNames();
  return (
    <table className="heatmap">
      <caption>
        {title} <small>{unitNote}</small>
      </caption>
      <thead>
        <tr>
          <th />
          {months.map((month) => (
            <th key={month} scope="col">
              {month}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`heat-${row.key}`}>
            <th scope="row">
              {row.label}
              <small>{row.note}</small>
            </th>
            {row.used.map((used, m) => {
              const available = row.available[m] ?? 0;
              const changed = row.savedUsed !== undefined && Math.abs((row.savedUsed[m] ?? 0) - used) > 0.05;
              return (
                <td
                  key={m}
                  className={`heat heat-${level(used, available)}${changed ? ' heat-changed' : ''}`}
                  title={
                    changed
                      ? t('capacity.cellChanged', {
                          month: months[m],
                          used: days(used),
                          available: days(available),
                          saved: days(row.savedUsed?.[m] ?? 0),
                        })
                      : t('capacity.cell', { month: months[m], used: days(used), available: days(available) })
                  }
                >
                  {used > 0 ? days(used) : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CapacityHeatmaps(props: {
  capacity: CapacityReport;
  /** The saved plan's report, when a scenario differs from it. */
  saved?: CapacityReport | undefined;
  allocation: CapacityAllocation;
  onAllocation: (allocation: CapacityAllocation) => void;
}) {
  const { t } = useTranslation('pressure');
  const { capacity, saved } = props;
  const savedSkill = new Map(saved?.skills.map((s) => [s.skill, s.demand]));
  const savedPerson = new Map(saved?.people.map((p) => [p.personId, p.load]));
  const options = ALLOCATIONS.map((id) => ({ id, label: t(`capacity.allocation.${id}.label`) }));
  const chosen = ALLOCATIONS.includes(props.allocation) ? props.allocation : 'owners_first';
  return (
    <div className="capacity">
      <fieldset className="allocation" data-testid="allocation">
        <legend>{t('capacity.allocation.legend')}</legend>
        <SegmentedChoice
          name="allocation"
          options={options}
          value={props.allocation}
          onChange={props.onAllocation}
        />
        <p className="allocation-help">{t(`capacity.allocation.${chosen}.help`)}</p>
      </fieldset>
      <div className="heatmaps">
        <Heatmap
          title={t('capacity.skills.title')}
          unitNote={t('capacity.skills.unitNote')}
          rows={capacity.skills.map((s) => ({
            key: s.skill,
            label: s.skill,
            note:
              s.holderIds.length === 0
                ? t('capacity.skills.nobody')
                : t('capacity.skills.available', { days: days(s.supply[0] ?? 0) }),
            used: s.demand,
            available: s.supply,
            savedUsed: saved ? (savedSkill.get(s.skill) ?? Array<number>(12).fill(0)) : undefined,
          }))}
        />
        <Heatmap
          title={t('capacity.people.title')}
          unitNote={t('capacity.people.unitNote')}
          rows={capacity.people.map((p) => ({
            key: p.personId,
            label: p.name,
            note: t('capacity.people.perMonth', { days: days(p.capacity) }),
            used: p.load,
            available: Array<number>(12).fill(p.capacity),
            savedUsed: saved ? (savedPerson.get(p.personId) ?? Array<number>(12).fill(0)) : undefined,
          }))}
        />
      </div>
      <ul className="heat-legend" aria-label={t('capacity.legend')}>
        {LEVELS.map((l) => (
          <li key={l}>
            <span className={`heat heat-${l}`} aria-hidden="true" />
            {t(`capacity.level.${l}`)}
          </li>
        ))}
        {saved && (
          <li>
            <span className="heat heat-0 heat-changed" aria-hidden="true" />
            {t('capacity.changed')}
          </li>
        )}
      </ul>
    </div>
  );
}
