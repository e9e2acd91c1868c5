/**
 * A proposal's saved what-if scenario, as its evidence: the scenario's chance of reaching the
 * target and its 80 % value (copied into the proposal when it was made, so it holds even after the
 * scenario is deleted), and a link that opens the scenario in the child unit's pressure test.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { z } from 'zod';
import type { Proposal } from '../../../contracts';
import { formatMeasure, percentOf } from '../../../core/outlook-wording';
import { nounFor } from '../../../core/plural';
import { queries } from '../../api/queries';
import { paths } from '../../paths';

const ScenarioEvidenceSchema = z.object({
  scenario: z.object({
    id: z.string(),
    name: z.string(),
    description: z.array(z.string()),
    trials: z.number(),
    outcome: z.object({ probability: z.number(), p80: z.number() }).nullable(),
  }),
  kpi: z.object({ unitOfMeasure: z.string() }).nullable().optional(),
});

export function ScenarioEvidence({ proposal }: { proposal: Proposal }) {
  const parsed = ScenarioEvidenceSchema.safeParse(proposal.evidence);
  const matrices = useQuery({ ...queries.matrices(proposal.organisationId), enabled: parsed.success });
  if (!parsed.success) return null;
  const { scenario } = parsed.data;
  const unitOfMeasure = parsed.data.kpi?.unitOfMeasure ?? '';
  const matrix = matrices.data?.find((m) => m.id === proposal.matrixId);
  const href =
    matrix && proposal.scenarioId
      ? `${paths.pressure(proposal.organisationId, matrix.unitId, matrix.year)}?scenario=${encodeURIComponent(proposal.scenarioId)}`
      : null;
  return (
    <p className="proposal-evidence" data-testid="proposal-scenario-evidence">
      Evidence: the what-if scenario <strong>{scenario.name}</strong>
      {scenario.outcome ? (
        <>
          {' '}
          reaches the original target in <strong>{percentOf(scenario.outcome.probability)}</strong> of{' '}
          {scenario.trials.toLocaleString('en-GB')} simulated {nounFor(scenario.trials, 'year')}; with 4-in-5
          confidence about <strong>{formatMeasure(scenario.outcome.p80, unitOfMeasure)}</strong>
        </>
      ) : (
        ' has no outlook for this target'
      )}{' '}
      <span className="muted">({scenario.description.join('; ')})</span>.{' '}
      {href ? (
        <Link href={href}>Open the scenario</Link>
      ) : (
        !proposal.scenarioId && <span className="muted">The scenario has since been deleted.</span>
      )}
    </p>
  );
}
