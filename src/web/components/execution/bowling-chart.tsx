/**
 * The bowling chart: one row pair per KPI (plan above, actual below) over twelve months, then the
 * quarter and YTD columns and the trend. Actual cells are coloured green / yellow / red; a red cell
 * with a countermeasure carries a marker, and clicking a red (or marked) cell opens its A3. KPIs
 * the user may check in on (`canCheckIn`) carry a "Check in" button (test hook `check-in-<kpiId>`).
 */
import { useTranslation } from 'react-i18next';
import type { BowlingChart as Chart, BowlingRow } from '../../../contracts';
import { formatNumber, shortMonthName } from '../okr/okr-format';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export interface CellTarget {
  kpiId: string;
  kpiTitle: string;
  month: number;
  countermeasureIds: string[];
}

export function BowlingChart({
  chart,
  onOpenCell,
  canCheckIn,
  onCheckIn,
}: {
  chart: Chart;
  onOpenCell: (cell: CellTarget) => void;
  /** Whether the user may check in on a KPI (by its owner); none is offered when not given. */
  canCheckIn?: (ownerId: string | null) => boolean;
  onCheckIn?: (row: BowlingRow) => void;
}) {
  const { t } = useTranslation('execution');
  return (
    <div className="bowling-scroll">
      <table className="bowling" data-testid="bowling-chart">
        <thead>
          <tr>
            <th scope="col" className="bowling-kpi">
              {t('bowling.kpi')}
            </th>
            <th scope="col">{t('bowling.owner')}</th>
            <th scope="col">{t('bowling.baseline')}</th>
            <th scope="col" />
            {MONTHS.map((month) => (
              <th key={month} scope="col" className="bowling-month">
                {shortMonthName(month)}
              </th>
            ))}
            {(['q1', 'q2', 'q3', 'q4', 'ytd'] as const).map((label) => (
              <th key={label} scope="col" className="bowling-summary">
                {t(`bowling.${label}`)}
              </th>
            ))}
            <th scope="col">{t('bowling.trend')}</th>
          </tr>
        </thead>
        {chart.rows.map((row) => (
          <tbody key={row.kpiId} data-testid={`bowling-${row.kpiId}`}>
            <tr className="bowling-plan">
              <th scope="row" rowSpan={2} className="bowling-kpi">
                {row.title}
                <span className="muted bowling-meta">
                  {row.unitOfMeasure} ·{' '}
                  {row.direction === 'band'
                    ? t('bowling.band', { low: formatNumber(row.target), high: formatNumber(row.targetHigh) })
                    : t(row.direction === 'increase' ? 'bowling.increase' : 'bowling.decrease')}{' '}
                  · {t('bowling.tolerance', { percent: formatNumber(row.tolerancePercent) })}
                </span>
                {onCheckIn && canCheckIn?.(row.ownerId) && (
                  <button
                    type="button"
                    className="bowling-check-in"
                    data-testid={`check-in-${row.kpiId}`}
                    aria-label={t('bowling.checkInOn', { title: row.title })}
                    onClick={() => onCheckIn(row)}
                  >
                    {t('bowling.checkIn')}
                  </button>
                )}
              </th>
              <td rowSpan={2}>{row.ownerName ?? '—'}</td>
              <td rowSpan={2} className="tabular">
                {formatNumber(row.baseline)}
              </td>
              <td className="bowling-label">{t('bowling.plan')}</td>
              {row.frames.map((frame) => (
                <td key={frame.month} className="tabular bowling-cell">
                  {formatNumber(frame.plan)}
                </td>
              ))}
              {[...row.quarters, row.ytd].map((column) => (
                <td key={column.label} className="tabular bowling-cell bowling-summary">
                  {formatNumber(column.plan)}
                </td>
              ))}
              <td rowSpan={2} className={`bowling-trend trend-${row.trend}`}>
                {row.trend === 'unknown' ? '—' : t(`bowling.trends.${row.trend}`)}
              </td>
            </tr>
            <tr className="bowling-actual">
              <td className="bowling-label">{t('bowling.actual')}</td>
              {row.frames.map((frame) => {
                const marked = frame.countermeasureIds.length > 0;
                const clickable = frame.colour === 'red' || marked;
                const cell = {
                  kpiId: row.kpiId,
                  kpiTitle: row.title,
                  month: frame.month,
                  countermeasureIds: frame.countermeasureIds,
                };
                return (
                  <td
                    key={frame.month}
                    className={`tabular bowling-cell frame-${frame.colour}${marked ? ' frame-marked' : ''}`}
                    data-testid={`frame-${row.kpiId}-${frame.month}`}
                    data-colour={frame.colour}
                    data-countermeasures={frame.countermeasureIds.length}
                    title={
                      marked
                        ? t('bowling.markedTitle', { count: frame.countermeasureIds.length })
                        : clickable
                          ? t('bowling.missedTitle')
                          : undefined
                    }
                  >
                    {clickable ? (
                      <button type="button" className="frame-button" onClick={() => onOpenCell(cell)}>
                        {formatNumber(frame.actual)}
                        {marked && <span className="frame-marker" aria-label={t('bowling.marker')} />}
                      </button>
                    ) : (
                      formatNumber(frame.actual)
                    )}
                  </td>
                );
              })}
              {[...row.quarters, row.ytd].map((column) => (
                <td
                  key={column.label}
                  className={`tabular bowling-cell bowling-summary frame-${column.colour}`}
                >
                  {formatNumber(column.actual)}
                </td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
