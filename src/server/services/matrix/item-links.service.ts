import { DomainError, validationError } from '../../../core/errors';
import { acceptedValues } from '../../../core/source-sync';
import { itemInWords } from '../../../core/x-matrix-parts';
import type { AnswerSourceInput, CascadeItemInput, MatrixItem, SourceStatus } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow, nextPosition, toJson, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { blankItem, ensureMatrix } from './matrix-writes';
import { presentItem } from '../../presenters/matrix.presenter';
import { unitBelow } from '../structure/references';
import { snapshotSource, sourceOf, sourceStatusOf } from './source-links';

/** An item together with where it stands against its source, after accept, answer or cascade. */
export interface LinkedItem {
  item: MatrixItem;
  sourceStatus: SourceStatus | null;
}

/**
 * The links of one matrix item: accept or answer a changed source, and cascade an initiative
 * into a child unit's matrix. Each change is one transaction.
 */
export function createItemLinksService(db: Db) {
  async function linked(trx: Db, itemId: string): Promise<LinkedItem> {
    const row = await getRow(trx, 'matrixItems', itemId);
    const [status] = await sourceStatusOf(trx, [row]);
    return { item: presentItem(row), sourceStatus: status ?? null };
  }

  async function followedSource(itemId: string) {
    const row = await getRow(db, 'matrixItems', itemId);
    const ref = sourceOf(row);
    if (!ref)
      throw new DomainError(
        'invariant_violated',
        `Item ${itemId} was not translated or cascaded from a source`,
        {
          itemId,
        },
      );
    return { row, ref };
  }

  return {
    /** The item takes the source's current text and target, and agrees with the source again. */
    async accept(itemId: string, version: number): Promise<LinkedItem> {
      const { row, ref } = await followedSource(itemId);
      return db.transaction().execute(async (trx) => {
        const [status] = await sourceStatusOf(trx, [row]);
        const values = status ? acceptedValues(row.part, status.after) : null;
        const update =
          values && 'monthlyPlan' in values
            ? { ...values, monthlyPlan: toJson(values.monthlyPlan) }
            : (values ?? {});
        await updateVersioned(trx, 'matrixItems', itemId, version, update, presentItem);
        await snapshotSource(trx, itemId, ref);
        return linked(trx, itemId);
      });
    },

    /** The item keeps its own text; the comment records why, and the item agrees with the source again. */
    async answer(itemId: string, input: AnswerSourceInput): Promise<LinkedItem> {
      const { ref } = await followedSource(itemId);
      return db.transaction().execute(async (trx) => {
        // Bumping the version makes a concurrent accept or edit of the same item fail cleanly.
        await updateVersioned(trx, 'matrixItems', itemId, input.version, {}, presentItem);
        await snapshotSource(trx, itemId, ref, input.comment);
        return linked(trx, itemId);
      });
    },

    /**
     * Cascades a parent's initiative (How) into a unit below as a breakthrough (What) or annual
     * objective (How Far), in that unit's matrix for the year (created if missing). The new item
     * links back with `sourceItemId` and follows the initiative's title from now on.
     */
    async cascade(itemId: string, input: CascadeItemInput): Promise<LinkedItem> {
      const item = await getRow(db, 'matrixItems', itemId);
      if (item.part !== 'how')
        throw validationError([
          { path: 'id', message: `${itemInWords(item)}; only initiatives (How) cascade` },
        ]);
      const matrix = await getRow(db, 'xMatrices', item.matrixId);
      const parentUnit = await getRow(db, 'units', matrix.unitId);
      const below = await unitBelow(db, parentUnit, input.toUnitId, 'toUnitId');
      if ('issue' in below) throw validationError([below.issue]);
      const child = below.unit;
      return db.transaction().execute(async (trx) => {
        const target = await ensureMatrix(trx, child.id, input.year);
        const already = await trx
          .selectFrom('matrixItems')
          .select('id')
          .where('matrixId', '=', target.id)
          .where('sourceItemId', '=', itemId)
          .executeTakeFirst();
        if (already)
          throw new DomainError(
            'already_exists',
            `${item.title} already cascaded to ${child.name} ${input.year} (${already.id})`,
            {
              id: already.id,
            },
          );
        const siblings = await trx
          .selectFrom('matrixItems')
          .select('position')
          .where('matrixId', '=', target.id)
          .where('part', '=', input.as)
          .execute();
        const id = newId(input.as.replace('_', ''));
        await trx
          .insertInto('matrixItems')
          .values({
            ...blankItem(id, target.id, input.as, nextPosition(siblings)),
            title: input.title ?? item.title,
            description: item.description,
            sourceItemId: itemId,
          })
          .execute();
        await snapshotSource(trx, id, { kind: 'item', id: itemId });
        return linked(trx, id);
      });
    },
  };
}
