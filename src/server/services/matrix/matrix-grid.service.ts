import { orientCorrelation } from '../../../core/correlation';
import { DomainError } from '../../../core/errors';
import { assertSinglePrimary } from '../../../core/ownership';
import { itemInWords } from '../../../core/x-matrix-parts';
import type { Correlation, Ownership, SetCorrelationInput, SetOwnershipInput } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { presentCorrelation, presentOwnership } from '../../presenters/matrix.presenter';
import { sql } from 'kysely';

/**
 * A cell the client saw (its version, or null for blank) against the cell as stored: a mismatch
 * means someone else changed it first, and nothing is written.
 */
function assertSameCell(
  seen: number | null,
  stored: { version: number } | undefined,
  present: () => unknown,
  what: string,
): void {
  const storedVersion = stored?.version ?? null;
  if (seen === storedVersion) return;
  throw new DomainError(
    'version_conflict',
    `The ${what} was changed by someone else (you saw ${seen === null ? 'a blank cell' : `version ${seen}`}, it is now ${storedVersion === null ? 'blank' : `at version ${storedVersion}`}); nothing was changed`,
    { current: present() },
  );
}

/** The corner grids and the Who grid: one cell at a time, each change checked and versioned. */
export function createMatrixGridService(db: Db) {
  async function itemOf(
    trxDb: Db,
    matrixId: string,
    itemId: string,
    field: string,
  ): Promise<Row<'matrixItems'>> {
    const item = await trxDb
      .selectFrom('matrixItems')
      .selectAll()
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item || item.matrixId !== matrixId)
      throw new DomainError(
        'validation_failed',
        `The input is not valid: ${field}: no item ${itemId} in X-matrix ${matrixId}`,
        {
          issues: [{ path: field, message: `no item ${itemId} in X-matrix ${matrixId}` }],
        },
      );
    return item;
  }

  return {
    /**
     * Sets, changes or clears (`strength: null`) the correlation between two items of
     * neighbouring parts, given in either order.
     * @throws `not_adjacent` for parts that do not share a corner; `version_conflict` for a stale view.
     */
    async setCorrelation(matrixId: string, input: SetCorrelationInput): Promise<Correlation | null> {
      await getRow(db, 'xMatrices', matrixId);
      return db.transaction().execute(async (trx) => {
        const a = await itemOf(trx, matrixId, input.aId, 'aId');
        const b = await itemOf(trx, matrixId, input.bId, 'bId');
        const { grid, from, to } = orientCorrelation(a, b);
        // Serialise writers of the same cell, including when it does not exist yet.
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`${from.id}|${to.id}`}))`.execute(trx);
        const stored = await trx
          .selectFrom('correlations')
          .selectAll()
          .where('fromId', '=', from.id)
          .where('toId', '=', to.id)
          .executeTakeFirst();
        assertSameCell(
          input.version,
          stored,
          () => (stored ? presentCorrelation(stored) : null),
          `cell ${from.title} × ${to.title}`,
        );
        if (input.strength === null) {
          if (stored) await trx.deleteFrom('correlations').where('id', '=', stored.id).execute();
          return null;
        }
        const row = stored
          ? await trx
              .updateTable('correlations')
              .set({ strength: input.strength, version: stored.version + 1, updatedAt: sql<string>`now()` })
              .where('id', '=', stored.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('correlations')
              .values({
                id: newId('cor'),
                matrixId,
                grid,
                fromId: from.id,
                toId: to.id,
                strength: input.strength,
              })
              .returningAll()
              .executeTakeFirstOrThrow();
        return presentCorrelation(row);
      });
    },

    /**
     * Sets or clears an owner of an initiative in the Who grid.
     * @throws `primary_owner_conflict` when the initiative already has another primary owner.
     */
    async setOwnership(matrixId: string, input: SetOwnershipInput): Promise<Ownership | null> {
      await getRow(db, 'xMatrices', matrixId);
      return db.transaction().execute(async (trx) => {
        const initiative = await itemOf(trx, matrixId, input.initiativeId, 'initiativeId');
        const who = await itemOf(trx, matrixId, input.whoId, 'whoId');
        const issues = [
          ...(initiative.part === 'how'
            ? []
            : [
                {
                  path: 'initiativeId',
                  message: `${itemInWords(initiative)}, not an initiative (How)`,
                },
              ]),
          ...(who.part === 'who' ? [] : [{ path: 'whoId', message: `${itemInWords(who)}, not a Who item` }]),
        ];
        if (issues.length > 0)
          throw new DomainError(
            'not_adjacent',
            `Owners join initiatives (How) and resources (Who) only: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
            { issues },
          );
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`owners|${initiative.id}`}))`.execute(trx);
        const existing = await trx
          .selectFrom('ownerships')
          .selectAll()
          .where('initiativeId', '=', initiative.id)
          .execute();
        const stored = existing.find((ownership) => ownership.whoId === who.id);
        assertSameCell(
          input.version,
          stored,
          () => (stored ? presentOwnership(stored) : null),
          `owner ${who.title} of ${initiative.title}`,
        );
        if (input.role === null) {
          if (stored) await trx.deleteFrom('ownerships').where('id', '=', stored.id).execute();
          return null;
        }
        const titles = new Map(
          (
            await trx
              .selectFrom('matrixItems')
              .select(['id', 'title'])
              .where('matrixId', '=', matrixId)
              .where('part', '=', 'who')
              .execute()
          ).map((row) => [row.id, row.title]),
        ).set(initiative.id, initiative.title);
        assertSinglePrimary(
          existing,
          { initiativeId: initiative.id, whoId: who.id, role: input.role },
          (id) => titles.get(id) ?? id,
        );
        const row = stored
          ? await trx
              .updateTable('ownerships')
              .set({ role: input.role, version: stored.version + 1, updatedAt: sql<string>`now()` })
              .where('id', '=', stored.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('ownerships')
              .values({
                id: newId('own'),
                matrixId,
                initiativeId: initiative.id,
                whoId: who.id,
                role: input.role,
              })
              .returningAll()
              .executeTakeFirstOrThrow();
        return presentOwnership(row);
      });
    },
  };
}
