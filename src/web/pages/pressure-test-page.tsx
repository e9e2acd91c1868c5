/**
 * The Pressure test tab of a unit: can this year's targets be met with these initiatives and these
 * people? One card per distinct target in plain words with the initiatives that matter most, a
 * distribution per KPI with its targets marked, capacity heatmaps, plan lint, and the catchball
 * inbox. The simulation runs in the browser (a Web Worker over the matrix's what-if basis, the
 * same core and seed as the server), so the what-if panel recomputes without a request.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import type { ScenarioView, Unit, XMatrixView } from '../../contracts';
import { computeCapacity, type CapacityAllocation } from '../../core/capacity';
import { DEFAULT_TRIALS, type KpiDistribution, type TargetOutlook } from '../../core/pressure-test';
import { groupTargets } from '../../core/target-groups';
import { applyScenario, changeCount, EMPTY_SCENARIO, type Scenario } from '../../core/what-if';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { CatchballInbox } from '../components/catchball/catchball-inbox';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';
import { CapacityHeatmaps } from '../components/pressure-test/capacity-heatmaps';
import { DistributionChart, type ChartMarker } from '../components/pressure-test/distribution-chart';
import { LintFindings } from '../components/pressure-test/lint-findings';
import { outlookKey, TargetCards } from '../components/pressure-test/target-cards';
import { WhatIfPanel } from '../components/pressure-test/what-if-panel';
import { describeScenarioText, measureOf, percentText } from '../components/pressure-test/wording';
import { i18n } from '../i18n/i18n';
import { currentLocale } from '../i18n/locale';
import { LoadingBlock } from '../components/spinner';
import { useOrg } from '../hooks/org-context';
import { useSimulation } from '../hooks/use-simulation';
import { useUnitAccess } from '../session/use-unit-access';
import { paths } from '../paths';

/** The server's defaults: the same trials and seed give the browser the server's numbers. */
const RUN = { trials: DEFAULT_TRIALS, seed: 1 };

export function PressureTestPage({ unit, year }: { unit: Unit; year: number }) {
  const { t } = useTranslation('pressure');
  const matrix = useQuery(queries.matrixView(unit.id, year));
  if (matrix.error)
    return (
      <EmptyState icon={<AlertIcon size={22} />} title={t('page.noMatrix', { year })}>
        {matrix.error.message}
      </EmptyState>
    );
  if (!matrix.data) return <LoadingBlock />;
  return <Analysis unit={unit} view={matrix.data} />;
}

function Analysis({ unit, view }: { unit: Unit; view: XMatrixView }) {
  const { t } = useTranslation('pressure');
  const org = useOrg().data;
  const client = useQueryClient();
  const matrixId = view.matrix.id;
  const basis = useQuery(queries.whatIfBasis(matrixId));
  const lint = useQuery(queries.lint(matrixId));
  const [scenario, setScenarioState] = useState<Scenario>(EMPTY_SCENARIO);
  // The saved scenario shown in the panel (opened from the list or a proposal's link `?scenario=`).
  const [open, setOpen] = useState<{ scenario: ScenarioView; edited: boolean } | null>(null);
  const setScenario = (next: Scenario) => {
    setScenarioState(next);
    setOpen((o) => (o ? { ...o, edited: true } : o));
  };
  const openScenario = (saved: ScenarioView | null) => {
    if (saved) setScenarioState(saved.changes);
    setOpen(saved ? { scenario: saved, edited: false } : null);
  };
  const { canEdit } = useUnitAccess(unit.id);
  const linkedId = new URLSearchParams(useSearch()).get('scenario');
  const linked = useQuery({ ...queries.scenario(matrixId, linkedId ?? ''), enabled: linkedId !== null });
  const [linkedShown, setLinkedShown] = useState<string | null>(null);
  useEffect(() => {
    if (!linked.data || linkedShown === linked.data.id) return;
    setLinkedShown(linked.data.id);
    setScenarioState(linked.data.changes);
    setOpen({ scenario: linked.data, edited: false });
  }, [linked.data, linkedShown]);
  const changed = changeCount(scenario) > 0;
  const applied = useMemo(
    () => (basis.data ? applyScenario(basis.data, scenario) : null),
    [basis.data, scenario],
  );
  const saved = useSimulation('simulate', basis.data?.model ?? null, RUN);
  const sensitivity = useSimulation('sensitivity', basis.data?.model ?? null, RUN);
  const whatIf = useSimulation('simulate', changed ? (applied?.model ?? null) : null, RUN);
  const allocation = scenario.allocation;
  const savedCapacity = useMemo(
    () => (basis.data ? computeCapacity({ ...basis.data.capacity, allocation }) : null),
    [basis.data, allocation],
  );
  const whatIfCapacity = useMemo(
    () => (changed && applied ? computeCapacity(applied.capacity) : null),
    [changed, applied],
  );

  // A proposal sent or answered changes targets: read the plan and the inbox again.
  const rerun = () => {
    for (const queryKey of [keys.matrix(matrixId), keys.unitProposals(unit.id), keys.everyProposal()])
      void client.invalidateQueries({ queryKey });
  };
  const nameOf = (personId: string | null) =>
    (personId && org?.peopleById.get(personId)?.name) || t('page.nobody');
  const items = [...view.items.what, ...view.items.how_far, ...view.items.how, ...view.items.how_much];
  const titleOf = (id: string) =>
    items.find((item) => item.id === id)?.title ?? org?.peopleById.get(id)?.name ?? id;
  const proposerId = unit.parentId ? unit.ownerId : null;

  const result = saved.data;
  const scenarioResult = changed ? whatIf.data : null;
  const scenarioTargets = useMemo(
    () => (scenarioResult ? new Map(scenarioResult.targets.map((o) => [outlookKey(o), o])) : null),
    [scenarioResult],
  );
  const sensitivityByTarget = useMemo(
    () =>
      sensitivity.data
        ? new Map(sensitivity.data.map((s) => [outlookKey({ kind: s.kind, targetId: s.targetId }), s]))
        : null,
    [sensitivity.data],
  );
  const kpis = new Map((scenarioResult ?? result)?.kpis.map((k) => [k.kpiId, k]));
  const savedKpis = new Map(result?.kpis.map((k) => [k.kpiId, k]));
  const groups = result ? groupTargets(result.targets) : [];
  const scenarioEvidence = (target: TargetOutlook) => {
    const outcome = scenarioTargets?.get(outlookKey(target));
    if (!basis.data || !outcome) return null;
    const unitOfMeasure = savedKpis.get(target.kpiId)?.unitOfMeasure ?? '';
    return t('page.scenarioEvidence', {
      description: describeScenarioText(basis.data, scenario).join(t('page.descriptionSeparator')),
      percent: percentText(outcome.probability),
      p80: measureOf(outcome.reachable.p80, unitOfMeasure),
    });
  };
  const error = basis.error?.message ?? saved.error;

  return (
    <div className="pressure-layout">
      <div className="pressure-page">
        <section className="pressure-section">
          <h2>
            {t('page.targets')}{' '}
            {result && (
              <small>
                {t('page.targetsNote', {
                  count: groups.length,
                  trials: result.trials.toLocaleString(currentLocale()),
                  seed: RUN.seed,
                })}
              </small>
            )}
          </h2>
          {error && <p className="form-error">{error}</p>}
          {!result || !basis.data ? (
            <LoadingBlock />
          ) : (
            <TargetCards
              groups={groups}
              kpis={savedKpis}
              scenario={scenarioTargets}
              sensitivity={sensitivityByTarget}
              movedBy={basis.data.movedBy}
              unitNameOf={(id) => org?.unitsById.get(id)?.name ?? id}
              matrixId={matrixId}
              proposerId={proposerId}
              proposerName={nameOf(proposerId)}
              scenarioEvidence={scenarioEvidence}
              onProposed={rerun}
            />
          )}
        </section>
        {result && (
          <section className="pressure-section">
            <h2>
              <Trans t={t} ns="pressure" i18nKey="page.distributions" components={{ small: <small /> }} />
            </h2>
            <div className="distributions">
              {[...kpis.values()]
                .filter((kpi) => kpi.impactCount > 0)
                .map((kpi) => (
                  <DistributionChart
                    key={kpi.kpiId}
                    kpi={kpi}
                    saved={differs(kpi, savedKpis.get(kpi.kpiId)) ? savedKpis.get(kpi.kpiId) : undefined}
                    markers={markersOf(
                      kpi.baseline,
                      result.targets.filter((o) => o.kpiId === kpi.kpiId),
                    )}
                  />
                ))}
            </div>
          </section>
        )}
        <section className="pressure-section">
          <h2>{t('page.capacity')}</h2>
          {savedCapacity ? (
            <CapacityHeatmaps
              capacity={whatIfCapacity ?? savedCapacity}
              saved={whatIfCapacity ? savedCapacity : undefined}
              allocation={allocation}
              onAllocation={(a: CapacityAllocation) => setScenario({ ...scenario, allocation: a })}
            />
          ) : (
            <LoadingBlock />
          )}
        </section>
        <section className="pressure-section">
          <h2>{t('page.lint')}</h2>
          {lint.data ? (
            <LintFindings
              report={lint.data}
              titleOf={titleOf}
              matrixHref={paths.matrix(unit.organisationId, unit.id, view.matrix.year)}
            />
          ) : (
            <LoadingBlock />
          )}
        </section>
        <section className="pressure-section">
          <h2>{t('page.catchball')}</h2>
          <CatchballInbox
            unitId={unit.id}
            unitsById={org?.unitsById ?? new Map()}
            nameOf={nameOf}
            onChanged={rerun}
          />
        </section>
      </div>
      {basis.data && (
        <WhatIfPanel
          basis={basis.data}
          scenario={scenario}
          onChange={setScenario}
          ms={whatIf.ms}
          pending={changed && whatIf.pending}
          canEdit={canEdit}
          openScenario={open?.scenario ?? null}
          openEdited={open?.edited ?? false}
          onOpenScenario={openScenario}
          key={open?.scenario.id ?? 'plan'}
        />
      )}
    </div>
  );
}

/** Whether a what-if's distribution of a KPI differs from the saved plan's. */
function differs(kpi: KpiDistribution, saved: KpiDistribution | undefined): boolean {
  return (
    saved !== undefined &&
    (kpi.p10 !== saved.p10 || kpi.p50 !== saved.p50 || kpi.p90 !== saved.p90 || kpi.mean !== saved.mean)
  );
}

/** Today's value and each distinct target value once, labelled by what it stands for. */
function markersOf(baseline: number, targets: TargetOutlook[]): ChartMarker[] {
  const markers: ChartMarker[] = [
    { label: i18n.t('pressure:page.marker.today'), value: baseline, tone: 'baseline' },
  ];
  for (const group of groupTargets(targets)) {
    const kinds = new Set(group.members.map((m) => m.kind));
    const label = [
      kinds.has('kpi') ? i18n.t('pressure:page.marker.kpi') : '',
      kinds.has('key_result') ? i18n.t('pressure:page.marker.kr') : '',
      kinds.has('annual_objective') ? i18n.t('pressure:page.marker.ao') : '',
    ]
      .filter(Boolean)
      .join(' · ');
    markers.push({
      label: i18n.t('pressure:page.marker.target', { kinds: label }),
      value: group.lead.target,
      tone: 'target',
    });
  }
  return markers;
}
