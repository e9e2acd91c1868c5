/**
 * One query per API read: its key (query-keys.ts) and the api-client function that answers it.
 * Pages read with `useQuery(queries.unitOkrs(unit, cycle))`, the router prefetches with
 * `client.prefetchQuery(...)` on the same options, so both share one cache entry.
 */
import { queryOptions } from '@tanstack/react-query';
import { getKpiConnector } from '../api-connectors';
import type { TraceKind } from '../../contracts';
import {
  getBowling,
  getCapacity,
  getCountermeasure,
  getDashboard,
  getLint,
  getMatrixView,
  getOrganisation,
  getOverview,
  getProgress,
  getProposal,
  getKeyResultTargetHistory,
  listCycles,
  listMatrices,
  listOkrs,
  listOrganisations,
  listPeople,
  listUnitProposals,
  listUnits,
  getWhatIfBasis,
  getForecast,
  getKeyResultForecast,
  runPressureTest,
} from '../api-client';
import { getAuthConfig, listApiTokens, listRoleAssignments, listUsers } from '../api-accounts';
import { listEfforts, listImpacts } from '../api-initiative';
import { getMatrixOrphans, getStrategyMap, getTrace } from '../api-translate';
import { getMyInbox, getMyProposalActions } from '../api-inbox';
import { getCycleClosure, getYearReview, previewRollover } from '../api-year-close';
import { compareScenario, getScenario, listScenarios, previewApplyScenario } from '../api-scenarios';
import { getCadence, getDigestSettings, listWebhookDeliveries, listWebhooks } from '../api-notifications';
import { keys } from './query-keys';

export const queries = {
  cycleClosure: (orgId: string, cycleId: string) =>
    queryOptions({ queryKey: keys.cycleClosure(orgId, cycleId), queryFn: () => getCycleClosure(cycleId) }),
  yearReview: (matrixId: string) =>
    queryOptions({ queryKey: keys.yearReview(matrixId), queryFn: () => getYearReview(matrixId) }),
  rolloverPreview: (matrixId: string) =>
    queryOptions({ queryKey: keys.rolloverPreview(matrixId), queryFn: () => previewRollover(matrixId) }),
  organisations: () => queryOptions({ queryKey: keys.organisations(), queryFn: listOrganisations }),
  organisation: (orgId: string) =>
    queryOptions({ queryKey: keys.organisation(orgId), queryFn: () => getOrganisation(orgId) }),
  units: (orgId: string) => queryOptions({ queryKey: keys.units(orgId), queryFn: () => listUnits(orgId) }),
  people: (orgId: string) => queryOptions({ queryKey: keys.people(orgId), queryFn: () => listPeople(orgId) }),
  cycles: (orgId: string) => queryOptions({ queryKey: keys.cycles(orgId), queryFn: () => listCycles(orgId) }),
  matrices: (orgId: string) =>
    queryOptions({ queryKey: keys.matrices(orgId), queryFn: () => listMatrices(orgId) }),
  overview: (orgId: string, cycleId: string) =>
    queryOptions({ queryKey: keys.overview(orgId, cycleId), queryFn: () => getOverview(orgId, cycleId) }),
  strategyMap: (orgId: string) =>
    queryOptions({ queryKey: keys.strategyMap(orgId), queryFn: () => getStrategyMap(orgId) }),
  roleAssignments: (orgId: string) =>
    queryOptions({ queryKey: keys.roleAssignments(orgId), queryFn: () => listRoleAssignments(orgId) }),
  inbox: (orgId: string) => queryOptions({ queryKey: keys.inbox(orgId), queryFn: () => getMyInbox(orgId) }),
  webhooks: (orgId: string) =>
    queryOptions({ queryKey: keys.webhooks(orgId), queryFn: () => listWebhooks(orgId) }),
  digestSettings: (orgId: string) =>
    queryOptions({ queryKey: keys.digestSettings(orgId), queryFn: () => getDigestSettings(orgId) }),
  cadence: (unitId: string) =>
    queryOptions({ queryKey: keys.cadence(unitId), queryFn: () => getCadence(unitId) }),
  webhookDeliveries: (orgId: string) =>
    queryOptions({
      queryKey: keys.webhookDeliveries(orgId),
      queryFn: () => listWebhookDeliveries(orgId),
      refetchInterval: 5000,
    }),

  unitOkrs: (unitId: string, cycleId: string) =>
    queryOptions({ queryKey: keys.unitOkrs(unitId, cycleId), queryFn: () => listOkrs(unitId, cycleId) }),
  unitProgress: (unitId: string, cycleId: string) =>
    queryOptions({
      queryKey: keys.unitProgress(unitId, cycleId),
      queryFn: () => getProgress(unitId, cycleId),
    }),
  dashboard: (unitId: string, cycleId: string) =>
    queryOptions({ queryKey: keys.dashboard(unitId, cycleId), queryFn: () => getDashboard(unitId, cycleId) }),
  kpiConnector: (unitId: string, kpiId: string) =>
    queryOptions({ queryKey: keys.kpiConnector(unitId, kpiId), queryFn: () => getKpiConnector(kpiId) }),
  bowling: (unitId: string, year: number) =>
    queryOptions({ queryKey: keys.bowling(unitId, year), queryFn: () => getBowling(unitId, year) }),
  matrixView: (unitId: string, year: number) =>
    queryOptions({ queryKey: keys.matrixView(unitId, year), queryFn: () => getMatrixView(unitId, year) }),
  unitProposals: (unitId: string) =>
    queryOptions({ queryKey: keys.unitProposals(unitId), queryFn: () => listUnitProposals(unitId) }),
  apiTokens: (unitId: string) =>
    queryOptions({ queryKey: keys.apiTokens(unitId), queryFn: () => listApiTokens(unitId) }),

  orphans: (matrixId: string) =>
    queryOptions({ queryKey: keys.orphans(matrixId), queryFn: () => getMatrixOrphans(matrixId) }),
  capacity: (matrixId: string) =>
    queryOptions({ queryKey: keys.capacity(matrixId), queryFn: () => getCapacity(matrixId) }),
  lint: (matrixId: string) =>
    queryOptions({ queryKey: keys.lint(matrixId), queryFn: () => getLint(matrixId) }),
  impacts: (matrixId: string, initiativeId: string) =>
    queryOptions({
      queryKey: keys.impacts(matrixId, initiativeId),
      queryFn: () => listImpacts(initiativeId),
    }),
  efforts: (matrixId: string, initiativeId: string) =>
    queryOptions({
      queryKey: keys.efforts(matrixId, initiativeId),
      queryFn: () => listEfforts(initiativeId),
    }),
  whatIfBasis: (matrixId: string) =>
    queryOptions({ queryKey: keys.whatIfBasis(matrixId), queryFn: () => getWhatIfBasis(matrixId) }),
  forecast: (matrixId: string) =>
    queryOptions({ queryKey: keys.forecast(matrixId), queryFn: () => getForecast(matrixId) }),
  keyResultForecast: (keyResultId: string) =>
    queryOptions({
      queryKey: keys.keyResultForecast(keyResultId),
      queryFn: () => getKeyResultForecast(keyResultId),
      staleTime: 0,
    }),
  scenarios: (matrixId: string) =>
    queryOptions({ queryKey: keys.scenarios(matrixId), queryFn: () => listScenarios(matrixId) }),
  scenario: (matrixId: string, scenarioId: string) =>
    queryOptions({
      queryKey: [...keys.scenarios(matrixId), scenarioId] as const,
      queryFn: () => getScenario(scenarioId),
    }),
  scenarioComparison: (matrixId: string, scenarioId: string) =>
    queryOptions({
      queryKey: keys.scenarioComparison(matrixId, scenarioId),
      queryFn: () => compareScenario(scenarioId),
    }),
  scenarioApplyPreview: (matrixId: string, scenarioId: string) =>
    queryOptions({
      queryKey: keys.scenarioApplyPreview(matrixId, scenarioId),
      queryFn: () => previewApplyScenario(scenarioId),
    }),
  /** POST with `wait: true`, but a read all the same: the same trials and seed give the same answer. */
  pressureTest: (matrixId: string, trials: number) =>
    queryOptions({
      queryKey: keys.pressureTest(matrixId, trials),
      queryFn: () => runPressureTest(matrixId, trials),
    }),
  proposal: (proposalId: string) =>
    queryOptions({ queryKey: keys.proposal(proposalId), queryFn: () => getProposal(proposalId) }),
  keyResultTargetHistory: (keyResultId: string) =>
    queryOptions({
      queryKey: keys.keyResultTargetHistory(keyResultId),
      queryFn: () => getKeyResultTargetHistory(keyResultId),
    }),
  proposalActions: (proposalId: string) =>
    queryOptions({
      queryKey: keys.proposalActions(proposalId),
      queryFn: () => getMyProposalActions(proposalId),
    }),
  countermeasure: (countermeasureId: string) =>
    queryOptions({
      queryKey: keys.countermeasure(countermeasureId),
      queryFn: () => getCountermeasure(countermeasureId),
    }),
  trace: (kind: TraceKind, id: string) =>
    queryOptions({ queryKey: keys.trace(kind, id), queryFn: () => getTrace(kind, id) }),
  users: () => queryOptions({ queryKey: keys.users(), queryFn: listUsers }),
  authConfig: () => queryOptions({ queryKey: keys.authConfig(), queryFn: getAuthConfig }),
};
