/**
 * The probability of reaching each target as a bar, with the values reachable at 50 / 80 / 90 %
 * confidence, and "Propose recalibration" on the ones the plan is unlikely to reach.
 */
import { useState } from 'react';
import type { TargetOutlookView } from '../../../contracts';
import { Button } from '../button';
import { ProposalForm } from './proposal-form';

const KIND_LABEL: Record<TargetOutlookView['kind'], string> = {
  kpi: 'KPI',
  key_result: 'Key result',
  annual_objective: 'Annual objective',
};

export function probabilityTone(probability: number): 'good' | 'risk' | 'bad' {
  return probability >= 0.7 ? 'good' : probability >= 0.3 ? 'risk' : 'bad';
}

export function TargetOutlooks(props: {
  targets: TargetOutlookView[];
  matrixId: string;
  /** The child unit's owner, who throws the ball up; null when the unit has no owner or no parent. */
  proposerId: string | null;
  proposerName: string;
  onProposed: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ul className="outlooks">
      {props.targets.map((target) => {
        const key = `${target.kind}:${target.targetId}:${target.kpiId}`;
        const percent = Math.round(target.probability * 1000) / 10;
        const canPropose =
          target.kind === 'key_result' && props.proposerId !== null && target.probability < 0.5;
        return (
          <li key={key} className="outlook" data-testid={`outlook-${target.kind}-${target.targetId}`}>
            <div className="outlook-head">
              <span className="outlook-kind">{KIND_LABEL[target.kind]}</span>
              <span className="outlook-title">{target.title}</span>
              <span
                className={`outlook-probability tone-${probabilityTone(target.probability)}`}
                data-testid="probability"
              >
                {percent} %
              </span>
            </div>
            <div className="outlook-bar" aria-hidden="true">
              <span
                className={`tone-${probabilityTone(target.probability)}`}
                style={{ width: `${Math.max(1, percent)}%` }}
              />
            </div>
            <div className="outlook-meta">
              target <strong data-testid="target-value">{target.target}</strong>
              {target.targetHigh !== null && `-${target.targetHigh}`} · 80 % confidence{' '}
              {round(target.reachable.p80)} · expected shortfall {round(target.expectedShortfall)}
              {canPropose && (
                <Button size="sm" variant="primary" onClick={() => setOpen(open === key ? null : key)}>
                  Propose recalibration
                </Button>
              )}
            </div>
            {open === key && props.proposerId !== null && (
              <ProposalForm
                matrixId={props.matrixId}
                target={target}
                actorId={props.proposerId}
                actorName={props.proposerName}
                onDone={() => {
                  setOpen(null);
                  props.onProposed();
                }}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}

const round = (value: number) => Math.round(value * 100) / 100;
