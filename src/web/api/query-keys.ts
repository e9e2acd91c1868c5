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
  /** The signed-in person's inbox in the organisation. */
  inbox: (orgId: string) => [...keys.org(orgId), 'inbox'] as const,

  /** Prefix of every unit's reads (an import may touch any unit). */
  everyUnit: () => ['unit'] as const,
  /** Prefix of everything a change to one unit may touch. */
  unit: (unitId: string) => ['unit', unitId] as const,
  unitOkrs: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'okrs', cycleId] as const,
  unitProgress: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'progress', cycleId] as const,
  dashboard: (unitId: string, cycleId: string) => [...keys.unit(unitId), 'dashboard', cycleId] as const,
  bowling: (unitId: string, year: number) => [...keys.unit(unitId), 'bowling', year] as const,
  /** The X-matrix of a unit and year; a change naming only its matrix id finds it by its data. */
  matrixView: (unitId: string, year: number) => [...keys.unit(unitId), 'matrix-view', year] as const,
  unitProposals: (unitId: string) => [...keys.unit(unitId), 'proposals'] as const,
  apiTokens: (unitId: string) => [...keys.unit(unitId), 'api-tokens'] as const,

  /** Prefix of everything a change to one X-matrix may touch (besides its view, see matrixView). */
  matrix: (matrixId: string) => ['matrix', matrixId] as const,
  orphans: (matrixId: string) => [...keys.matrix(matrixId), 'orphans'] as const,
  capacity: (matrixId: string) => [...keys.matrix(matrixId), 'capacity'] as const,
  lint: (matrixId: string) => [...keys.matrix(matrixId), 'lint'] as const,
  /** An initiative's impacts on KPIs and its effort per skill (the item detail drawer). */
  impacts: (matrixId: string, initiativeId: string) =>
    [...keys.matrix(matrixId), 'impacts', initiativeId] as const,
  efforts: (matrixId: string, initiativeId: string) =>
    [...keys.matrix(matrixId), 'efforts', initiativeId] as const,
  whatIfBasis: (matrixId: string) => [...keys.matrix(matrixId), 'what-if-basis'] as const,

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
