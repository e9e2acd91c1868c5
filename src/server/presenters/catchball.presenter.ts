import { availableActions, ballWith } from '../../core/catchball';
import type { AgreementBasis, Proposal, ProposalEvent, ProposalThread } from '../../contracts';
import type { Row } from '../db/versioned';
import type { CatchballEventTable } from '../db/schema';
import type { Selectable } from 'kysely';

export function presentProposal(row: Row<'catchballProposals'>): Proposal {
  return {
    id: row.id,
    organisationId: row.organisationId,
    matrixId: row.matrixId,
    childUnitId: row.childUnitId,
    parentUnitId: row.parentUnitId,
    kpiItemId: row.kpiItemId,
    keyResultId: row.keyResultId,
    title: row.title,
    originalTarget: row.originalTarget,
    proposedTarget: row.proposedTarget,
    resources: row.resources,
    rationale: row.rationale,
    evidence: row.evidence,
    scenarioId: row.scenarioId,
    state: row.state,
    ballWith: ballWith(row.state),
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    version: row.version,
  };
}

export function presentProposalEvent(
  row: Selectable<CatchballEventTable> & { actorName: string | null },
): ProposalEvent {
  return {
    id: row.id,
    seq: row.seq,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    fromState: row.fromState,
    toState: row.toState,
    target: row.target,
    resources: row.resources,
    comment: row.comment,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function presentThread(
  row: Row<'catchballProposals'>,
  events: (Selectable<CatchballEventTable> & { actorName: string | null })[],
  agreement: AgreementBasis,
): ProposalThread {
  return {
    ...presentProposal(row),
    events: events.map(presentProposalEvent),
    availableActions: availableActions(row.state),
    agreement,
  };
}
