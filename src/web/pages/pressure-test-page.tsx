/**
 * The Pressure test tab of a unit: can this year's targets be met with these initiatives and these
 * people? Probability of each target, a distribution per KPI with its targets marked, capacity
 * heatmaps, plan lint, and the catchball inbox where recalibrations go up and come back.
 */
import { useState } from 'react';
import type { Unit, XMatrixView } from '../../contracts';
import { getCapacity, getLint, getMatrixView, runPressureTest } from '../api-client';
import { CatchballInbox } from '../components/catchball/catchball-inbox';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';
import { CapacityHeatmaps } from '../components/pressure-test/capacity-heatmaps';
import { DistributionChart } from '../components/pressure-test/distribution-chart';
import { LintFindings } from '../components/pressure-test/lint-findings';
import { TargetOutlooks } from '../components/pressure-test/target-outlooks';
import { LoadingBlock } from '../components/spinner';
import { useOrg } from '../hooks/org-context';
import { useQuery } from '../hooks/use-query';

export function PressureTestPage({ unit, year }: { unit: Unit; year: number }) {
  const matrix = useQuery(`matrix:${unit.id}:${year}`, () => getMatrixView(unit.id, year));
  if (matrix.error)
    return (
      <EmptyState icon={<AlertIcon size={22} />} title={`No X-matrix for ${year} to pressure-test`}>
        {matrix.error.message}
      </EmptyState>
    );
  if (!matrix.data) return <LoadingBlock />;
  return <Analysis unit={unit} view={matrix.data} />;
}

function Analysis({ unit, view }: { unit: Unit; view: XMatrixView }) {
  const org = useOrg().data;
  const [round, setRound] = useState(0);
  const matrixId = view.matrix.id;
  const test = useQuery(`pressure:${matrixId}:${round}`, () => runPressureTest(matrixId));
  const capacity = useQuery(`capacity:${matrixId}:${round}`, () => getCapacity(matrixId));
  const lint = useQuery(`lint:${matrixId}:${round}`, () => getLint(matrixId));
  const nameOf = (personId: string | null) => (personId && org?.peopleById.get(personId)?.name) || 'nobody';
  const items = [...view.items.what, ...view.items.how_far, ...view.items.how, ...view.items.how_much];
  const titleOf = (id: string) =>
    items.find((item) => item.id === id)?.title ?? org?.peopleById.get(id)?.name ?? id;
  const proposerId = unit.parentId ? unit.ownerId : null;
  const result = test.data?.result;
  return (
    <div className="pressure-page">
      <section className="pressure-section">
        <h2>
          Targets{' '}
          {result && (
            <small>
              {result.trials.toLocaleString()} trials, seed {result.seed}
            </small>
          )}
        </h2>
        {test.error && <p className="form-error">{test.error.message}</p>}
        {!result ? (
          <LoadingBlock />
        ) : (
          <TargetOutlooks
            targets={result.targets}
            matrixId={matrixId}
            proposerId={proposerId}
            proposerName={nameOf(proposerId)}
            onProposed={() => setRound((r) => r + 1)}
          />
        )}
      </section>
      <section className="pressure-section">
        <h2>Catchball</h2>
        <CatchballInbox
          unitId={unit.id}
          unitsById={org?.unitsById ?? new Map()}
          nameOf={nameOf}
          refreshKey={round}
          onChanged={() => setRound((r) => r + 1)}
        />
      </section>
      {result && (
        <section className="pressure-section">
          <h2>Year-end distributions</h2>
          <div className="distributions">
            {result.kpis
              .filter((kpi) => kpi.impactCount > 0)
              .map((kpi) => (
                <DistributionChart
                  key={kpi.kpiId}
                  kpi={kpi}
                  targets={result.targets
                    .filter((t) => t.kpiId === kpi.kpiId && t.kind !== 'annual_objective')
                    .map((t) => ({ label: t.kind === 'kpi' ? 'KPI' : 'KR', value: t.target }))}
                />
              ))}
          </div>
        </section>
      )}
      <section className="pressure-section">
        <h2>Capacity</h2>
        {capacity.data ? <CapacityHeatmaps capacity={capacity.data} /> : <LoadingBlock />}
      </section>
      <section className="pressure-section">
        <h2>Plan lint</h2>
        {lint.data ? (
          <LintFindings
            report={lint.data}
            titleOf={titleOf}
            matrixHref={`/org/${unit.organisationId}/units/${unit.id}/matrix/${view.matrix.year}`}
          />
        ) : (
          <LoadingBlock />
        )}
      </section>
    </div>
  );
}
