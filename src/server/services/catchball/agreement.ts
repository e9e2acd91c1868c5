import { sql } from 'kysely';
import { agreementMonthIndex, agreementSettles } from '../../../core/agreement-effects';
import { keyResultState } from '../../../core/source-sync';
import type { AgreementBasis } from '../../../contracts';
import type { Db } from '../../db/store';
import { findRow, getRow, type Row } from '../../db/versioned';
import type { Clock } from '../clock';

type ProposalRow = Pick<
  Row<'catchballProposals'>,
  'matrixId' | 'childUnitId' | 'parentUnitId' | 'keyResultId' | 'kpiItemId'
>;

/**
 * What an agreement of the proposal acts on, read on `db` (the agreeing transaction when applying):
 * its key result, its KPI, the items translated from the key result in the child's and the
 * parent's matrices of the same year, and today's plan month.
 */
export async function agreementBasis(db: Db, proposal: ProposalRow, clock: Clock): Promise<AgreementBasis> {
  const matrix = await getRow(db, 'xMatrices', proposal.matrixId);
  const keyResult = proposal.keyResultId ? await findRow(db, 'keyResults', proposal.keyResultId) : undefined;
  const kpi = proposal.kpiItemId ? await findRow(db, 'matrixItems', proposal.kpiItemId) : undefined;
  const followers = keyResult
    ? await db
        .selectFrom('matrixItems')
        .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
        .select(['matrixItems.id', 'matrixItems.part', 'matrixItems.title', 'matrixItems.matrixId'])
        .where('matrixItems.sourceKeyResultId', '=', keyResult.id)
        .where('matrixItems.sourceItemId', 'is', null)
        .where('matrixItems.part', 'in', ['how_far', 'how_much'])
        .where('xMatrices.unitId', 'in', [proposal.childUnitId, proposal.parentUnitId])
        .where('xMatrices.year', '=', matrix.year)
        .orderBy('matrixItems.matrixId')
        .orderBy('matrixItems.position')
        .execute()
    : [];
  return {
    keyResult: keyResult
      ? {
          id: keyResult.id,
          title: keyResult.title,
          target: keyResult.target,
          targetHigh: keyResult.targetHigh,
        }
      : null,
    kpi: kpi
      ? {
          id: kpi.id,
          title: kpi.title,
          baseline: kpi.baseline,
          target: kpi.target,
          targetHigh: kpi.targetHigh,
          monthlyPlan: kpi.monthlyPlan,
        }
      : null,
    followers: followers.flatMap((f) =>
      f.part === 'how_far' || f.part === 'how_much' ? [{ ...f, part: f.part }] : [],
    ),
    monthIndex: agreementMonthIndex(clock(), matrix.year),
  };
}

/**
 * After the key result's and the KPI's targets are set: each item translated from the key result
 * that the agreement settles takes the new target into its source snapshot, so the agreement's own
 * edit shows no "source changed". Only the target moves in the snapshot: a title that had already
 * drifted keeps showing it.
 */
export async function settleFollowers(trx: Db, keyResultId: string, basis: AgreementBasis, target: number) {
  const keyResult = await getRow(trx, 'keyResults', keyResultId);
  const state = keyResultState(keyResult);
  const ids = basis.followers.map((f) => f.id);
  if (ids.length === 0) return;
  const targets = new Map(
    (await trx.selectFrom('matrixItems').select(['id', 'target']).where('id', 'in', ids).execute()).map(
      (r) => [r.id, r.target],
    ),
  );
  const settled = basis.followers
    .filter((f) => agreementSettles({ part: f.part, target: targets.get(f.id) ?? null }, target))
    .map((f) => f.id);
  if (settled.length === 0) return;
  await trx
    .updateTable('sourceSnapshots')
    .set({
      target: state.target,
      targetHigh: state.targetHigh,
      version: sql<number>`version + 1`,
      updatedAt: sql<string>`now()`,
    })
    .where('id', 'in', settled)
    .where('sourceKind', '=', 'key_result')
    .where('sourceId', '=', keyResultId)
    .execute();
}
