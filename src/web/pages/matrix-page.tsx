/**
 * The X-matrix tab: loads the unit's matrix for the year and renders the {@link XMatrix} (editable
 * for editors and admins of the unit, read-only below), its legend and the keyboard hints. Shows guidance when the unit has no matrix for that year.
 */
import type { MatrixItem, XMatrixView } from '../../contracts';
import { useMemo, useState } from 'react';
import { HistoryDrawer } from '../components/audit/history-drawer';
import { getMatrixView, runPressureTest } from '../api-client';
import { AccessNotice } from '../components/access-notice';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon, GridIcon, PrinterIcon } from '../components/icons';
import { MatrixLinksPanel } from '../components/links/matrix-links-panel';
import { ExportMenu } from '../components/matrix/export-menu';
import { MatrixLegend } from '../components/matrix/matrix-legend';
import { useMatrixEditor } from '../components/matrix/use-matrix-editor';
import { XMatrix } from '../components/matrix/x-matrix';
import { Skeleton, Spinner } from '../components/spinner';
import { useLiveChanges } from '../hooks/use-live-changes';
import { useQuery, type QueryState } from '../hooks/use-query';
import { useUnitAccess } from '../session/use-unit-access';

/**
 * A first load straight onto a matrix address requests the view at once, alongside the organisation
 * the unit page waits for, instead of after it; {@link loadView} takes that request over once.
 */
const prefetched = new Map<string, Promise<XMatrixView>>();
const initial = /^\/org\/[^/]+\/units\/([^/]+)\/matrix\/(\d{4})\/?$/.exec(window.location.pathname);
if (initial?.[1] && initial[2]) {
  const request = getMatrixView(decodeURIComponent(initial[1]), Number(initial[2]));
  request.catch(() => undefined); // a failure surfaces when the page takes the request over
  prefetched.set(`${decodeURIComponent(initial[1])}:${initial[2]}`, request);
}

function loadView(unitId: string, year: number): Promise<XMatrixView> {
  const key = `${unitId}:${year}`;
  const request = prefetched.get(key);
  prefetched.delete(key);
  return request ?? getMatrixView(unitId, year);
}

export function MatrixPage({ unitId, year }: { unitId: string; year: number }) {
  const query = useQuery(`matrix:${unitId}:${year}`, () => loadView(unitId, year));
  if (query.error) {
    const notFound = 'status' in query.error && query.error.status === 404;
    return notFound ? (
      <EmptyState icon={<GridIcon size={22} />} title={`No X-matrix for ${year} yet`}>
        An X-matrix joins this unit's breakthrough objectives, annual objectives, improvement priorities, KPIs
        and owners on one page. Translate the parent unit's OKRs into one with “Translate from parent OKRs”
        above, create it with the command line or the API, import a plan document, or fill in the{' '}
        <a href="/api/templates/x-matrix.xlsx">spreadsheet X-matrix template</a> and import it (
        <code>catchball import matrix.xlsx</code>); it will appear here, ready to edit.
      </EmptyState>
    ) : (
      <EmptyState
        tone="error"
        icon={<AlertIcon size={22} />}
        title="Could not load the X-matrix"
        action={<Button onClick={() => void query.refetch()}>Try again</Button>}
      >
        {query.error.message}
      </EmptyState>
    );
  }
  if (!query.data) return <MatrixSkeleton />;
  return <LoadedMatrix view={query.data} query={query} />;
}

function LoadedMatrix({ view, query }: { view: XMatrixView; query: QueryState<XMatrixView> }) {
  const editor = useMatrixEditor(view, query.setData, query.refetch);
  const risk = useMatrixRisk(view.matrix.id);
  useLiveChanges({ matrixId: view.matrix.id }, editor.syncWithServer);
  const counts = editor.view.items;
  const [historyOf, setHistoryOf] = useState<MatrixItem | null>(null);
  // Below editor the matrix only reads; the server would refuse the edits anyway (AccessNotice says why).
  const readOnly = !useUnitAccess(view.unit.id).canEdit;
  return (
    <section className="matrix-page" aria-label="X-matrix">
      <div className="matrix-toolbar">
        <div className="matrix-stats">
          <span>
            <strong>{counts.what.length}</strong> breakthroughs
          </span>
          <span>
            <strong>{counts.how_far.length}</strong> annual
          </span>
          <span>
            <strong>{counts.how.length}</strong> priorities
          </span>
          <span>
            <strong>{counts.how_much.length}</strong> KPIs
          </span>
          <span>
            <strong>{counts.who.length}</strong> owners
          </span>
          {query.fetching && <Spinner size={12} label="Refreshing" />}
        </div>
        <div className="matrix-actions">
          <AccessNotice unitId={editor.view.unit.id} need="editor" />
          <ExportMenu
            matrixId={editor.view.matrix.id}
            organisationId={editor.view.organisation.id}
            unitId={editor.view.unit.id}
          />
          <Button size="sm" variant="ghost" icon={<PrinterIcon />} onClick={() => window.print()}>
            Print
          </Button>
        </div>
      </div>
      <div className="matrix-scroll">
        <XMatrix editor={editor} risk={risk} onHistory={setHistoryOf} readOnly={readOnly} />
      </div>
      {historyOf && (
        <HistoryDrawer
          subject={{ entityId: historyOf.id, entityTable: 'matrix_items', title: historyOf.title }}
          onClose={() => setHistoryOf(null)}
        />
      )}
      <MatrixLegend partNames={editor.view.organisation.partNames} />
      <MatrixLinksPanel view={editor.view} refetch={query.refetch} />
      {readOnly ? (
        <p className="matrix-hint">
          Hover or focus an item or a cell to see what it links to; <kbd>H</kbd> on an item shows its history.
        </p>
      ) : (
        <p className="matrix-hint">
          Click a cell to cycle ● → ○ → △ → blank (Who: ○ secondary → ● primary → blank). On an item:{' '}
          <kbd>Enter</kbd> renames, <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> moves, <kbd>Del</kbd> deletes,{' '}
          <kbd>H</kbd> shows its history.
        </p>
      )}
    </section>
  );
}

function MatrixSkeleton() {
  return (
    <div className="matrix-skeleton" role="status" aria-label="Loading the X-matrix">
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
  const test = useQuery(`risk:${matrixId}`, () => runPressureTest(matrixId, 2000));
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
