/**
 * Why a top risk of the dashboard is one, in the reader's language: the owner's reason when they
 * set the status by hand (as they wrote it), else its progress against the share of the cycle
 * gone, composed from the risk's values as the server writes `reason` in English (namespace
 * `execution`, `dashboard.riskReason*`).
 */
import type { UnitDashboard } from '../../../contracts';
import { i18n } from '../../i18n/i18n';

type Risk = Pick<
  UnitDashboard['topRisks'][number],
  'reason' | 'progress' | 'confidence' | 'elapsed' | 'overrideReason'
>;

const percent = (share: number): string => String(Math.round(share * 100));

export function riskReason(risk: Risk): string {
  if (risk.overrideReason !== null) return risk.overrideReason;
  const values = { done: percent(risk.progress), elapsed: percent(risk.elapsed) };
  return risk.confidence === null
    ? i18n.t('execution:dashboard.riskReason', values)
    : i18n.t('execution:dashboard.riskReasonConfidence', { ...values, confidence: percent(risk.confidence) });
}
