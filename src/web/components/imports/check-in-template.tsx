/**
 * What a check-in upload's `item` column takes, for one unit: its key results of the current
 * cycle with their ids, and a CSV template with one row a key result (dated today, the value left
 * to fill in). The upload also takes the units below and KPIs; this lists the unit's own key results.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Cycle } from '../../../contracts';
import { queries } from '../../api/queries';

/** The cycle holding `today`, else the latest one that started before it, else the first. */
function currentCycle(cycles: readonly Cycle[], today: string): Cycle | undefined {
  const started = [...cycles]
    .filter((cycle) => cycle.startDate <= today)
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    cycles.find((cycle) => cycle.startDate <= today && today <= cycle.endDate) ?? started[0] ?? cycles[0]
  );
}

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function CheckInTemplate({
  unitId,
  unitName,
  cycles,
}: {
  unitId: string;
  unitName: string;
  cycles: readonly Cycle[];
}) {
  const today = new Date().toISOString().slice(0, 10);
  const cycle = currentCycle(cycles, today);
  const okrs = useQuery({ ...queries.unitOkrs(unitId, cycle?.id ?? ''), enabled: cycle !== undefined });
  const krs = useMemo(() => (okrs.data ?? []).flatMap((objective) => objective.keyResults), [okrs.data]);
  const href = useMemo(() => {
    if (krs.length === 0) return null;
    const lines = ['item,date,value,confidence,comment', ...krs.map((kr) => `${csvCell(kr.id)},${today},,,`)];
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`${lines.join('\n')}\n`)}`;
  }, [krs, today]);
  if (!cycle || krs.length === 0) return null;
  return (
    <details className="import-mapping check-in-template">
      <summary>
        Item ids of {unitName}’s {krs.length} key result{krs.length === 1 ? '' : 's'} in {cycle.name}
      </summary>
      {href && (
        <a className="import-template" href={href} download={`check-ins-${unitId}.csv`}>
          Download a CSV template with these key results
        </a>
      )}
      <table className="import-table">
        <thead>
          <tr>
            <th>item</th>
            <th>Key result</th>
          </tr>
        </thead>
        <tbody>
          {krs.map((kr) => (
            <tr key={kr.id}>
              <td>
                <code>{kr.id}</code>
              </td>
              <td>{kr.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
