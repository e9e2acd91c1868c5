import { plural } from './plural';

/**
 * Why a KPI's targets get no real probability: the pressure test moves a KPI only by the impacts
 * initiatives state on it, so with none its year-end value is its baseline in every trial. One
 * rule for the CLI's report and the web page.
 */
export type NotSimulatedReason = 'no_initiative' | 'no_stated_impact';

/**
 * @param impactCount impacts stated on the KPI (the pressure test's `impactCount`)
 * @param markCount initiatives marked against the KPI in the How × How Much grid, when known
 * @returns null when the KPI is simulated
 */
export function notSimulatedReason(impactCount: number, markCount = 0): NotSimulatedReason | null {
  if (impactCount > 0) return null;
  return markCount > 0 ? 'no_stated_impact' : 'no_initiative';
}

/** The reason in a sentence: "no initiative moves this KPI", or "marked by 2 initiatives, but none states its impact". */
export function notSimulatedMessage(reason: NotSimulatedReason, markCount = 0): string {
  return reason === 'no_initiative'
    ? 'no initiative moves this KPI, so it stays at its baseline in every trial'
    : `marked by ${plural(markCount, 'initiative')}, but none states its expected impact, so it stays at its baseline in every trial`;
}
