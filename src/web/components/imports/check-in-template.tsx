/**
 * What a check-in upload's `item` column takes, for one unit: the key results of the current cycle
 * that are checked in directly (one measured by KPIs follows them, so it is left out and named) and
 * the KPIs of the unit's X-matrix for that year, with their ids, and a CSV template with one row
 * each (dated today, the value left to fill in). The upload also takes the units below.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../contracts';
import { currentCycle } from '../../../core/cycle';
import { queries } from '../../api/queries';
import { localIsoDate } from '../../../core/calendar';

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
  const { t } = useTranslation('imports');
  const today = localIsoDate(new Date());
  const cycle = currentCycle(cycles, today);
  const okrs = useQuery({ ...queries.unitOkrs(unitId, cycle?.id ?? ''), enabled: cycle !== undefined });
  const progress = useQuery({
    ...queries.unitProgress(unitId, cycle?.id ?? ''),
    enabled: cycle !== undefined,
  });
  const matrix = useQuery({
    ...queries.matrixView(unitId, cycle?.year ?? 0),
    enabled: cycle !== undefined,
    retry: false,
  });
  const measured = useMemo(
    () =>
      new Set(
        (progress.data?.objectives ?? []).flatMap((objective) =>
          objective.keyResults.filter((kr) => kr.measure !== null).map((kr) => kr.id),
        ),
      ),
    [progress.data],
  );
  const items = useMemo(
    () => [
      ...(okrs.data ?? [])
        .flatMap((objective) => objective.keyResults)
        .filter((kr) => !measured.has(kr.id))
        .map((kr) => ({ id: kr.id, title: kr.title, kind: 'keyResult' as const })),
      ...(matrix.data?.items.how_much ?? []).map((kpi) => ({
        id: kpi.id,
        title: kpi.title,
        kind: 'kpi' as const,
      })),
    ],
    [okrs.data, matrix.data, measured],
  );
  const href = useMemo(() => {
    if (items.length === 0) return null;
    const lines = [
      'item,date,value,confidence,comment',
      ...items.map((item) => `${csvCell(item.id)},${today},,,`),
    ];
    return `data:text/csv;charset=utf-8,${encodeURIComponent(`${lines.join('\n')}\n`)}`;
  }, [items, today]);
  if (!cycle || items.length === 0) return null;
  return (
    <details className="import-mapping check-in-template">
      <summary>{t('template.summary', { unit: unitName, count: items.length, cycle: cycle.name })}</summary>
      {href && (
        <a className="import-template" href={href} download={`check-ins-${unitId}.csv`}>
          {t('template.download', { count: items.length })}
        </a>
      )}
      {measured.size > 0 && (
        <p className="muted">{t('template.measured', { count: measured.size, unit: unitName })}</p>
      )}
      <table className="import-table">
        <thead>
          <tr>
            {/* eslint-disable-next-line catchball/no-untranslated-text -- a CSV column name, the same in every language */}
            <th>item</th>
            <th>{t('template.what')}</th>
            <th>{t('template.title')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <code>{item.id}</code>
              </td>
              <td>{t(`template.kind.${item.kind}`)}</td>
              <td>{item.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
