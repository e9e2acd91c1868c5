/**
 * Capacity as two heatmaps, skill × month (demand against supply) and person × month (load against
 * capacity), each cell showing its person-days, with a legend; the planner chooses how work is
 * allocated to people (owners first, or pooled across everyone holding the skill). Cells a
 * what-if scenario changes are outlined.
 */
import type { CapacityAllocation, CapacityReport } from '../../../core/capacity';
import { SegmentedChoice } from '../form/segmented-choice';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const LEVELS = [
  { level: 0, label: 'Idle' },
  { level: 1, label: 'Up to a third' },
  { level: 2, label: 'Up to two thirds' },
  { level: 3, label: 'Nearly full' },
  { level: 4, label: 'Over capacity' },
];

const ALLOCATIONS: { id: CapacityAllocation; label: string; help: string }[] = [
  {
    id: 'owners_first',
    label: 'Owners first',
    help: "An initiative's work goes to its owners who have the skill; to everyone with the skill only when no owner has it.",
  },
  {
    id: 'pooled',
    label: 'Pooled by skill',
    help: 'Everyone who has a skill shares all the work needing it, in proportion to their monthly capacity, owner or not.',
  },
];

/** A share of capacity as a heat level: 0 idle … 3 nearly full, 4 over. */
function level(used: number, available: number): number {
  if (used <= 0) return 0;
  if (available <= 0 || used > available + 1e-9) return 4;
  return Math.min(3, Math.ceil((used / available) * 3));
}

const days = (value: number) => String(Math.round(value * 10) / 10);

interface Row {
  key: string;
  label: string;
  note: string;
  used: number[];
  available: number[];
  savedUsed?: number[] | undefined;
}

function Heatmap({ title, rows, unitNote }: { title: string; rows: Row[]; unitNote: string }) {
  return (
    <table className="heatmap">
      <caption>
        {title} <small>{unitNote}</small>
      </caption>
      <thead>
        <tr>
          <th />
          {MONTHS.map((month) => (
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
                  title={`${MONTHS[m]}: ${days(used)} of ${days(available)} person-days${changed ? ` (saved plan: ${days(row.savedUsed?.[m] ?? 0)})` : ''}`}
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
  const { capacity, saved } = props;
  const savedSkill = new Map(saved?.skills.map((s) => [s.skill, s.demand]));
  const savedPerson = new Map(saved?.people.map((p) => [p.personId, p.load]));
  const chosen = ALLOCATIONS.find((a) => a.id === props.allocation) ?? ALLOCATIONS[0];
  return (
    <div className="capacity">
      <fieldset className="allocation" data-testid="allocation">
        <legend>How work is allocated to people</legend>
        <SegmentedChoice
          name="allocation"
          options={ALLOCATIONS}
          value={props.allocation}
          onChange={props.onAllocation}
        />
        <p className="allocation-help">{chosen?.help} Skill demand and supply are the same either way.</p>
      </fieldset>
      <div className="heatmaps">
        <Heatmap
          title="Skills: demand against supply"
          unitNote="person-days needed per month"
          rows={capacity.skills.map((s) => ({
            key: s.skill,
            label: s.skill,
            note: s.holderIds.length === 0 ? 'nobody has it' : `${days(s.supply[0] ?? 0)} a month available`,
            used: s.demand,
            available: s.supply,
            savedUsed: saved ? (savedSkill.get(s.skill) ?? Array<number>(12).fill(0)) : undefined,
          }))}
        />
        <Heatmap
          title="People: planned load against capacity"
          unitNote="person-days planned per month"
          rows={capacity.people.map((p) => ({
            key: p.personId,
            label: p.name,
            note: `${days(p.capacity)} a month`,
            used: p.load,
            available: Array<number>(12).fill(p.capacity),
            savedUsed: saved ? (savedPerson.get(p.personId) ?? Array<number>(12).fill(0)) : undefined,
          }))}
        />
      </div>
      <ul className="heat-legend" aria-label="Legend">
        {LEVELS.map(({ level: l, label }) => (
          <li key={l}>
            <span className={`heat heat-${l}`} aria-hidden="true" />
            {label}
          </li>
        ))}
        {saved && (
          <li>
            <span className="heat heat-0 heat-changed" aria-hidden="true" />
            Changed by the what-if
          </li>
        )}
      </ul>
    </div>
  );
}
