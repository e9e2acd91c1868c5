/**
 * The Pressure test tab of a unit: can this year's targets be met with these initiatives and these
 * people? Probability of each target, a distribution per KPI with its targets marked, capacity
 * heatmaps, plan lint, and the catchball inbox where recalibrations go up and come back.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit, XMatrixView } from '../../contracts';
import { queries } from '../api/queries';
import { keys } from '../api/query-keys';
import { CatchballInbox } from '../components/catchball/catchball-inbox';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';
import { CapacityHeatmaps } from '../components/pressure-test/capacity-heatmaps';
import { DistributionChart } from '../components/pressure-test/distribution-chart';
import { LintFindings } from '../components/pressure-test/lint-findings';
import { TargetOutlooks } from '../components/pressure-test/target-outlooks';
import { LoadingBlock } from '../components/spinner';
import { useOrg } from '../hooks/org-context';
import { paths } from '../paths';

/** Trials of the full pressure test (the matrix page's risk colours run a quicker one). */
const TRIALS = 10_000;

export function PressureTestPage({ unit, year }: { unit: Unit; year: number }) {
  const matrix = useQuery(queries.matrixView(unit.id, year));
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
  const client = useQueryClient();
  const matrixId = view.matrix.id;
  const test = useQuery(queries.pressureTest(matrixId, TRIALS));
  const capacity = useQuery(queries.capacity(matrixId));
  const lint = useQuery(queries.lint(matrixId));
  // A proposal sent or answered changes targets: run the analysis and the inbox again.
  const rerun = () => {
    for (const queryKey of [
      keys.pressureTest(matrixId, TRIALS),
      keys.matrix(matrixId),
      keys.unitProposals(unit.id),
      keys.everyProposal(),
    ])
      void client.invalidateQueries({ queryKey });
  };
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
            onProposed={rerun}
          />
        )}
      </section>
      <section className="pressure-section">
        <h2>Catchball</h2>
        <CatchballInbox
          unitId={unit.id}
          unitsById={org?.unitsById ?? new Map()}
          nameOf={nameOf}
          onChanged={rerun}
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
            matrixHref={paths.matrix(unit.organisationId, unit.id, view.matrix.year)}
          />
        ) : (
          <LoadingBlock />
        )}
      </section>
    </div>
  );
}
