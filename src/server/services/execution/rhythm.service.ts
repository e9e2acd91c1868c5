import { resolveCadence, type Cadence } from '../../../core/staleness';
import { DomainError } from '../../../core/errors';
import type { CycleLock, DigestSettings, UnitCadence } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { ownCadences } from './execution-data';
import { organisationUnits } from '../structure/unit-scope';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The year's rhythm: check-in cadence per unit (inherited down the tree), year-end locks, digest settings. */
export function createRhythmService(db: Db) {
  async function cadenceOf(unitId: string): Promise<UnitCadence> {
    const units = await organisationUnits(db, unitId);
    const own = await ownCadences(
      db,
      units.map((u) => u.id),
    );
    const resolved = resolveCadence(unitId, new Map(units.map((u) => [u.id, u.parentId])), own);
    return {
      unitId,
      own: own.get(unitId) ?? null,
      effective: resolved.cadence,
      inheritedFrom: resolved.from,
    };
  }

  async function lockOf(cycleId: string): Promise<CycleLock> {
    await getRow(db, 'cycles', cycleId);
    const lock = await db
      .selectFrom('cycleLocks')
      .selectAll()
      .where('cycleId', '=', cycleId)
      .where('reopenedAt', 'is', null)
      .executeTakeFirst();
    return {
      cycleId,
      locked: lock !== undefined,
      lockedAt: lock ? iso(lock.lockedAt) : null,
      lockedBy: lock?.lockedBy ?? null,
      reason: lock?.lockReason ?? null,
    };
  }

  return {
    cadenceOf,

    /** Sets a unit's own cadence; null makes it inherit again. */
    async setCadence(unitId: string, cadence: Cadence | null): Promise<UnitCadence> {
      await getRow(db, 'units', unitId);
      await db
        .insertInto('unitSettings')
        .values({ unitId, checkInCadence: cadence })
        .onConflict((oc) =>
          oc.column('unitId').doUpdateSet((eb) => ({
            checkInCadence: cadence,
            version: eb('unitSettings.version', '+', 1),
            updatedAt: new Date(),
          })),
        )
        .execute();
      return cadenceOf(unitId);
    },

    lockOf,

    /** Locks a cycle at year end: check-ins dated in it are refused until an admin reopens it. */
    async lock(cycleId: string, by: string | undefined, reason: string | undefined): Promise<CycleLock> {
      if ((await lockOf(cycleId)).locked)
        throw new DomainError('cycle_locked', `Cycle ${cycleId} is already locked`);
      await db
        .insertInto('cycleLocks')
        .values({ id: newId('lock'), cycleId, lockedBy: by ?? null, lockReason: reason ?? '' })
        .execute();
      return lockOf(cycleId);
    },

    /**
     * Reopens a locked cycle (the route lets organisation admins only); who and why are kept on
     * the lock's record.
     */
    async reopen(cycleId: string, by: string | undefined, reason: string): Promise<CycleLock> {
      const result = await db
        .updateTable('cycleLocks')
        .set((eb) => ({
          reopenedAt: new Date(),
          reopenedBy: by ?? null,
          reopenReason: reason,
          version: eb('version', '+', 1),
        }))
        .where('cycleId', '=', cycleId)
        .where('reopenedAt', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        await getRow(db, 'cycles', cycleId);
        throw new DomainError('validation_failed', `Cycle ${cycleId} is not locked`);
      }
      return lockOf(cycleId);
    },

    async digestSettings(organisationId: string): Promise<DigestSettings> {
      await getRow(db, 'organisations', organisationId);
      const row = await db
        .selectFrom('digestSettings')
        .selectAll()
        .where('organisationId', '=', organisationId)
        .executeTakeFirst();
      return { organisationId, webhookUrl: row?.webhookUrl ?? null, emailEnabled: row?.emailEnabled ?? true };
    },

    async setDigestSettings(
      organisationId: string,
      input: { webhookUrl?: string | null | undefined; emailEnabled?: boolean | undefined },
    ): Promise<DigestSettings> {
      const current = await this.digestSettings(organisationId);
      const next = {
        webhookUrl: input.webhookUrl === undefined ? current.webhookUrl : input.webhookUrl,
        emailEnabled: input.emailEnabled ?? current.emailEnabled,
      };
      await db
        .insertInto('digestSettings')
        .values({ organisationId, ...next })
        .onConflict((oc) =>
          oc.column('organisationId').doUpdateSet((eb) => ({
            ...next,
            version: eb('digestSettings.version', '+', 1),
            updatedAt: new Date(),
          })),
        )
        .execute();
      return { organisationId, ...next };
    },
  };
}
