import { randomUUID } from 'node:crypto';
import { validationError } from '../../../core/errors';
import { cellLocation } from '../../../core/sheet-cells';
import {
  readOkrSheet,
  type OkrSheetResult,
  type SheetObjective,
  type SheetProblem,
} from '../../../core/okr-sheet';
import {
  localeChoiceOf,
  type OkrImportPreview,
  type OkrImportQuery,
  type OkrImportResult,
} from '../../../contracts';
import type { ColumnChoices, OkrSheetField } from '../../../core/okr-sheet-columns';
import type { Db } from '../../db/store';
import { toJson } from '../../db/versioned';
import { newId } from '../../ids';
import { readSheet, type CsvSeparator } from '../../imports/sheet-reader';
import { presentSheetLocale } from '../../presenters/sheet-locale.presenter';
import { readableId } from '../../imports/readable-id';
import { organisationOfUnit } from '../structure/references';
import { plural } from '../../../core/plural';
import { inChunks, insertInChunks } from '../../db/chunked';
import {
  asRun,
  createImportRuns,
  type ImportRuns,
  type ProgressListener,
} from '../imports/import-runs.service';

export type { ImportProgress, ProgressListener } from '../imports/import-runs.service';

/**
 * OKRs from the spreadsheets people keep: one row per key result (see core/okr-sheet.ts).
 * `preview` reads and checks everything and writes nothing; `confirm` does the same checks and
 * then writes every objective, key result and new owner in one transaction, or nothing.
 */
export function createOkrImportService(db: Db, runs: ImportRuns = createImportRuns()) {
  async function organisationOf(query: OkrImportQuery): Promise<string> {
    if (query.unitId) {
      const organisationId = await organisationOfUnit(db, query.unitId);
      if (query.organisationId && query.organisationId !== organisationId)
        throw validationError([
          {
            path: 'query.unitId',
            message: `unit ${query.unitId} is not in organisation ${query.organisationId}`,
          },
        ]);
      return organisationId;
    }
    const organisationId = query.organisationId ?? '';
    await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow(() =>
        validationError([
          { path: 'query.organisationId', message: `no organisation with id ${organisationId}` },
        ]),
      );
    return organisationId;
  }

  async function read(bytes: Uint8Array, query: OkrImportQuery, onProgress?: ProgressListener) {
    const organisationId = await organisationOf(query);
    onProgress?.({ phase: 'read', done: 0, total: bytes.byteLength });
    const { rows, format, separator } = await readSheet(bytes, { sheet: 'OKRs' });
    onProgress?.({ phase: 'read', done: bytes.byteLength, total: bytes.byteLength });
    const [units, cycles, people, objectives, keyResults] = await Promise.all([
      db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('organisationId', '=', organisationId)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('cycles')
        .select(['id', 'name', 'year'])
        .where('organisationId', '=', organisationId)
        .execute(),
      db
        .selectFrom('people')
        .select(['id', 'name', 'email'])
        .where('organisationId', '=', organisationId)
        .execute(),
      db
        .selectFrom('objectives')
        .innerJoin('units', 'units.id', 'objectives.unitId')
        .select('objectives.id')
        .where('units.organisationId', '=', organisationId)
        .execute(),
      db
        .selectFrom('keyResults')
        .innerJoin('objectives', 'objectives.id', 'keyResults.objectiveId')
        .innerJoin('units', 'units.id', 'objectives.unitId')
        .select('keyResults.id')
        .where('units.organisationId', '=', organisationId)
        .execute(),
    ]);
    const unitIds = new Set(units.map((u) => u.id));
    const cycleIds = new Set(cycles.map((c) => c.id));
    const problems: SheetProblem[] = [];
    if (query.unitId && !unitIds.has(query.unitId))
      problems.push({ row: null, column: null, message: `no unit ${query.unitId}` });
    if (query.cycleId && !cycleIds.has(query.cycleId))
      problems.push({
        row: null,
        column: null,
        message: `no cycle ${query.cycleId} in organisation ${organisationId}`,
      });
    onProgress?.({ phase: 'check', done: 0, total: rows.length });
    const sheet = readOkrSheet(
      rows,
      {
        units,
        cycles,
        people,
        objectiveIds: new Set(objectives.map((o) => o.id)),
        keyResultIds: new Set(keyResults.map((k) => k.id)),
        defaultUnitId: query.unitId ?? null,
        defaultCycleId: query.cycleId ?? null,
      },
      { columns: columnChoicesOf(query.columns), locale: localeChoiceOf(query) },
    );
    problems.push(...sheet.problems, ...(await clashingIds(sheet)));
    onProgress?.({ phase: 'check', done: rows.length, total: rows.length });
    const peopleNames = new Map(people.map((p) => [p.id, p.name]));
    return { organisationId, sheet, problems, format, separator, rowCount: rows.length, peopleNames };
  }

  /** Ids the sheet gives that the store already uses, anywhere: ids are unique store-wide. */
  async function clashingIds(sheet: OkrSheetResult): Promise<SheetProblem[]> {
    const column = (field: string) => sheet.mapping.find((m) => m.field === field)?.column ?? null;
    const objectiveIds = sheet.objectives.flatMap((o) => (o.id ? [o] : []));
    const krIds = sheet.objectives.flatMap((o) => o.keyResults.filter((kr) => kr.id !== null));
    const taken = async (table: 'objectives' | 'keyResults', ids: string[]) =>
      ids.length === 0
        ? new Set<string>()
        : new Set(
            (
              await inChunks(ids, (slice) =>
                db.selectFrom(table).select('id').where('id', 'in', slice).execute(),
              )
            ).map((r) => r.id),
          );
    const takenObjectives = await taken(
      'objectives',
      objectiveIds.map((o) => o.id ?? ''),
    );
    const takenKrs = await taken(
      'keyResults',
      krIds.map((kr) => kr.id ?? ''),
    );
    return [
      ...objectiveIds
        .filter((o) => takenObjectives.has(o.id ?? ''))
        .map((o) => ({
          row: o.row,
          column: column('objectiveId'),
          message: `objective id ${o.id ?? ''} is already used in the store`,
        })),
      ...krIds
        .filter((kr) => takenKrs.has(kr.id ?? ''))
        .map((kr) => ({
          row: kr.row,
          column: column('keyResultId'),
          message: `key result id ${kr.id ?? ''} is already used in the store`,
        })),
    ];
  }

  return {
    async preview(
      bytes: Uint8Array,
      query: OkrImportQuery,
      onProgress?: ProgressListener,
    ): Promise<OkrImportPreview> {
      const { sheet, problems, format, separator, rowCount, peopleNames } = await read(
        bytes,
        query,
        onProgress,
      );
      return presentPreview(sheet, problems, { format, separator }, rowCount, peopleNames);
    },

    /**
     * `checkObjective`, when given, sees every objective the sheet reads (its row and unit) before
     * anything is written, and may refuse by throwing (the route checks the caller edits each unit).
     * @throws `validation_failed` with one issue per problem (path `row 7, column C`); nothing is written.
     */
    async confirm(
      bytes: Uint8Array,
      query: OkrImportQuery,
      onProgress?: ProgressListener,
      checkObjective?: (objective: { row: number; unitId: string }) => Promise<void>,
    ): Promise<OkrImportResult> {
      // Sheets add OKRs (nothing is replaced), so runs need no lock of their own: the subject is the run.
      const handle = runs.start('okrs', `OKR sheet ${query.run ?? randomUUID()}`, query.run);
      const report: ProgressListener = (progress) => {
        handle.report(progress);
        onProgress?.(progress);
      };
      return asRun(handle, () => confirmRun(bytes, query, report, checkObjective));
    },
  };

  async function confirmRun(
    bytes: Uint8Array,
    query: OkrImportQuery,
    onProgress: ProgressListener,
    checkObjective?: (objective: { row: number; unitId: string }) => Promise<void>,
  ): Promise<OkrImportResult> {
    const { organisationId, sheet, problems } = await read(bytes, query, onProgress);
    if (checkObjective) for (const objective of sheet.objectives) await checkObjective(objective);
    if (problems.length > 0)
      throw validationError(
        problems.map((problem) => problemIssue(problem, sheet.mapping)),
        `The sheet has ${plural(problems.length, 'problem')}; nothing was imported`,
      );
    return db.transaction().execute(async (trx) => {
      const personIds = new Map<string, string>();
      const existingPeople = await trx
        .selectFrom('people')
        .select(['id', 'organisationId', 'position'])
        .execute();
      const takenPeople = new Set(existingPeople.map((p) => p.id));
      let position = Math.max(
        -1,
        ...existingPeople.filter((p) => p.organisationId === organisationId).map((p) => p.position),
      );
      const peopleRows = sheet.newPeople.map((person) => {
        const id = readableId(person.name, takenPeople, 'person');
        personIds.set(person.key, id);
        position += 1;
        const skills = toJson([] as string[]);
        return {
          id,
          organisationId,
          name: person.name,
          email: person.email,
          skills,
          monthlyCapacity: 18,
          position,
        };
      });
      const rows = buildOkrRows(sheet.objectives, personIds, await nextPositions(trx, sheet.objectives));
      const total = peopleRows.length + rows.objectives.length + rows.keyResults.length;
      let done = 0;
      const insert = async (
        table: 'people' | 'objectives' | 'keyResults',
        values: Record<string, unknown>[],
      ) => {
        const before = done;
        await insertInChunks(trx, table, values, (written) => {
          done = before + written;
          onProgress?.({ phase: 'write', done, total });
        });
      };
      await insert('people', peopleRows);
      await insert('objectives', rows.objectives);
      await insert('keyResults', rows.keyResults);
      return {
        organisationId,
        created: {
          objectives: rows.objectives.length,
          keyResults: rows.keyResults.length,
          people: peopleRows.length,
        },
      };
    });
  }
}

/** A sheet problem as an error issue: `row 7, column C (Target)`, its header from the sheet's mapping. */
export function problemIssue(
  problem: SheetProblem,
  mapping: readonly { column: string; header: string }[] = [],
): { path: string; message: string } {
  const header = mapping.find((entry) => entry.column === problem.column)?.header;
  return {
    path: cellLocation({ row: problem.row, column: problem.column, header }),
    message: problem.message,
  };
}

/** The next free position per unit and cycle, so imported objectives follow the existing ones. */
async function nextPositions(db: Db, objectives: SheetObjective[]): Promise<Map<string, number>> {
  const unitIds = [...new Set(objectives.map((o) => o.unitId))];
  const positions = new Map<string, number>();
  if (unitIds.length === 0) return positions;
  const rows = await db
    .selectFrom('objectives')
    .select(['unitId', 'cycleId', (eb) => eb.fn.max('position').as('last')])
    .where('unitId', 'in', unitIds)
    .groupBy(['unitId', 'cycleId'])
    .execute();
  for (const row of rows) positions.set(`${row.unitId}|${row.cycleId}`, row.last + 1);
  return positions;
}

/** Objective and key result rows with their final ids; alignment links resolved to those ids. */
function buildOkrRows(
  objectives: SheetObjective[],
  personIds: Map<string, string>,
  positions: Map<string, number>,
) {
  const objectiveIds = new Map(objectives.map((o) => [o.key, o.id ?? newId('obj')]));
  const krIds = new Map<string, string>();
  for (const o of objectives)
    for (const kr of o.keyResults) krIds.set(`${o.key}#${kr.row}`, kr.id ?? newId('kr'));
  const objectiveRows = objectives.map((o) => {
    const slot = `${o.unitId}|${o.cycleId}`;
    const position = positions.get(slot) ?? 0;
    positions.set(slot, position + 1);
    const parent = o.parent;
    return {
      id: objectiveIds.get(o.key) ?? '',
      unitId: o.unitId,
      cycleId: o.cycleId,
      title: o.title,
      description: o.description,
      kind: o.kind,
      position,
      alignedObjectiveId:
        parent?.kind === 'objective'
          ? parent.inFile
            ? (objectiveIds.get(parent.key) ?? null)
            : parent.id
          : null,
      alignedKeyResultId:
        parent?.kind === 'key_result'
          ? parent.inFile
            ? (krIds.get(`${parent.objectiveKey}#${parent.row}`) ?? null)
            : parent.id
          : null,
    };
  });
  const keyResultRows = objectives.flatMap((o) =>
    o.keyResults.map((kr, position) => ({
      id: krIds.get(`${o.key}#${kr.row}`) ?? '',
      objectiveId: objectiveIds.get(o.key) ?? '',
      title: kr.title,
      kind: kr.kind,
      unitOfMeasure: kr.unitOfMeasure,
      baseline: kr.baseline,
      target: kr.target,
      targetHigh: kr.targetHigh,
      current: kr.current,
      weight: kr.weight,
      ownerId:
        kr.owner === null
          ? null
          : 'personId' in kr.owner
            ? kr.owner.personId
            : (personIds.get(kr.owner.newPerson) ?? null),
      confidence: null,
      dueDate: kr.dueDate,
      milestones: toJson(kr.milestones),
      position,
    })),
  );
  return { objectives: objectiveRows, keyResults: keyResultRows };
}

/** `C=unitOfMeasure,D=unit,E=` from the preview's mapping editor; validated by the contract. */
function columnChoicesOf(columns: string | undefined): ColumnChoices {
  if (!columns) return {};
  return Object.fromEntries(
    columns.split(',').map((pair) => {
      const [column = '', field = ''] = pair.split('=');
      return [column, field === '' ? null : (field as OkrSheetField)];
    }),
  );
}

function presentPreview(
  sheet: OkrSheetResult,
  problems: SheetProblem[],
  { format, separator }: { format: 'csv' | 'xlsx'; separator: CsvSeparator | null },
  rowCount: number,
  /** Existing people by id: the preview names owners, never ids. */
  peopleNames: ReadonlyMap<string, string>,
): OkrImportPreview {
  const newNames = new Map(sheet.newPeople.map((p) => [p.key, p.name]));
  const keyResults = sheet.objectives.reduce((sum, o) => sum + o.keyResults.length, 0);
  return {
    format,
    separator,
    locale: presentSheetLocale(sheet.locale),
    mapping: sheet.mapping.map(({ column, header, field, from, candidates }) => ({
      column,
      header,
      field,
      from,
      ...(candidates ? { candidates: [...candidates] } : {}),
    })),
    summary: {
      rows: rowCount,
      objectives: sheet.objectives.length,
      keyResults,
      people: sheet.newPeople.length,
    },
    objectives: sheet.objectives.map((o) => ({
      row: o.row,
      title: o.title,
      unitId: o.unitId,
      cycleId: o.cycleId,
      kind: o.kind,
      parent: parentLabel(o, sheet.objectives),
      keyResults: o.keyResults.map((kr) => ({
        row: kr.row,
        title: kr.title,
        kind: kr.kind,
        unitOfMeasure: kr.unitOfMeasure,
        baseline: kr.baseline,
        target: kr.target,
        owner:
          kr.owner === null
            ? null
            : 'personId' in kr.owner
              ? (peopleNames.get(kr.owner.personId) ?? kr.owner.personId)
              : (newNames.get(kr.owner.newPerson) ?? null),
        dueDate: kr.dueDate,
      })),
    })),
    newPeople: sheet.newPeople.map((p) => ({ name: p.name, email: p.email })),
    problems,
  };
}

function parentLabel(objective: SheetObjective, all: SheetObjective[]): string | null {
  const parent = objective.parent;
  if (!parent) return null;
  if (!parent.inFile) return parent.id;
  if (parent.kind === 'objective') return all.find((o) => o.key === parent.key)?.title ?? null;
  return (
    all.find((o) => o.key === parent.objectiveKey)?.keyResults.find((kr) => kr.row === parent.row)?.title ??
    null
  );
}
