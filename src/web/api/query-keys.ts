/**
 * The query keys of the web app's server state, one factory per API read. Keys start with the
 * scope a live change names (`['org', id]`, `['unit', id]`, `['matrix', id]`), so a change
 * invalidates its scope by prefix (see live-invalidation.ts). Reads that belong to no scope, or
 * that are too costly to rerun on every edit (pressure tests), start with their own name.
 */
import type { TraceKind } from '../../contracts';
import type { AuditParams } from '../api-client';

/** The first element of a scoped key. */
export type ScopeKind = 'org' | 'unit' | 'matrix';

export const keys = {
  /** Prefix of everything an organisation-wide change may touch. */
  org: (orgId: string) => ['org', orgId] as const,
  organisation: (orgId: string) => [...keys.org(orgId), 'organisation'] as const,
  units: (orgId: string) => [...keys.org(orgId), 'units'] as const,
  people: (orgId: string) => [...keys.org(orgId), 'people'] as const,
  cycles: (orgId: string) => [...keys.org(orgId), 'cycles'] as const,
  matrices: (orgId: string) => [...keys.org(orgId), 'matrices'] as const,
  overview: (orgId: string, cycleId: string) => [...keys.org(orgId), 'overview', cycleId] as const,
  strategyMap: (orgId: string) => [...keys.org(orgId), 'strategy-map'] as const,
  roleAssignments: (orgId: string) => [...keys.org(orgId), 'role-assignments'] as const,
  webhooks: (orgId: string) => [...keys.org(orgId), 'webhooks'] as const,
  digestSettings: (orgId: string) => [...keys.org(orgId), 'digest-settings'] as const,
  /** The webhook delivery log (polled: deliveries are not on the live feed). */
  webhookDeliveries: (orgId: string) => [...keys.org(orgId), 'webhook-deliveries'] as const,
  /** The signed-in person's inbox in the organisation. */
  inbox: (orgId: string) => [...keys.org(orgId), 'inbox'] as const,
  /** A cycle's check-in lock (cycle_locks names its cycle, in the organisation's scope). */
  cycleLock: (orgId: string, cycleId: string) => [...keys.org(orgId), 'cycle-lock', cycleId] as const,
  cycleClosure: (orgId: string, cycleId: string) => [...keys.org(orgId), 'cycle-closure', cycleId] as const,

  /** Prefix of every unit's reads (an import may touch any unit). */
  everyUnit: () => ['unit'] as const,
  /** Prefix of everything a change to one unit may touch. */
  unit: (unitId: string) => ['unit', unitId] as const,
  /** Its own check-in cadence or the one it inherits: a unit-settings change refreshes it. */
  cadence: (unitId: string) => [...keys.unit(unitId), 'cadence'] as const,
  unitOkrs: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'okrs', cycleId] as const,
  unitProgress: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'progress', cycleId] as const,
  dashboard: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'dashboard', cycleId] as const,
  bowling: (unitId: string, year: number) => [...keys.unit(unitId), 'bowling', year] as const,
  /** A KPI's connector and last run: in its unit's scope, so a run on any server refreshes it. */
  kpiConnector: (unitId: string, kpiId: string) => [...keys.unit(unitId), 'kpi-connector', kpiId] as const,
  /** The X-matrix of a unit and year; a change naming only its matrix id finds it by its data. */
  matrixView: (unitId: string, year: number) => [...keys.unit(unitId), 'matrix-view', year] as const,
  unitProposals: (unitId: string) => [...keys.unit(unitId), 'proposals'] as const,
  apiTokens: (unitId: string) => [...keys.unit(unitId), 'api-tokens'] as const,

  /** Prefix of everything a change to one X-matrix may touch (besides its view, see matrixView). */
  matrix: (matrixId: string) => ['matrix', matrixId] as const,
  yearReview: (matrixId: string) => [...keys.matrix(matrixId), 'year-review'] as const,
  rolloverPreview: (matrixId: string) => [...keys.matrix(matrixId), 'rollover'] as const,
  orphans: (matrixId: string) => [...keys.matrix(matrixId), 'orphans'] as const,
  capacity: (matrixId: string) => [...keys.matrix(matrixId), 'capacity'] as const,
  lint: (matrixId: string) => [...keys.matrix(matrixId), 'lint'] as const,
  /** An initiative's impacts on KPIs and its effort per skill (the item detail drawer). */
  impacts: (matrixId: string, initiativeId: string) =>
    [...keys.matrix(matrixId), 'impacts', initiativeId] as const,
  efforts: (matrixId: string, initiativeId: string) =>
    [...keys.matrix(matrixId), 'efforts', initiativeId] as const,
  whatIfBasis: (matrixId: string) => [...keys.matrix(matrixId), 'what-if-basis'] as const,
  /** The monthly forecast from actuals; a recorded month's change names its matrix. */
  forecast: (matrixId: string) => [...keys.matrix(matrixId), 'forecast'] as const,
  /** Saved what-if scenarios, and one compared with the plan (the plan's changes refresh both). */
  scenarios: (matrixId: string) => [...keys.matrix(matrixId), 'scenarios'] as const,
  scenarioComparison: (matrixId: string, scenarioId: string) =>
    [...keys.matrix(matrixId), 'scenarios', scenarioId, 'comparison'] as const,
  scenarioApplyPreview: (matrixId: string, scenarioId: string) =>
    [...keys.matrix(matrixId), 'scenarios', scenarioId, 'apply-preview'] as const,

  /** A key result's forecast, recorded in the matrices below it: read afresh when its history opens. */
  keyResultForecast: (keyResultId: string) => ['key-result-forecast', keyResultId] as const,
  /** Monte Carlo runs: refreshed on purpose (a proposal sent), not by every live edit. */
  pressureTest: (matrixId: string, trials: number) => ['pressure-test', matrixId, trials] as const,
  /** Prefix of every proposal's thread. */
  everyProposal: () => ['proposal'] as const,
  proposal: (proposalId: string) => [...keys.everyProposal(), proposalId] as const,
  /** A key result's target changes; under the proposals' prefix, so an agreement refreshes them. */
  keyResultTargetHistory: (keyResultId: string) =>
    [...keys.everyProposal(), 'target-history', keyResultId] as const,
  /** The steps the signed-in person may take on a proposal (refreshed with its thread). */
  proposalActions: (proposalId: string) => [...keys.proposal(proposalId), 'actions'] as const,
  countermeasure: (countermeasureId: string) => ['countermeasure', countermeasureId] as const,
  trace: (kind: TraceKind, id: string) => ['trace', kind, id] as const,
  /** One filtered audit trail, read page by page; history is refreshed when it is opened, not live. */
  audit: (params: AuditParams) => ['audit', params] as const,
  organisations: () => ['organisations'] as const,
  users: () => ['users'] as const,
  authConfig: () => ['auth-config'] as const,
} as const;

/** True for a key made by {@link keys.matrixView}. */
export function isMatrixViewKey(key: readonly unknown[]): boolean {
  return key[0] === 'unit' && key[2] === 'matrix-view';
}
