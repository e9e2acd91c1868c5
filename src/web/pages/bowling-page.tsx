/**
 * The bowling chart tab: the unit's KPIs for a year, red months opening their countermeasure A3, and
 * a check-in on the KPIs the user may check in on (editors: all; contributors: the ones they own).
 * `?countermeasure=<id>` (an inbox link) opens that countermeasure's A3 once the chart is loaded.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import type { BowlingChart as BowlingChartData, BowlingRow } from '../../contracts';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { BowlingChart, type CellTarget } from '../components/execution/bowling-chart';
import { CheckInForm } from '../components/execution/check-in-form';
import { CountermeasureForm } from '../components/execution/countermeasure-form';
import { EmptyState } from '../components/empty-state';
import { QueryView } from '../components/form/query-view';
import { GridIcon } from '../components/icons';
import { useToast } from '../components/toast';
import { useOrg } from '../hooks/org-context';
import { useLiveChanges } from '../hooks/use-live-changes';
import { useUnitAccess } from '../session/use-unit-access';

export function BowlingPage({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation('execution');
  const { data: org } = useOrg();
  const toast = useToast();
  const client = useQueryClient();
  const chart = useQuery(queries.bowling(unitId, year));
  useLiveChanges({ unitId });
  const refresh = () => void client.invalidateQueries({ queryKey: keys.unit(unitId) });
  const [open, setOpen] = useState<CellTarget | null>(null);
  const { canCheckIn } = useUnitAccess(unitId);
  const [checkingIn, setCheckingIn] = useState<BowlingRow | null>(null);
  const linked = new URLSearchParams(useSearch()).get('countermeasure');
  // Once per link: closing the A3 keeps it closed when the chart reloads.
  const openedLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || !chart.data || openedLink.current === linked) return;
    const target = linkedCell(chart.data, linked);
    if (!target) return;
    openedLink.current = linked;
    setOpen(target);
  }, [linked, chart.data]);
  const openId = open?.countermeasureIds[0];
  const existing = useQuery({ ...queries.countermeasure(openId ?? ''), enabled: openId !== undefined });

  return (
    <QueryView
      query={chart}
      errorTitle={t('bowlingPage.error')}
      loadingLabel={t('bowlingPage.loading')}
      isEmpty={(data) => data.rows.length === 0}
      empty={
        <EmptyState icon={<GridIcon size={22} />} title={t('bowlingPage.emptyTitle', { year: String(year) })}>
          {t('bowlingPage.emptyText')}
        </EmptyState>
      }
    >
      {(data) => renderChart(data)}
    </QueryView>
  );

  function renderChart(data: BowlingChartData) {
    const waiting = open !== null && open.countermeasureIds.length > 0 && !existing.data;
    // A KPI's owner writes its countermeasures, editors any: others read an existing A3 and open none.
    const openRow = open ? data.rows.find((row) => row.kpiId === open.kpiId) : undefined;
    const mayWrite = openRow !== undefined && canCheckIn(openRow.ownerId);
    const isNewAndRefused = open !== null && open.countermeasureIds.length === 0 && !mayWrite;
    return (
      <section className="bowling-page" aria-label={t('bowlingPage.label')}>
        <p className="legend-line">
          <Trans
            t={t}
            i18nKey="bowlingPage.legend"
            components={{
              green: <span className="swatch frame-green" />,
              yellow: <span className="swatch frame-yellow" />,
              red: <span className="swatch frame-red" />,
              marker: <span className="frame-marker inline" />,
            }}
          />
        </p>
        {checkingIn && (
          <CheckInForm
            key={checkingIn.kpiId}
            subject={{ kpiId: checkingIn.kpiId }}
            title={checkingIn.title}
            onCancel={() => setCheckingIn(null)}
            onDone={() => {
              setCheckingIn(null);
              toast.show({
                message: t('bowlingPage.checkedIn', { title: checkingIn.title }),
                tone: 'success',
              });
              refresh();
            }}
          />
        )}
        <BowlingChart chart={data} onOpenCell={setOpen} canCheckIn={canCheckIn} onCheckIn={setCheckingIn} />
        {open && isNewAndRefused && (
          <p className="muted" role="status">
            {t('bowlingPage.refused', { title: open.kpiTitle })}
          </p>
        )}
        {open && !waiting && !isNewAndRefused && (
          <CountermeasureForm
            isReadOnly={!mayWrite}
            key={`${open.kpiId}:${open.month}:${existing.data?.id ?? 'new'}`}
            kpiId={open.kpiId}
            kpiTitle={open.kpiTitle}
            year={year}
            month={open.month}
            existing={open.countermeasureIds.length > 0 ? existing.data : undefined}
            people={org?.people ?? []}
            onClose={() => setOpen(null)}
            onSaved={() => {
              setOpen(null);
              toast.show({ message: t('bowlingPage.saved'), tone: 'success' });
              void client.invalidateQueries({ queryKey: keys.countermeasure(openId ?? '') });
              refresh();
            }}
          />
        )}
      </section>
    );
  }
}

/** The month of the chart that holds countermeasure `id`, with the countermeasure first. */
function linkedCell(chart: BowlingChartData, id: string): CellTarget | null {
  for (const row of chart.rows)
    for (const frame of row.frames)
      if (frame.countermeasureIds.includes(id))
        return {
          kpiId: row.kpiId,
          kpiTitle: row.title,
          month: frame.month,
          countermeasureIds: [id, ...frame.countermeasureIds.filter((other) => other !== id)],
        };
  return null;
}
