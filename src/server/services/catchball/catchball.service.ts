import {
  actingSide,
  availableActions,
  nextState,
  type ProposalAction,
  type ProposalSide,
} from '../../../core/catchball';
import { DomainError, validationError } from '../../../core/errors';
import { initiativesMoving } from '../../../core/feasibility-model';
import { assertTargetConsistent } from '../../../core/key-result';
import { DEFAULT_TRIALS } from '../../../core/pressure-test';
import type {
  CreateProposalInput,
  Proposal,
  ProposalActions,
  ProposalResources,
  ProposalStepInput,
  ProposalThread,
} from '../../../contracts';
import type { Db } from '../../db/store';
import { findRow, getRow, toJson, updateVersioned, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { presentProposal, presentThread } from '../../presenters/catchball.presenter';
import type { FeasibilityService } from '../plan/feasibility.service';
import type { ScenariosService } from '../scenarios/scenarios.service';
import { referenceError } from '../structure/references';
import { assertKpiTarget, setKeyResultTarget, setKpiTarget } from './target-updates';
import { targetHistory } from './target-history';
import { ballThrownMail, ballThrownMessage } from './catchball-messages';
import { agreementBasis, settleFollowers } from './agreement';
import { agreementEffects } from '../../../core/agreement-effects';
import { systemClock, type Clock } from '../clock';
import type { Notifier } from '../notifications/notifier';
import { itemLinks } from '../notifications/item-links';
import type { MatrixAnalysis } from '../plan/plan-analysis';

type ListFilter = 'open' | 'closed' | 'all';
const OPEN_STATES = ['proposed', 'questioned', 'countered', 'revised'] as const;

/**
 * Catchball between two adjacent units: a child unit's owner proposes a recalibrated target with
 * the pressure test as evidence; the owners of the two units throw it back and forth until it is
 * agreed (the target changes, with history), withdrawn or rejected.
 *
 * The acting person (`actorId`, resolved from the signed-in user by the route) must own the unit
 * whose turn it is.
 */
export function createCatchballService(
  db: Db,
  feasibility: FeasibilityService,
  scenarios: ScenariosService,
  notifier: Notifier,
  clock: Clock = systemClock,
) {
  async function thread(id: string, on: Db = db): Promise<ProposalThread> {
    const row = await getRow(on, 'catchballProposals', id);
    const events = await on
      .selectFrom('catchballEvents')
      .leftJoin('people', 'people.id', 'catchballEvents.actorId')
      .selectAll('catchballEvents')
      .select('people.name as actorName')
      .where('proposalId', '=', id)
      .orderBy('seq')
      .execute();
    return presentThread(row, events, await agreementBasis(on, row, clock));
  }

  async function unitsOf(row: Pick<Row<'catchballProposals'>, 'childUnitId' | 'parentUnitId'>) {
    const [child, parent] = await Promise.all([
      getRow(db, 'units', row.childUnitId),
      getRow(db, 'units', row.parentUnitId),
    ]);
    return { child, parent };
  }

  /**
   * Tells the unit whose turn it is (or, once the loop ends, the side that did not act): its
   * webhook, and its owner by e-mail, each with a link to the proposal.
   */
  async function notify(proposal: Proposal, actedBy: ProposalSide | null) {
    const { child, parent } = await unitsOf(proposal);
    const turn = proposal.ballWith ?? (actedBy === 'child' ? 'parent' : 'child');
    const to = turn === 'child' ? child : parent;
    const from = turn === 'child' ? parent : child;
    const matrix = await getRow(db, 'xMatrices', proposal.matrixId);
    const message = ballThrownMessage(proposal, from.name, to.name);
    await notifier.notify({
      event: 'proposal',
      organisationId: proposal.organisationId,
      unitId: to.id,
      personId: to.ownerId,
      subject: proposal.ballWith
        ? `Catchball: ${from.name} throws you "${proposal.title}"`
        : `Catchball: "${proposal.title}" ${proposal.state}`,
      text: message.text,
      href: itemLinks.proposal(proposal.organisationId, child.id, matrix.year, proposal.id),
      webhook: message,
      mail: (translator) => ballThrownMail(translator, proposal, from.name, to.name),
    });
  }

  /** The capacity gaps of the skills the KPI's initiatives need: what keeping the original target would take. */
  function resourcesFor(
    analysis: MatrixAnalysis,
    kpiId: string | null,
    originalTarget: number,
  ): ProposalResources {
    const initiatives = kpiId
      ? initiativesMoving(analysis.matrix, kpiId)
      : analysis.matrix.how.map((i) => i.id);
    const skills = new Set(
      analysis.matrix.how
        .filter((item) => initiatives.includes(item.id))
        .flatMap((item) => (item.effort ?? []).map((effort) => effort.skill)),
    );
    const gaps = analysis.capacity.gaps
      .filter((gap) => skills.has(gap.skill))
      .map((gap) => ({
        ...gap,
        reason: gap.reason === 'nobody_holds' ? 'nobody holds it' : 'demand exceeds supply',
      }));
    const summary =
      gaps.length === 0
        ? `No capacity gap found for the initiatives behind this target (${originalTarget}).`
        : `To keep the target of ${originalTarget}: ${gaps
            .map(
              (gap) =>
                `${gap.skill}, ${gap.personDays} person-days (${gap.reason}, months ${gap.months.join(', ')})`,
            )
            .join('; ')}.`;
    return { summary, gaps };
  }

  return {
    get: (id: string) => thread(id),

    /**
     * The steps `personId` may take on the proposal now: the open actions of the side whose unit
     * they own (both sides for a person who owns both units); none for anyone else.
     */
    async actionsFor(id: string, personId: string | null): Promise<ProposalActions> {
      const row = await getRow(db, 'catchballProposals', id);
      const { child, parent } = await unitsOf(row);
      const owners = { child: child.ownerId, parent: parent.ownerId };
      const actions =
        personId === null ? [] : availableActions(row.state).filter(({ by }) => owners[by] === personId);
      return { proposalId: id, actingAs: personId, actions };
    },

    /** Every value a key result's or KPI's target has had. */
    targetHistory: (subject: { kind: 'key_result' | 'kpi'; id: string }) => targetHistory(db, subject),

    /**
     * Throws the ball up: a proposal from the matrix's unit to its parent. Without `proposedTarget`
     * it proposes the value the pressure test reaches with 80 % confidence; without `resources`,
     * the capacity gaps behind the target. The pressure-test result is kept as evidence.
     */
    async create(input: CreateProposalInput & { actorId: string }): Promise<ProposalThread> {
      const matrix = await getRow(db, 'xMatrices', input.matrixId);
      const child = await getRow(db, 'units', matrix.unitId);
      if (!child.parentId)
        throw validationError([
          { path: 'matrixId', message: `unit ${child.id} has no parent unit to propose to` },
        ]);
      const parent = await getRow(db, 'units', child.parentId);
      if (!input.kpiItemId && !input.keyResultId)
        throw validationError([{ path: 'kpiItemId', message: 'name the KPI, the key result, or both' }]);
      const kpi = input.kpiItemId ? await findRow(db, 'matrixItems', input.kpiItemId) : undefined;
      if (input.kpiItemId && (!kpi || kpi.part !== 'how_much' || kpi.matrixId !== matrix.id))
        throw referenceError('matrixItems', input.kpiItemId, 'kpiItemId', `(a KPI of matrix ${matrix.id})`);
      const keyResult = input.keyResultId ? await findRow(db, 'keyResults', input.keyResultId) : undefined;
      const objective = keyResult ? await findRow(db, 'objectives', keyResult.objectiveId) : undefined;
      if (input.keyResultId && (!objective || ![child.id, parent.id].includes(objective.unitId)))
        throw referenceError(
          'keyResults',
          input.keyResultId,
          'keyResultId',
          `of unit ${parent.id} or ${child.id}`,
        );
      if (child.ownerId === null || child.ownerId !== input.actorId)
        throw new DomainError(
          'forbidden',
          `Only the owner of ${child.name} (${child.ownerId ?? 'nobody'}) may propose to ${parent.name}; ${input.actorId} is not`,
          { side: 'child', actorId: input.actorId },
        );
      const originalTarget = keyResult ? keyResult.target : (kpi?.target ?? null);
      if (originalTarget === null)
        throw validationError([
          { path: keyResult ? 'keyResultId' : 'kpiItemId', message: 'has no target to recalibrate' },
        ]);

      const seed = input.seed ?? 1;
      const { analysis, result } = await feasibility.analyseAndTest(matrix.id, {
        trials: input.trials ?? DEFAULT_TRIALS,
        seed,
      });
      const outlook = result.targets.find((t) =>
        keyResult
          ? t.kind === 'key_result' && t.targetId === keyResult.id && (!kpi || t.kpiId === kpi.id)
          : t.kind === 'kpi' && t.targetId === kpi?.id,
      );
      if (!outlook && input.proposedTarget === undefined)
        throw validationError([
          {
            path: 'proposedTarget',
            message:
              'the pressure test has no outlook for this target (no KPI with a baseline measures it); give a proposed target',
          },
        ]);
      const proposedTarget = input.proposedTarget ?? round(outlook?.reachable.p80 ?? originalTarget);
      assertTarget(keyResult, kpi, proposedTarget);
      const resources =
        input.resources ?? resourcesFor(analysis, kpi?.id ?? outlook?.kpiId ?? null, originalTarget);
      const kpiOfOutlook = result.kpis.find((k) => k.kpiId === (kpi?.id ?? outlook?.kpiId));
      const evidence = {
        trials: result.trials,
        seed,
        outlook: outlook ?? null,
        kpi: kpiOfOutlook ?? null,
        capacity: analysis.capacity.verdicts.find((v) => v.targetId === outlook?.targetId) ?? null,
        gaps: analysis.capacity.gaps,
        // A saved what-if scenario's outcome for this target, copied: the proposal keeps its claim
        // even after the scenario is deleted or applied.
        scenario: input.scenarioId
          ? await scenarios.evidenceFor(input.scenarioId, matrix.id, outlook ?? null)
          : null,
      };
      const id = newId('prop');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('catchballProposals')
          .values({
            id,
            organisationId: child.organisationId,
            matrixId: matrix.id,
            childUnitId: child.id,
            parentUnitId: parent.id,
            kpiItemId: kpi?.id ?? null,
            keyResultId: keyResult?.id ?? null,
            title: keyResult?.title ?? kpi?.title ?? '',
            originalTarget,
            proposedTarget,
            resources: toJson(resources),
            rationale: input.rationale,
            evidence: toJson(evidence),
            scenarioId: input.scenarioId,
            state: 'proposed',
            createdBy: input.actorId,
          })
          .execute();
        await trx
          .insertInto('catchballEvents')
          .values({
            id: newId('ev'),
            proposalId: id,
            seq: 1,
            actorId: input.actorId,
            action: 'propose',
            fromState: null,
            toState: 'proposed',
            target: proposedTarget,
            resources: toJson(resources),
            comment: input.rationale,
          })
          .execute();
      });
      const created = await thread(id);
      await notify(created, 'child');
      return created;
    },

    /**
     * One step of the loop, checked against the state machine and the actor's unit, version-checked,
     * with its snapshot in the thread. Agreement sets the target of the key result and the KPI in
     * the same transaction and records both in their history; the KPI's monthly plan is re-pathed
     * from this month to the new target, and the items translated from the key result take the
     * new target into their source snapshots (see core/agreement-effects.ts).
     */
    async act(id: string, step: ProposalStepInput & { actorId: string }): Promise<ProposalThread> {
      const current = await getRow(db, 'catchballProposals', id);
      const { child, parent } = await unitsOf(current);
      const to = nextState(current.state, step.action, step.actorId, {
        child: child.ownerId,
        parent: parent.ownerId,
      });
      const changesTarget: ProposalAction[] = ['counter', 'revise'];
      if ((step.target !== undefined || step.resources !== undefined) && !changesTarget.includes(step.action))
        throw validationError([
          {
            path: step.target !== undefined ? 'target' : 'resources',
            message: `a ${step.action} does not change the proposal; counter or revise instead`,
          },
        ]);
      const target = step.target ?? current.proposedTarget;
      const resources = step.resources ?? current.resources;
      if (step.target !== undefined)
        assertTarget(
          current.keyResultId ? await findRow(db, 'keyResults', current.keyResultId) : undefined,
          current.kpiItemId ? await findRow(db, 'matrixItems', current.kpiItemId) : undefined,
          target,
        );
      const side = actingSide(current.state, step.action);
      await db.transaction().execute(async (trx) => {
        const updated = await updateVersioned(
          trx,
          'catchballProposals',
          id,
          step.version,
          { state: to, proposedTarget: target, resources: toJson(resources) },
          presentProposal,
        );
        const last = await trx
          .selectFrom('catchballEvents')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('proposalId', '=', id)
          .executeTakeFirst();
        await trx
          .insertInto('catchballEvents')
          .values({
            id: newId('ev'),
            proposalId: id,
            seq: (last?.seq ?? 0) + 1,
            actorId: step.actorId,
            action: step.action,
            fromState: current.state,
            toState: to,
            target,
            resources: toJson(resources),
            comment: step.comment,
          })
          .execute();
        if (to === 'agreed') {
          const change = {
            organisationId: updated.organisationId,
            changedBy: step.actorId,
            reason: `Agreed in catchball between ${child.name} and ${parent.name}${step.comment ? `: ${step.comment}` : ''}`,
            proposalId: id,
          };
          const basis = await agreementBasis(trx, updated, clock);
          const effects = agreementEffects(basis, target);
          if (updated.keyResultId) await setKeyResultTarget(trx, updated.keyResultId, target, change);
          if (updated.kpiItemId)
            await setKpiTarget(trx, updated.kpiItemId, target, change, effects.plan?.next ?? undefined);
          if (updated.keyResultId) await settleFollowers(trx, updated.keyResultId, basis, target);
        }
      });
      const after = await thread(id);
      await notify(after, side);
      return after;
    },

    /** A unit's catchball inbox: proposals it sent (as child) or received (as parent). */
    async listByUnit(unitId: string, filter: ListFilter = 'all'): Promise<Proposal[]> {
      await getRow(db, 'units', unitId);
      return list([unitId], filter);
    },

    /** A person's inbox: proposals between units the person owns. */
    async listByPerson(personId: string, filter: ListFilter = 'all'): Promise<Proposal[]> {
      await getRow(db, 'people', personId);
      const units = await db.selectFrom('units').select('id').where('ownerId', '=', personId).execute();
      return list(
        units.map((unit) => unit.id),
        filter,
      );
    },
  };

  async function list(unitIds: string[], filter: ListFilter): Promise<Proposal[]> {
    if (unitIds.length === 0) return [];
    let query = db
      .selectFrom('catchballProposals')
      .selectAll()
      .where((eb) => eb.or([eb('childUnitId', 'in', unitIds), eb('parentUnitId', 'in', unitIds)]));
    if (filter === 'open') query = query.where('state', 'in', [...OPEN_STATES]);
    if (filter === 'closed') query = query.where('state', 'not in', [...OPEN_STATES]);
    const rows = await query.orderBy('updatedAt', 'desc').orderBy('id').execute();
    return rows.map(presentProposal);
  }
}

/** @throws inconsistent_target when the value contradicts the key result's kind or the KPI's direction. */
function assertTarget(
  keyResult: Row<'keyResults'> | undefined,
  kpi: Row<'matrixItems'> | undefined,
  target: number,
): void {
  if (keyResult) assertTargetConsistent({ ...keyResult, target }, 'proposed key result');
  if (kpi) assertKpiTarget(kpi, target);
}

const round = (value: number) => Math.round(value * 100) / 100;
