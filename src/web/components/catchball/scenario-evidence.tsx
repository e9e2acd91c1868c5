/**
 * A proposal's saved what-if scenario, as its evidence: the scenario's chance of reaching the
 * target and its 80 % value (copied into the proposal when it was made, so it holds even after the
 * scenario is deleted), and a link that opens the scenario in the child unit's pressure test.
 */
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { z } from 'zod';
import type { Proposal } from '../../../contracts';
import { queries } from '../../api/queries';
import { paths } from '../../paths';
import { measureOf, percentText } from '../pressure-test/wording';

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
  const { t } = useTranslation('catchball');
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
      {scenario.outcome ? (
        <Trans
          t={t}
          ns="catchball"
          i18nKey="evidence.outcome"
          values={{
            name: scenario.name,
            percent: percentText(scenario.outcome.probability),
            trials: scenario.trials,
            p80: measureOf(scenario.outcome.p80, unitOfMeasure),
            description: scenario.description.join('; '),
          }}
          components={{ strong: <strong />, muted: <span className="muted" /> }}
        />
      ) : (
        <Trans
          t={t}
          ns="catchball"
          i18nKey="evidence.noOutlook"
          values={{ name: scenario.name, description: scenario.description.join('; ') }}
          components={{ strong: <strong />, muted: <span className="muted" /> }}
        />
      )}{' '}
      {href ? (
        <Link href={href}>{t('evidence.open')}</Link>
      ) : (
        !proposal.scenarioId && <span className="muted">{t('evidence.deleted')}</span>
      )}
    </p>
  );
}
