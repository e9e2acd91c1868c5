import { sql } from 'kysely';
import { defaultCycleDates } from '../../../core/cycle';
import { DomainError, validationError, type Issue } from '../../../core/errors';
import { DEFAULT_PART_NAMES } from '../../../core/x-matrix-parts';
import type { PlanDocument } from '../../../contracts';
import type { Db } from '../../db/store';
import type { VersionedTable } from '../../db/versioned';
import { toJson } from '../../db/versioned';
import { inChunks, insertInChunks } from '../../db/chunked';
import { snapshotSources } from '../matrix/source-links';
import { parsePlanInSlicesOrThrow } from './plan-format';
import { insertPlanMatrices } from '../matrix/plan-matrix-writer';
import { asRun, createImportRuns, type ImportRuns } from '../imports/import-runs.service';

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

/** Rows a plan writes, for the progress of its write phase. */
function rowCount(plan: PlanDocument): number {
  const matrixRows = plan.matrices.reduce(
    (n, m) =>
      n +
      1 +
      m.what.length +
      m.howFar.length +
      m.how.length +
      m.howMuch.length +
      m.who.length +
      m.correlations.length +
      m.owners.length +
      m.how.reduce((k, it) => k + it.impacts.length + it.effort.length, 0),
    0,
  );
  const keyResults = plan.objectives.reduce((n, o) => n + o.keyResults.length, 0);
  return (
    1 +
    plan.people.length +
    plan.units.length +
    plan.cycles.length +
    plan.objectives.length +
    keyResults +
    matrixRows
  );
}

/**
 * From here on, foreign keys are checked at the end of each statement instead of all at commit:
 * the rows any later row may reference (structure and OKRs) are written by now, and a commit that
 * checks 100,000 rows' references at once holds the embedded store's thread for seconds. Checks
 * pending so far run now. Only an item's cascade link (`source_item_id`, possibly to an item
 * written later) stays deferred.
 */
async function checkReferencesPerStatement(trx: Db): Promise<void> {
  await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx);
  await sql`SET CONSTRAINTS matrix_items_source_item_id_fkey DEFERRED`.execute(trx);
}

/** The organisation id a document names, read before validation so its lock is taken first. */
function organisationIdOf(input: unknown): string {
  const id = (input as { organisation?: { id?: unknown } } | null)?.organisation?.id;
  return typeof id === 'string' ? id : '';
}

/**
 * Imports a plan document: validates all of it first (every problem reported with its path),
 * then writes everything in one transaction, or nothing. With `replace`, an organisation of the
 * same id is deleted first, in the same transaction. Big plans are validated a matrix at a time
 * and written in statements sized by their bind parameters, yielding between them, so the server
 * keeps answering; one import per organisation at a time (`import_in_progress` otherwise).
 * `options.run` names the run whose progress `runs` reports.
 */
export function createPlanImportService(db: Db, runs: ImportRuns = createImportRuns()) {
  return {
    async importPlan(
      input: unknown,
      options: { replace?: boolean; run?: string | undefined } = {},
    ): Promise<ImportSummary> {
      const handle = runs.start('plan', `organisation ${organisationIdOf(input)}`, options.run);
      return asRun(handle, async () => {
        handle.report({ phase: 'check', done: 0, total: 1 });
        const plan = await parsePlanInSlicesOrThrow(input);
        handle.report({ phase: 'check', done: 1, total: 1 });
        const organisationId = plan.organisation.id;
        const total = rowCount(plan);
        let written = 0;
        const wrote = (rows: number) => {
          written += rows;
          handle.report({ phase: 'write', done: written, total });
        };
        return db.transaction().execute(async (trx) => {
          await handle.lockWithin(trx);
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
          for (const [table, id, path] of planIds(plan)) {
            const entries = byTable.get(table);
            if (entries) entries.push([id, path]);
            else byTable.set(table, [[id, path]]);
          }
          for (const [table, entries] of byTable) {
            const taken = await inChunks(
              entries.map(([id]) => id),
              (ids) =>
                trx
                  .selectFrom(table as 'units')
                  .select('id')
                  .where('id', 'in', ids)
                  .execute(),
            );
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
          wrote(1);
          const insert = async (table: VersionedTable, rows: Record<string, unknown>[]) => {
            let before = 0;
            await insertInChunks(trx, table, rows, (done) => {
              wrote(done - before);
              before = done;
            });
          };
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
              measureWeights: toJson(kr.measureWeights),
              objectiveId: o.id,
              position,
            })),
          );
          await insert('keyResults', keyResults);
          await checkReferencesPerStatement(trx);

          const names = {
            people: new Map(plan.people.map((p) => [p.id, p.name])),
            units: new Map(plan.units.map((u) => [u.id, u.name])),
          };
          const before = written;
          const { items, correlations, owners } = await insertPlanMatrices(
            trx,
            plan.matrices,
            names,
            (done) => {
              written = before + done;
              handle.report({ phase: 'write', done: written, total });
            },
          );
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
      });
    },
  };
}
