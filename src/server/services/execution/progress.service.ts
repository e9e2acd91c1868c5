import { DomainError } from '../../../core/errors';
import type { SetStatusOverrideInput, StatusOverride, UnitProgress } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { presentStatusOverride } from '../../presenters/execution.presenter';
import type { Clock } from '../clock';
import { loadExecutionData } from './execution-data';
import { computeSnapshot } from '../../../core/execution-snapshot';
import { assertInOrganisation, organisationOfUnit } from '../structure/references';

/** Progress, status and scores of a unit's OKRs, and owners' status overrides. */
export function createProgressService(db: Db, clock: Clock) {
  return {
    /** A unit's objectives for a cycle with progress, status, score and the "how was this computed" explanation. */
    async unitProgress(unitId: string, cycleId: string, asOf?: string): Promise<UnitProgress> {
      const organisationId = await organisationOfUnit(db, unitId);
      await assertInOrganisation(db, 'cycles', cycleId, organisationId, 'cycleId');
      const data = await loadExecutionData(db, cycleId);
      const day = asOf ?? clock();
      const snapshot = computeSnapshot(data.input, day);
      return {
        unitId,
        cycleId,
        asOf: day,
        elapsed: snapshot.elapsed,
        objectives: data.objectives
          .filter((objective) => objective.unitId === unitId)
          .flatMap((objective) => snapshot.objectives.get(objective.id) ?? []),
      };
    },

    /** Sets (or replaces) the owner's override of an objective's or key result's status, with the reason. */
    async setOverride(
      kind: 'objectives' | 'key-results',
      id: string,
      input: SetStatusOverrideInput,
    ): Promise<StatusOverride> {
      const column = kind === 'objectives' ? 'objectiveId' : 'keyResultId';
      const unitId =
        kind === 'objectives'
          ? (await getRow(db, 'objectives', id)).unitId
          : (await getRow(db, 'objectives', (await getRow(db, 'keyResults', id)).objectiveId)).unitId;
      if (input.setBy)
        await assertInOrganisation(db, 'people', input.setBy, await organisationOfUnit(db, unitId), 'setBy');
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('statusOverrides').where(column, '=', id).execute();
        const row = await trx
          .insertInto('statusOverrides')
          .values({
            id: newId('ovr'),
            objectiveId: column === 'objectiveId' ? id : null,
            keyResultId: column === 'keyResultId' ? id : null,
            status: input.status,
            reason: input.reason,
            setBy: input.setBy ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentStatusOverride(row);
      });
    },

    /** Removes an override so the derived status shows again. */
    async clearOverride(kind: 'objectives' | 'key-results', id: string): Promise<void> {
      const column = kind === 'objectives' ? 'objectiveId' : 'keyResultId';
      const result = await db.deleteFrom('statusOverrides').where(column, '=', id).executeTakeFirst();
      if (result.numDeletedRows === 0n)
        throw new DomainError(
          'not_found',
          `No status override on ${kind === 'objectives' ? 'objective' : 'key result'} ${id}`,
        );
    },
  };
}
