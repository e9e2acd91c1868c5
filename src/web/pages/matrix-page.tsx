/**
 * The X-matrix tab: loads the unit's matrix for the year and renders the {@link XMatrix} (editable
 * for editors and admins of the unit, read-only below), its legend and the keyboard hints. Shows guidance when the unit has no matrix for that year.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MatrixItem, XMatrixView } from '../../contracts';
import { useCallback, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { X_MATRIX_TEMPLATE_URL } from '../api-uploads';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { HistoryDrawer } from '../components/audit/history-drawer';
import { AccessNotice } from '../components/access-notice';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, GridIcon, PrinterIcon } from '../components/icons';
import { MatrixLinksPanel } from '../components/links/matrix-links-panel';
import { ExportMenu } from '../components/matrix/export-menu';
import { ItemDetailDrawer } from '../components/matrix/item-detail-drawer';
import { MatrixLegend } from '../components/matrix/matrix-legend';
import { useMatrixEditor } from '../components/matrix/use-matrix-editor';
import { XMatrix } from '../components/matrix/x-matrix';
import { Skeleton, Spinner } from '../components/spinner';
import { useLiveChanges } from '../hooks/use-live-changes';
import { useOrg } from '../hooks/org-context';
import { shownPartNames } from '../i18n/part-names';
import { paths } from '../paths';
import { useUnitAccess } from '../session/use-unit-access';
import {
  MatrixViewport,
  MatrixViewportToggles,
  useMatrixViewport,
} from '../components/matrix/matrix-viewport';
import { MATRIX_PARTS } from '../../core/x-matrix-parts';

export function MatrixPage({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation('matrix');
  const query = useQuery(queries.matrixView(unitId, year));
  const { canEdit } = useUnitAccess(unitId);
  const orgId = useOrg().data?.organisation.id;
  if (query.error) {
    const notFound = 'status' in query.error && query.error.status === 404;
    return notFound ? (
      <EmptyState
        icon={<GridIcon size={22} />}
        title={t('page.noMatrix', { year })}
        action={
          canEdit && orgId ? (
            <Link className="btn btn-secondary btn-md" href={paths.importMatrix(orgId, unitId, year)}>
              {t('page.import')}
            </Link>
          ) : undefined
        }
      >
        <p>
          <Trans
            t={t}
            i18nKey="page.noMatrixBody"
            components={{ a: <a href={X_MATRIX_TEMPLATE_URL} />, code: <code /> }}
          />
        </p>
      </EmptyState>
    ) : (
      <EmptyState
        tone="error"
        icon={<AlertIcon size={22} />}
        title={t('page.loadError')}
        action={<Button onClick={() => void query.refetch()}>{t('page.retry')}</Button>}
      >
        {query.error.message}
      </EmptyState>
    );
  }
  if (!query.data) return <MatrixSkeleton />;
  return <LoadedMatrix view={query.data} unitId={unitId} year={year} isFetching={query.isFetching} />;
}

interface LoadedMatrixProps {
  view: XMatrixView;
  unitId: string;
  year: number;
  isFetching: boolean;
}

function LoadedMatrix({ view, unitId, year, isFetching }: LoadedMatrixProps) {
  const { t } = useTranslation('matrix');
  const client = useQueryClient();
  // The editor writes its optimistic view into the cache and reloads it behind its queued writes,
  // so a live change reloads this view through the editor (syncWithServer), not by invalidation.
  const viewKey = useMemo(() => keys.matrixView(unitId, year), [unitId, year]);
  const setView = useCallback(
    (update: (current: XMatrixView | undefined) => XMatrixView | undefined) =>
      client.setQueryData<XMatrixView>(viewKey, update),
    [client, viewKey],
  );
  const refetch = useCallback(
    () => client.refetchQueries({ queryKey: viewKey, exact: true }),
    [client, viewKey],
  );
  const editor = useMatrixEditor(view, setView, refetch);
  const risk = useMatrixRisk(view.matrix.id);
  useLiveChanges({ matrixId: view.matrix.id }, { except: [viewKey], onChange: editor.syncWithServer });
  const counts = editor.view.items;
  const names = shownPartNames(editor.view.organisation.partNames);
  const viewport = useMatrixViewport();
  const [historyOf, setHistoryOf] = useState<MatrixItem | null>(null);
  const [detailOf, setDetailOf] = useState<string | null>(null);
  // Below editor the matrix only reads; the server would refuse the edits anyway (AccessNotice says why).
  // A closed year's matrix reads for everyone: the server refuses its writes (cycle_closed).
  const { data: org } = useOrg();
  const cycle = org?.cycles.find((c) => c.year === view.matrix.year);
  const closure = useQuery({
    ...queries.cycleClosure(view.organisation.id, cycle?.id ?? ''),
    enabled: cycle !== undefined,
  });
  const closed = closure.data?.closed === true;
  const readOnly = !useUnitAccess(view.unit.id).canEdit || closed;
  return (
    <section className="matrix-page" aria-label={t('page.label')}>
      <div className="matrix-toolbar">
        <div className="matrix-stats">
          {MATRIX_PARTS.map((part) => (
            <span key={part}>
              {names[part]} <strong className="tabular">{counts[part].length}</strong>
            </span>
          ))}
          {isFetching && <Spinner size={12} label={t('page.refreshing')} />}
        </div>
        <div className="matrix-actions">
          <MatrixViewportToggles
            fit={viewport.fit}
            compact={viewport.compact}
            onFit={viewport.setFit}
            onCompact={viewport.setCompact}
          />
          {closed ? (
            <Link
              className="badge badge-neutral"
              href={paths.review(view.organisation.id, view.unit.id, view.matrix.year)}
              data-testid="matrix-closed"
            >
              {t('page.closed', { name: closure.data?.name ?? '' })}
            </Link>
          ) : (
            <AccessNotice unitId={editor.view.unit.id} need="editor" />
          )}
          <ExportMenu
            matrixId={editor.view.matrix.id}
            organisationId={editor.view.organisation.id}
            unitId={editor.view.unit.id}
            importHref={
              readOnly
                ? undefined
                : paths.importMatrix(editor.view.organisation.id, editor.view.unit.id, year)
            }
          />
          <Button size="sm" variant="ghost" icon={<PrinterIcon />} onClick={() => window.print()}>
            {t('page.print')}
          </Button>
        </div>
      </div>
      <MatrixViewport fit={viewport.fit} compact={viewport.compact}>
        <XMatrix
          editor={editor}
          risk={risk}
          onHistory={setHistoryOf}
          readOnly={readOnly}
          onOpen={(item) => setDetailOf(item.id)}
        />
      </MatrixViewport>
      {historyOf && (
        <HistoryDrawer
          subject={{ entityId: historyOf.id, entityTable: 'matrix_items', title: historyOf.title }}
          onClose={() => setHistoryOf(null)}
        />
      )}
      {detailOf && (
        <ItemDetailDrawer
          itemId={detailOf}
          editor={editor}
          readOnly={readOnly}
          onClose={() => setDetailOf(null)}
        />
      )}
      <MatrixLegend partNames={editor.view.organisation.partNames} />
      <MatrixLinksPanel view={editor.view} refetch={refetch} />
      {readOnly ? (
        <p className="matrix-hint">
          <Trans t={t} i18nKey="page.hintReadOnly" components={{ kbd: <kbd /> }} />
        </p>
      ) : (
        <p className="matrix-hint">
          <Trans t={t} i18nKey="page.hintEdit" components={{ kbd: <kbd /> }} />
        </p>
      )}
    </section>
  );
}

function MatrixSkeleton() {
  const { t } = useTranslation('matrix');
  return (
    <div className="matrix-skeleton" role="status" aria-label={t('page.loading')}>
      <Skeleton width={520} height={120} />
      <div className="matrix-skeleton-mid">
        <Skeleton width={140} height={200} />
        <Skeleton width={240} height={200} />
        <Skeleton width={140} height={200} />
      </div>
      <Skeleton width={520} height={120} />
    </div>
  );
}

/**
 * Risk at a glance: a quick pressure test (2,000 trials) gives each annual objective and KPI the
 * probability of reaching its target; the matrix colours those items by it. Nothing is shown
 * until it answers, and a failure just leaves the matrix uncoloured.
 */
function useMatrixRisk(matrixId: string): ReadonlyMap<string, number> | undefined {
  const test = useQuery(queries.pressureTest(matrixId, 2000));
  const result = test.data?.result;
  return useMemo(() => {
    if (!result) return undefined;
    const risk = new Map<string, number>();
    const simulated = new Set(result.kpis.filter((kpi) => kpi.impactCount > 0).map((kpi) => kpi.kpiId));
    for (const target of result.targets) {
      if (!simulated.has(target.kpiId) || target.kind === 'key_result') continue;
      risk.set(target.targetId, Math.min(risk.get(target.targetId) ?? 1, target.probability));
    }
    return risk;
  }, [result]);
}
