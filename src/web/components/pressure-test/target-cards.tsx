/**
 * One card per distinct (KPI, target): the KPI's own target, the key result it measures and the
 * annual objectives traced to it share one outcome, so they share a card that names them all.
 * Plain words first (core/outlook-wording.ts), the what-if's number beside the saved plan's, the
 * initiatives that matter most, why a KPI is not simulated, and "Propose recalibration" on key
 * results the plan is unlikely to reach.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { improvementSign } from '../../../core/feasibility';
import type { KpiDistribution, TargetOutlook } from '../../../core/pressure-test';
import type { TargetSensitivity } from '../../../core/sensitivity';
import { notSimulatedReason } from '../../../core/simulation-coverage';
import type { TargetGroup } from '../../../core/target-groups';
import { Badge, type BadgeTone } from '../badge';
import { Button } from '../button';
import { Drivers } from './drivers';
import { probabilityTone } from './probability-tone';
import { ProposalForm } from './proposal-form';
import { goalText, likelihoodText, measureOf, notSimulatedText, outlookText, percentText } from './wording';

const TONE_BADGE: Record<ReturnType<typeof probabilityTone>, BadgeTone> = {
  good: 'green',
  risk: 'amber',
  bad: 'red',
};

export const outlookKey = (t: { kind: string; targetId: string }) => `${t.kind}:${t.targetId}`;

export interface TargetCardsProps {
  groups: TargetGroup[];
  kpis: Map<string, KpiDistribution>;
  /** The what-if's outlooks by {@link outlookKey}, when the scenario changes something. */
  scenario: Map<string, TargetOutlook> | null;
  sensitivity: Map<string, TargetSensitivity> | null;
  movedBy: Record<string, string[]>;
  unitNameOf: (unitId: string) => string;
  matrixId: string;
  /** The child unit's owner, who throws the ball up; null when the unit has no owner or no parent. */
  proposerId: string | null;
  proposerName: string;
  /** A sentence on the what-if scenario to attach to a proposal as evidence, when there is one. */
  scenarioEvidence: (target: TargetOutlook) => string | null;
  onProposed: () => void;
}

export function TargetCards(props: TargetCardsProps) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className="outlooks">
      {props.groups.map((group) => (
        <TargetCard
          key={group.key}
          group={group}
          open={open === group.key}
          onToggle={() => setOpen(open === group.key ? null : group.key)}
          onClose={() => setOpen(null)}
          {...props}
        />
      ))}
    </ul>
  );
}

function TargetCard(
  props: TargetCardsProps & { group: TargetGroup; open: boolean; onToggle: () => void; onClose: () => void },
) {
  const { t } = useTranslation('pressure');
  const { group } = props;
  const lead = group.lead;
  const kpi = props.kpis.get(lead.kpiId);
  const unit = kpi?.unitOfMeasure ?? '';
  const words = { ...lead, unitOfMeasure: unit, p80: lead.reachable.p80 };
  const reason = notSimulatedReason(kpi?.impactCount ?? 0, props.movedBy[lead.kpiId]?.length ?? 0);
  const whatIf = props.scenario?.get(outlookKey(lead));
  const shown = whatIf ?? lead;
  const tone = probabilityTone(lead.probability);
  const better =
    improvementSign({ direction: lead.direction, baseline: kpi?.baseline ?? 0, target: lead.target }) > 0
      ? 'least'
      : 'most';
  const canPropose = lead.kind === 'key_result' && props.proposerId !== null && shown.probability < 0.5;
  const missed = lead.probability < 1 ? lead.expectedShortfall / (1 - lead.probability) : 0;
  return (
    <li className="outlook" data-testid={`outlook-${lead.kind}-${lead.targetId}`}>
      <div className="outlook-head">
        <div className="outlook-names">
          <span className="outlook-title">{kpi?.title ?? lead.title}</span>
          <span className="outlook-members">
            {group.members.map((m) => (
              <span key={outlookKey(m)} className="outlook-member">
                <span className="outlook-kind">{t(`cards.kind.${m.kind}`)}</span>
                {m.kind === 'kpi' ? t('cards.ofThisMatrix') : m.title}
                {m.kind === 'key_result' && ` ${t('cards.ofUnit', { unit: props.unitNameOf(m.unitId) })}`}
              </span>
            ))}
          </span>
        </div>
        <div className="outlook-figure">
          <span
            className={`outlook-probability tone-${tone}`}
            data-testid="probability"
            data-probability={lead.probability}
          >
            {percentText(lead.probability)}
          </span>
          <Badge tone={TONE_BADGE[tone]}>{likelihoodText(lead.probability)}</Badge>
        </div>
      </div>
      {reason ? (
        <p className="outlook-sentence outlook-unsimulated" data-testid="not-simulated">
          {t('cards.notSimulated', {
            reason: notSimulatedText(reason, props.movedBy[lead.kpiId]?.length ?? 0),
          })}
        </p>
      ) : (
        <p className="outlook-sentence" data-testid="sentence">
          {outlookText(words)}
        </p>
      )}
      {whatIf && !movedBy(whatIf, lead) && (
        <p className="outlook-whatif outlook-whatif-same" data-testid="what-if-outcome">
          <Badge tone="neutral">{t('cards.whatIf')}</Badge>
          <span data-testid="what-if-probability" data-probability={whatIf.probability}>
            {t('cards.unchanged')}
          </span>
        </p>
      )}
      {whatIf && movedBy(whatIf, lead) && (
        <p className="outlook-whatif" data-testid="what-if-outcome">
          <Badge tone="violet">{t('cards.whatIf')}</Badge>
          <strong data-testid="what-if-probability" data-probability={whatIf.probability}>
            {percentText(whatIf.probability)}
          </strong>
          <span>
            {t('cards.whatIfInstead', {
              likelihood: likelihoodText(whatIf.probability),
              saved: percentText(lead.probability),
              p80: measureOf(whatIf.reachable.p80, unit),
            })}
          </span>
        </p>
      )}
      <div className="outlook-bar" aria-hidden="true">
        <span
          className={`tone-${probabilityTone(lead.probability)}`}
          style={{ width: `${Math.max(1, lead.probability * 100)}%` }}
        />
        {whatIf && <i className="outlook-bar-whatif" style={{ left: `${whatIf.probability * 100}%` }} />}
      </div>
      <div className="outlook-meta">
        <span>
          <Trans
            t={t}
            ns="pressure"
            i18nKey="cards.target"
            values={{
              target: lead.target,
              high: lead.targetHigh !== null ? `-${lead.targetHigh}` : '',
              unit,
            }}
            components={{ strong: <strong data-testid="target-value" /> }}
          />
        </span>
        <span>{t('cards.today', { value: measureOf(kpi?.baseline ?? 0, unit) })}</span>
        {!reason && (
          <span>
            {t('cards.reach', {
              better,
              p50: measureOf(lead.reachable.p50, unit),
              p90: measureOf(lead.reachable.p90, unit),
            })}
          </span>
        )}
        {!reason && lead.probability < 1 && missed > 0 && (
          <span title={t('cards.missedHint')}>{t('cards.missed', { value: measureOf(missed, unit) })}</span>
        )}
        {canPropose && (
          <Button size="sm" variant="primary" onClick={props.onToggle}>
            {t('cards.propose')}
          </Button>
        )}
      </div>
      {!reason && <Drivers sensitivity={props.sensitivity?.get(outlookKey(lead))} />}
      {props.open && props.proposerId !== null && (
        <ProposalForm
          matrixId={props.matrixId}
          target={shown}
          goal={goalText({ ...lead, unitOfMeasure: unit })}
          unitOfMeasure={unit}
          evidence={props.scenarioEvidence(lead)}
          actorId={props.proposerId}
          actorName={props.proposerName}
          onDone={() => {
            props.onClose();
            props.onProposed();
          }}
        />
      )}
    </li>
  );
}

/** Whether a what-if changes a target's outcome visibly: its probability or its 4-in-5 value. */
function movedBy(whatIf: TargetOutlook, saved: TargetOutlook): boolean {
  return (
    Math.abs(whatIf.probability - saved.probability) >= 0.0005 ||
    Math.abs(whatIf.reachable.p80 - saved.reachable.p80) > 1e-9 * Math.max(1, Math.abs(saved.reachable.p80))
  );
}
