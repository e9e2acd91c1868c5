import { DomainError } from '../../../core/errors';
import { defaultMonthlyPlan } from '../../../core/matrix-item';
import { applyRollover, proposeRollover, type RolloverDecision } from '../../../core/rollover';
import type { RolloverPreview, RolloverResult } from '../../../contracts';
import {
  correlationsOfMatrices,
  matrixOfUnitYear,
  ownershipsOfMatrices,
} from '../../db/repositories/matrix.repository';
import type { Db } from '../../db/store';
import { findRow, toJson, type Row } from '../../db/versioned';
import { newId } from '../../ids';
import { cycleOfYear, loadYear, requireCycle } from './year-data';

/** The same day a year later (29 February → 28 February). */
function nextYearDate(date: string | null): string | null {
  if (date === null) return null;
  const [year, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  return `${year + 1}${rest === '-02-29' ? '-02-28' : rest}`;
}

/** A readable id when it is free (`cso-2027`, `fy2027`), a random one otherwise. */
async function freeId(
  db: Db,
  table: 'xMatrices' | 'cycles',
  wanted: string,
  prefix: string,
): Promise<string> {
  return (await findRow(db, table, wanted)) ? newId(prefix) : wanted;
}

/**
 * Rolling a closed year's X-matrix into next year: the preview (core's proposal per item) and the
 * roll-over itself, which writes next year's cycle (when missing), matrix, carried items, their
 * grid marks and owners in one transaction, each carried item naming the one it carries.
 */
export function createRolloverService(db: Db) {
  async function preview(matrixId: string): Promise<RolloverPreview> {
    const data = await loadYear(db, matrixId);
    const toYear = data.matrix.year + 1;
    const nextCycle = await cycleOfYear(db, data.organisationId, toYear);
    const next = await matrixOfUnitYear(db, data.matrix.unitId, toYear);
    const units = new Map(data.items.map((item) => [item.id, item.unitOfMeasure]));
    return {
      matrixId,
      unitId: data.matrix.unitId,
      fromYear: data.matrix.year,
      toYear,
      nextCycle: nextCycle ? { id: nextCycle.id, name: nextCycle.name } : null,
      nextMatrixId: next?.id ?? null,
      cycleClosed: data.closure !== undefined,
      items: proposeRollover(data.sources).map((item) => ({
        ...item,
        unitOfMeasure: units.get(item.itemId) ?? '',
      })),
    };
  }

  return {
    preview,

    /**
     * @throws DomainError invariant_violated while the year is open, already_exists when the unit
     * has next year's matrix, validation_failed naming each bad decision.
     */
    async rollover(matrixId: string, decisions: readonly RolloverDecision[]): Promise<RolloverResult> {
      return db.transaction().execute(async (trx) => {
        const data = await loadYear(trx, matrixId);
        const cycle = requireCycle(data);
        if (!data.closure) {
          throw new DomainError(
            'invariant_violated',
            `Close ${cycle.name} before rolling its X-matrix into ${data.matrix.year + 1}: its scores are not final yet`,
          );
        }
        const toYear = data.matrix.year + 1;
        const existing = await matrixOfUnitYear(trx, data.matrix.unitId, toYear);
        if (existing) {
          throw new DomainError('already_exists', `The unit already has an X-matrix for ${toYear}`, {
            matrixId: existing.id,
          });
        }
        const carried = applyRollover(proposeRollover(data.sources), decisions);
        let nextCycle = await cycleOfYear(trx, data.organisationId, toYear);
        const createdCycle = nextCycle === undefined;
        if (!nextCycle) {
          nextCycle = await trx
            .insertInto('cycles')
            .values({
              id: await freeId(trx, 'cycles', `fy${toYear}`, 'cyc'),
              organisationId: data.organisationId,
              name: cycle.name.includes(String(cycle.year))
                ? cycle.name.replace(String(cycle.year), String(toYear))
                : `FY${toYear}`,
              year: toYear,
              startDate: nextYearDate(cycle.startDate) ?? `${toYear}-01-01`,
              endDate: nextYearDate(cycle.endDate) ?? `${toYear}-12-31`,
              position: cycle.position + 1,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        }
        const matrix = await trx
          .insertInto('xMatrices')
          .values({
            id: await freeId(trx, 'xMatrices', `${data.matrix.unitId}-${toYear}`, 'mx'),
            unitId: data.matrix.unitId,
            year: toYear,
            trueNorth: data.matrix.trueNorth,
            rolledFromId: matrixId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const byId = new Map(data.items.map((item) => [item.id, item]));
        const newIds = new Map<string, string>();
        const positions = new Map<string, number>();
        const rows = carried.map((choice) => {
          const item = byId.get(choice.fromId) as Row<'matrixItems'>;
          const position = positions.get(item.part) ?? 0;
          positions.set(item.part, position + 1);
          const id = newId('mi');
          newIds.set(item.id, id);
          const kpi = item.part === 'how_much';
          return {
            id,
            matrixId: matrix.id,
            part: item.part,
            title: item.title,
            description: item.description,
            position,
            sourceObjectiveId: item.sourceObjectiveId,
            targetYear: item.targetYear,
            sourceKeyResultId: item.sourceKeyResultId,
            startDate: nextYearDate(item.startDate),
            endDate: nextYearDate(item.endDate),
            effortPersonDays: item.effortPersonDays,
            requiredSkills: toJson(item.requiredSkills),
            status: choice.status ?? item.status,
            unitOfMeasure: item.unitOfMeasure,
            direction: item.direction,
            baseline: kpi ? choice.baseline : item.baseline,
            target: kpi ? choice.target : item.target,
            targetHigh: item.targetHigh,
            monthlyPlan: toJson(kpi ? defaultMonthlyPlan(choice.baseline, choice.target) : item.monthlyPlan),
            ownerId: item.ownerId,
            personId: item.personId,
            teamUnitId: item.teamUnitId,
            deliveryProbability: item.deliveryProbability,
            sourceItemId: item.sourceItemId,
            carriedFromId: item.id,
          };
        });
        if (rows.length > 0) await trx.insertInto('matrixItems').values(rows).execute();
        const marks = (await correlationsOfMatrices(trx, [matrixId])).flatMap((mark) => {
          const fromId = newIds.get(mark.fromId);
          const toId = newIds.get(mark.toId);
          return fromId && toId
            ? [
                {
                  id: newId('cor'),
                  matrixId: matrix.id,
                  grid: mark.grid,
                  fromId,
                  toId,
                  strength: mark.strength,
                },
              ]
            : [];
        });
        if (marks.length > 0) await trx.insertInto('correlations').values(marks).execute();
        const owners = (await ownershipsOfMatrices(trx, [matrixId])).flatMap((owner) => {
          const initiativeId = newIds.get(owner.initiativeId);
          const whoId = newIds.get(owner.whoId);
          return initiativeId && whoId
            ? [{ id: newId('own'), matrixId: matrix.id, initiativeId, whoId, role: owner.role }]
            : [];
        });
        if (owners.length > 0) await trx.insertInto('ownerships').values(owners).execute();
        return {
          matrixId: matrix.id,
          unitId: matrix.unitId,
          year: toYear,
          cycleId: nextCycle.id,
          createdCycle,
          carried: rows.length,
        };
      });
    },
  };
}
