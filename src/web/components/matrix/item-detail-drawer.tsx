/**
 * The detail drawer of an X-matrix item, opened by a click or Enter on an initiative (How) or a
 * KPI (How Much): the initiative's plan, effort by skill and month and impact ranges on the KPIs
 * it moves, or the KPI's measure and monthly plan. Read-only below the editor role (the
 * {@link AccessNotice} says why). The item is read from the live view, so another user's change
 * shows; a deleted item says so.
 * Test hook: `data-testid="item-detail"` with `data-part`.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixItem, UpdateMatrixItemInput } from '../../../contracts';
import { queries } from '../../api/queries';
import { useOrg } from '../../hooks/org-context';
import { shownPartNames } from '../../i18n/part-names';
import { ForecastList } from '../execution/forecast-trend';
import { QueryView } from '../form/query-view';
import { AccessNotice } from '../access-notice';
import { Drawer } from '../drawer';
import { EmptyState } from '../empty-state';
import { EffortGrid } from './effort-grid';
import { ImpactRanges } from './impact-ranges';
import { InitiativePlanForm } from './initiative-plan-form';
import { KpiDetailForm } from './kpi-detail-form';
import { KpiConnectorPanel } from './kpi-connector-panel';
import type { MatrixEditor } from './use-matrix-editor';

interface ItemDetailDrawerProps {
  itemId: string;
  editor: MatrixEditor;
  readOnly: boolean;
  onClose: () => void;
}

export function ItemDetailDrawer({ itemId, editor, readOnly, onClose }: ItemDetailDrawerProps) {
  const { t } = useTranslation('items');
  const { view } = editor;
  const { data: org } = useOrg();
  const item =
    view.items.how.find((i) => i.id === itemId) ?? view.items.how_much.find((i) => i.id === itemId);
  const people = org?.people ?? view.people;
  const knownSkills = useMemo(() => [...new Set(people.flatMap((person) => person.skills))].sort(), [people]);
  const names = shownPartNames(view.organisation.partNames);

  if (!item)
    return (
      <Drawer
        eyebrow={t('drawer.eyebrow')}
        title={t('drawer.notFound')}
        onClose={onClose}
        testId="item-detail"
      >
        <EmptyState title={t('drawer.deletedTitle')}>{t('drawer.deletedBody')}</EmptyState>
      </Drawer>
    );

  const onSave = (changes: Omit<UpdateMatrixItemInput, 'version'>) => editor.saveItem(item, changes);
  const isInitiative = item.part === 'how';
  return (
    <Drawer
      eyebrow={isInitiative ? names.how : names.how_much}
      title={item.title}
      aside={<AccessNotice unitId={view.unit.id} need="editor" />}
      onClose={onClose}
      className="item-detail-drawer"
      testId="item-detail"
    >
      <div data-part={item.part} className="item-detail">
        {item.description && <p className="muted item-detail-description">{item.description}</p>}
        {isInitiative ? (
          <InitiativeDetail item={item} {...{ editor, readOnly, knownSkills, onSave }} />
        ) : (
          <>
            <KpiDetailForm
              key={item.version}
              item={item}
              unitId={view.unit.id}
              year={view.matrix.year}
              people={people}
              readOnly={readOnly}
              onSave={onSave}
            />
            <KpiConnectorPanel kpiId={item.id} unitId={view.unit.id} readOnly={readOnly} />
          </>
        )}
        {!isInitiative && <KpiForecast matrixId={view.matrix.id} kpiId={item.id} canRecord={!readOnly} />}
      </div>
    </Drawer>
  );
}

function InitiativeDetail({
  item,
  editor,
  readOnly,
  knownSkills,
  onSave,
}: {
  item: MatrixItem;
  editor: MatrixEditor;
  readOnly: boolean;
  knownSkills: string[];
  onSave: (changes: Omit<UpdateMatrixItemInput, 'version'>) => Promise<unknown>;
}) {
  const { view } = editor;
  const marked = useMemo(
    () =>
      new Set(
        view.correlations
          .filter((c) => c.fromId === item.id || c.toId === item.id)
          .map((c) => (c.fromId === item.id ? c.toId : c.fromId)),
      ),
    [view.correlations, item.id],
  );
  return (
    <>
      <InitiativePlanForm
        key={item.version}
        item={item}
        readOnly={readOnly}
        knownSkills={knownSkills}
        onSave={onSave}
      />
      <EffortGrid item={item} year={view.matrix.year} readOnly={readOnly} knownSkills={knownSkills} />
      <ImpactRanges item={item} kpis={view.items.how_much} markedKpiIds={marked} readOnly={readOnly} />
    </>
  );
}

/** The KPI's forecast from actuals: the chance of each target tested on it, month by month. */
function KpiForecast({
  matrixId,
  kpiId,
  canRecord,
}: {
  matrixId: string;
  kpiId: string;
  canRecord: boolean;
}) {
  const { t } = useTranslation('items');
  const forecast = useQuery(queries.forecast(matrixId));
  return (
    <section className="detail-section" aria-labelledby="kpi-forecast-title" data-testid="kpi-forecast">
      <h3 className="detail-section-title" id="kpi-forecast-title">
        {t('forecast.title')}
      </h3>
      <QueryView query={forecast} errorTitle={t('forecast.error')} loadingLabel={t('forecast.loading')}>
        {(data) => <ForecastList history={data} canRecord={canRecord} only={{ kpiId }} />}
      </QueryView>
    </section>
  );
}
