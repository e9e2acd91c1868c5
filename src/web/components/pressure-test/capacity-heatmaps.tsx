/** Capacity as two heatmaps, skill × month (demand against supply) and person × month (load against capacity). */
import type { CapacityReportView } from '../../../contracts';

const MONTHS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D'];

/** A share of capacity as a heat level: 0 idle … 3 full, 4 over. */
function level(used: number, available: number): number {
  if (used <= 0) return 0;
  if (available <= 0 || used > available) return 4;
  return Math.min(3, Math.ceil((used / available) * 3));
}

function Heatmap({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; label: string; used: number[]; available: number[] }[];
}) {
  return (
    <table className="heatmap">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th />
          {MONTHS.map((month, m) => (
            <th key={m} scope="col">
              {month}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`heat-${row.key}`}>
            <th scope="row">{row.label}</th>
            {row.used.map((used, m) => (
              <td
                key={m}
                className={`heat heat-${level(used, row.available[m] ?? 0)}`}
                title={`${Math.round(used * 10) / 10} of ${Math.round((row.available[m] ?? 0) * 10) / 10} person-days`}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CapacityHeatmaps({ capacity }: { capacity: CapacityReportView }) {
  return (
    <div className="heatmaps">
      <Heatmap
        title="Skills: demand against supply"
        rows={capacity.skills.map((s) => ({
          key: s.skill,
          label: s.skill,
          used: s.demand,
          available: s.supply,
        }))}
      />
      <Heatmap
        title="People: planned load against capacity"
        rows={capacity.people.map((p) => ({
          key: p.personId,
          label: p.name,
          used: p.load,
          available: Array<number>(12).fill(p.capacity),
        }))}
      />
    </div>
  );
}
