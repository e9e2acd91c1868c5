import { DomainError } from '../../../core/errors';
import { proposeRollover } from '../../../core/rollover';
import type { CycleClosure, Reflection, SaveReflectionInput, YearReview } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow, updateVersioned } from '../../db/versioned';
import { newId } from '../../ids';
import { presentClosure, presentReflection } from '../../presenters/year-close.presenter';
import type { Clock } from '../clock';
import type { createProgressService } from '../execution/progress.service';
import { closureOf, loadYear } from './year-data';

type ProgressService = ReturnType<typeof createProgressService>;

/**
 * The year's end: the review (every target's final score), reflections per annual objective, and
 * closing a cycle, after which migration 0015's guard refuses writes to its rows.
 */
export function createYearCloseService(db: Db, clock: Clock, progress: ProgressService) {
  return {
    async review(matrixId: string): Promise<YearReview> {
      const data = await loadYear(db, matrixId);
      const proposal = new Map(proposeRollover(data.sources).map((item) => [item.itemId, item]));
      const reflections = await db
        .selectFrom('reflections')
        .selectAll()
        .where('matrixId', '=', matrixId)
        .execute();
      const byItem = new Map(reflections.map((row) => [row.itemId, presentReflection(row)]));
      const today = clock();
      const asOf = data.cycle && data.cycle.endDate < today ? data.cycle.endDate : today;
      const okrs = data.cycle ? await progress.unitProgress(data.matrix.unitId, data.cycle.id, asOf) : null;
      const linked = await db
        .selectFrom('xMatrices')
        .select(['id', 'year', 'rolledFromId'])
        .where((eb) =>
          eb.or([eb('rolledFromId', '=', matrixId), eb('id', '=', data.matrix.rolledFromId ?? '')]),
        )
        .execute();
      const into = linked.find((row) => row.rolledFromId === matrixId);
      const from = linked.find((row) => row.id === data.matrix.rolledFromId);
      const scored = (id: string) => {
        const item = proposal.get(id);
        return { score: item?.score ?? null, met: item?.met ?? null };
      };
      return {
        matrixId,
        unitId: data.matrix.unitId,
        year: data.matrix.year,
        cycle: data.cycle ? presentClosure(data.cycle, data.closure) : null,
        asOf,
        annualObjectives: data.items
          .filter((item) => item.part === 'how_far')
          .map((item) => ({
            itemId: item.id,
            title: item.title,
            ...scored(item.id),
            reflection: byItem.get(item.id) ?? null,
          })),
        kpis: data.items
          .filter((item) => item.part === 'how_much')
          .map((item) => ({
            itemId: item.id,
            title: item.title,
            ...scored(item.id),
            unitOfMeasure: item.unitOfMeasure,
            direction: item.direction,
            baseline: item.baseline,
            target: item.target,
            final: proposal.get(item.id)?.final ?? null,
            gap: proposal.get(item.id)?.gap ?? null,
          })),
        initiatives: data.items
          .filter((item) => item.part === 'how')
          .map((item) => ({ itemId: item.id, title: item.title, status: item.status })),
        objectives: okrs?.objectives ?? [],
        rolledFrom: from ? { matrixId: from.id, year: from.year } : null,
        rolledInto: into ? { matrixId: into.id, year: into.year } : null,
      };
    },

    /**
     * Writes an annual objective's reflection: a first one with `version: null`, later ones with
     * the version read (a stale one is a 409 with the current text).
     */
    async saveReflection(itemId: string, input: SaveReflectionInput): Promise<Reflection> {
      const item = await getRow(db, 'matrixItems', itemId);
      if (item.part !== 'how_far') {
        throw new DomainError('validation_failed', `“${item.title}” is not an annual objective`, {
          issues: [{ path: 'params.id', message: 'reflections are written on annual objectives (How far)' }],
        });
      }
      const text = { reached: input.reached, causes: input.causes, learned: input.learned };
      const existing = await db
        .selectFrom('reflections')
        .selectAll()
        .where('itemId', '=', itemId)
        .executeTakeFirst();
      if (!existing) {
        if (input.version !== null) {
          throw new DomainError(
            'version_conflict',
            `“${item.title}” has no reflection yet; send version null`,
            {
              current: null,
            },
          );
        }
        const row = await db
          .insertInto('reflections')
          .values({ id: newId('refl'), matrixId: item.matrixId, itemId, ...text })
          .returningAll()
          .executeTakeFirstOrThrow();
        return presentReflection(row);
      }
      if (input.version === null) {
        throw new DomainError(
          'version_conflict',
          `“${item.title}” already has a reflection; send its version`,
          {
            current: presentReflection(existing),
          },
        );
      }
      return presentReflection(
        await updateVersioned(db, 'reflections', existing.id, input.version, text, presentReflection),
      );
    },

    async closureOf(cycleId: string): Promise<CycleClosure> {
      const cycle = await getRow(db, 'cycles', cycleId);
      return presentClosure(cycle, await closureOf(db, cycleId));
    },

    /** Closes a cycle for good. @throws DomainError cycle_closed when it is closed already. */
    async close(cycleId: string, closedBy: string | null): Promise<CycleClosure> {
      const cycle = await getRow(db, 'cycles', cycleId);
      const inserted = await db
        .insertInto('cycleClosures')
        .values({ cycleId, closedBy })
        .onConflict((oc) => oc.column('cycleId').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) {
        throw new DomainError('cycle_closed', `The cycle ${cycle.name} is closed already`, {
          cycleId,
          cycleName: cycle.name,
        });
      }
      return presentClosure(cycle, inserted);
    },
  };
}
