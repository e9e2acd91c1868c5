import { defaultCycleDates } from '../../../core/cycle';
import { DomainError, validationError, type Issue } from '../../../core/errors';
import { DEFAULT_PART_NAMES } from '../../../core/x-matrix-parts';
import type { PlanDocument } from '../../../contracts';
import type { Db } from '../../db/store';
import type { VersionedTable } from '../../db/versioned';
import { toJson } from '../../db/versioned';
import { snapshotSources } from '../matrix/source-links';
import { parsePlanOrThrow } from './plan-format';
import { insertChunked, insertPlanMatrix } from '../matrix/plan-matrix-writer';

export interface ImportSummary {
  organisationId: string;
  replaced: boolean;
  counts: Record<
    | 'units'
    | 'people'
    | 'cycles'
    | 'objectives'
    | 'keyResults'
    | 'matrices'
    | 'items'
    | 'correlations'
    | 'owners',
    number
  >;
}

/** Ids of a plan grouped by the table they go to, each with its path in the document. */
function planIds(plan: PlanDocument): [VersionedTable, string, string][] {
  const ids: [VersionedTable, string, string][] = [];
  plan.units.forEach((u, i) => ids.push(['units', u.id, `units[${i}].id`]));
  plan.people.forEach((p, i) => ids.push(['people', p.id, `people[${i}].id`]));
  plan.cycles.forEach((c, i) => ids.push(['cycles', c.id, `cycles[${i}].id`]));
  plan.objectives.forEach((o, i) => {
    ids.push(['objectives', o.id, `objectives[${i}].id`]);
    o.keyResults.forEach((kr, k) => ids.push(['keyResults', kr.id, `objectives[${i}].keyResults[${k}].id`]));
  });
  plan.matrices.forEach((m, i) => {
    ids.push(['xMatrices', m.id, `matrices[${i}].id`]);
    for (const list of ['what', 'howFar', 'how', 'howMuch', 'who'] as const)
      m[list].forEach((item, j) => ids.push(['matrixItems', item.id, `matrices[${i}].${list}[${j}].id`]));
  });
  return ids;
}

/**
 * Imports a plan document: validates all of it first (every problem reported with its path),
 * then writes everything in one transaction, or nothing. With `replace`, an organisation of the
 * same id is deleted first, in the same transaction.
 */
export function createPlanImportService(db: Db) {
  return {
    async importPlan(input: unknown, options: { replace?: boolean } = {}): Promise<ImportSummary> {
      const plan = parsePlanOrThrow(input);
      const organisationId = plan.organisation.id;
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', organisationId)
          .executeTakeFirst();
        if (existing && !options.replace)
          throw new DomainError(
            'already_exists',
            `The store already holds organisation ${organisationId}; import with replace to overwrite it, or change organisation.id`,
            { path: 'organisation.id' },
          );
        if (existing) await trx.deleteFrom('organisations').where('id', '=', organisationId).execute();

        const clashes: Issue[] = [];
        const byTable = new Map<VersionedTable, [string, string][]>();
        for (const [table, id, path] of planIds(plan))
          byTable.set(table, [...(byTable.get(table) ?? []), [id, path]]);
        for (const [table, entries] of byTable) {
          const taken = await trx
            .selectFrom(table as 'units')
            .select('id')
            .where(
              'id',
              'in',
              entries.map(([id]) => id),
            )
            .execute();
          const takenIds = new Set(taken.map((row) => row.id));
          for (const [id, path] of entries)
            if (takenIds.has(id))
              clashes.push({
                path,
                message: `id ${id} is already used in another organisation of this store`,
              });
        }
        if (clashes.length > 0) throw validationError(clashes, 'The plan document clashes with the store');

        await trx
          .insertInto('organisations')
          .values({
            id: organisationId,
            name: plan.organisation.name,
            partNames: toJson({ ...DEFAULT_PART_NAMES, ...plan.organisation.partNames }),
            horizonYears: plan.organisation.horizonYears,
          })
          .execute();
        const insert = (table: VersionedTable, rows: Record<string, unknown>[]) =>
          insertChunked(trx, table, rows);
        const positionAmong = <T>(list: T[], key: (entry: T) => string) => {
          const counters = new Map<string, number>();
          return list.map((entry) => {
            const group = key(entry);
            const position = counters.get(group) ?? 0;
            counters.set(group, position + 1);
            return position;
          });
        };

        const unitPositions = positionAmong(plan.units, (u) => u.parentId ?? '');
        await insert(
          'people',
          plan.people.map((p, i) => ({
            id: p.id,
            organisationId,
            unitId: p.unitId,
            name: p.name,
            email: p.email,
            skills: toJson(p.skills),
            monthlyCapacity: p.monthlyCapacity,
            position: i,
          })),
        );
        await insert(
          'units',
          plan.units.map((u, i) => ({
            id: u.id,
            organisationId,
            parentId: u.parentId,
            name: u.name,
            ownerId: u.ownerId,
            position: unitPositions[i],
          })),
        );
        await insert(
          'cycles',
          plan.cycles.map((c, i) => {
            const defaults = defaultCycleDates(c.year);
            return {
              id: c.id,
              organisationId,
              name: c.name,
              year: c.year,
              startDate: c.startDate ?? defaults.startDate,
              endDate: c.endDate ?? defaults.endDate,
              position: i,
            };
          }),
        );
        const objectivePositions = positionAmong(plan.objectives, (o) => `${o.unitId}|${o.cycleId}`);
        await insert(
          'objectives',
          plan.objectives.map((o, i) => ({
            id: o.id,
            unitId: o.unitId,
            cycleId: o.cycleId,
            title: o.title,
            description: o.description,
            kind: o.kind,
            alignedObjectiveId: o.alignedObjectiveId,
            alignedKeyResultId: o.alignedKeyResultId,
            position: objectivePositions[i],
          })),
        );
        const keyResults = plan.objectives.flatMap((o) =>
          o.keyResults.map((kr, position) => ({
            ...kr,
            milestones: toJson(kr.milestones),
            objectiveId: o.id,
            position,
          })),
        );
        await insert('keyResults', keyResults);

        const names = {
          people: new Map(plan.people.map((p) => [p.id, p.name])),
          units: new Map(plan.units.map((u) => [u.id, u.name])),
        };
        let items = 0;
        let correlations = 0;
        let owners = 0;
        for (const m of plan.matrices) {
          const written = await insertPlanMatrix(trx, m, names);
          items += written.items;
          correlations += written.correlations;
          owners += written.owners;
        }
        // Linked items start in agreement with their sources, so a later change upstream shows.
        await snapshotSources(
          trx,
          plan.matrices.flatMap((m) => [
            ...m.what.map((it) => ({ ...it, sourceKeyResultId: null })),
            ...m.howFar.map((it) => ({ ...it, sourceObjectiveId: null })),
            ...m.howMuch.map((it) => ({ ...it, sourceObjectiveId: null, sourceItemId: null })),
          ]),
        );
        return {
          organisationId,
          replaced: Boolean(existing),
          counts: {
            units: plan.units.length,
            people: plan.people.length,
            cycles: plan.cycles.length,
            objectives: plan.objectives.length,
            keyResults: keyResults.length,
            matrices: plan.matrices.length,
            items,
            correlations,
            owners,
          },
        };
      });
    },
  };
}
