import { validationError, type Issue } from '../../../core/errors';
import { cellLocation, labelIndex, normaliseName } from '../../../core/sheet-cells';
import type { MatrixImportPreview, PlanMatrix } from '../../../contracts';
import type { Db } from '../../db/store';
import { newId } from '../../ids';
import { dropUnresolved, giveNewIds } from '../../imports/matrix-workbook-copy';
import { LIST_SHEETS, MATRIX_SHEET, type ListPart } from '../../imports/matrix-workbook-layout';
import {
  locateIssue,
  readMatrixWorkbook,
  type WorkbookLocations,
  type WorkbookMatrix,
} from '../../imports/matrix-workbook-read';
import { loadWorkbook } from '../../imports/sheet-reader';
import type { createPlanExportService } from '../plan/plan-export.service';
import { validatePlan } from '../plan/plan-format';

export interface MatrixImportOptions {
  /** Override the workbook's Unit and Year cells. */
  unitId?: string | undefined;
  year?: number | undefined;
  /** replace (the default) keeps the file's IDs; copy gives every item a new one. */
  mode?: 'replace' | 'copy' | undefined;
  /** Replace the unit's matrix for that year when there is one (otherwise that is a conflict). */
  replace?: boolean | undefined;
}

/** What one workbook would write where: the preview shows it, confirm writes `matrix`. */
export interface MatrixImportPlan {
  preview: MatrixImportPreview;
  /** The matrix checked by every rule of a plan document; null while any problem remains. */
  matrix: PlanMatrix | null;
  names: { people: ReadonlyMap<string, string>; units: ReadonlyMap<string, string> };
}

const PLAN_LISTS: Record<ListPart, string> = {
  what: 'what',
  how_far: 'howFar',
  how: 'how',
  how_much: 'howMuch',
  who: 'who',
};
const plural = (n: number, noun: string) => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Reads a spreadsheet X-matrix for import (docs/xlsx-x-matrix.md): cell by cell, then with every
 * rule of a plan document, reporting each problem by sheet, row and column. Writes nothing.
 * @throws `validation_failed` when the file is no workbook or does not say which unit and year.
 */
export async function planMatrixImport(
  db: Db,
  planExport: ReturnType<typeof createPlanExportService>,
  bytes: Uint8Array,
  options: MatrixImportOptions,
): Promise<MatrixImportPlan> {
  const mode = options.mode ?? 'replace';
  const workbook = await loadWorkbook(bytes);
  const probe = readMatrixWorkbook(workbook, 'probe', { people: new Map(), units: new Map() }).matrix;
  const unitLabel = options.unitId ?? probe.unit;
  const year = options.year ?? probe.year;
  const units = await db.selectFrom('units').select(['id', 'organisationId', 'name']).execute();
  const unit =
    unitLabel === ''
      ? null
      : (units.find((u) => u.id === unitLabel) ??
        units.find((u) => normaliseName(u.name) === normaliseName(unitLabel)) ??
        null);
  const placement: Issue[] = [];
  if (!unit)
    placement.push({
      path: cellLocation({ sheet: MATRIX_SHEET, row: 2, column: 'B' }),
      message: unitLabel === '' ? 'no unit given' : `no unit "${unitLabel}"`,
    });
  if (year === null || !Number.isInteger(year) || year < 2000 || year > 2100)
    placement.push({
      path: cellLocation({ sheet: MATRIX_SHEET, row: 3, column: 'B' }),
      message: 'the year must be a whole number between 2000 and 2100',
    });
  if (!unit || year === null || placement.length > 0)
    throw validationError(placement, 'The workbook does not say where the matrix goes');

  const existing = await db
    .selectFrom('xMatrices')
    .select('id')
    .where('unitId', '=', unit.id)
    .where('year', '=', year)
    .executeTakeFirst();
  const wanted = `${unit.id}-${year}`;
  const taken = existing
    ? null
    : await db.selectFrom('xMatrices').select('id').where('id', '=', wanted).executeTakeFirst();
  const matrixId = existing?.id ?? (taken ? newId('xm') : wanted);

  const [people, plan] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'name', 'email'])
      .where('organisationId', '=', unit.organisationId)
      .execute(),
    planExport.exportPlan(unit.organisationId),
  ]);
  const orgUnits = units.filter((u) => u.organisationId === unit.organisationId);
  const lookups = {
    people: labelIndex(people, (p) => [p.id, p.name, p.email]),
    units: labelIndex(orgUnits, (u) => [u.id, u.name]),
  };
  const read = readMatrixWorkbook(workbook, matrixId, lookups, { lenient: mode === 'copy' });
  const { matrix, locations } = read;
  const problems = [...read.problems];
  const warnings = [...read.warnings];
  if (mode === 'copy' && problems.length === 0) {
    const used = await db
      .selectFrom('matrixItems')
      .select('id')
      .where('id', 'like', `${matrixId}-%`)
      .where('matrixId', '!=', existing?.id ?? '')
      .execute();
    warnings.push(...giveNewIds(matrix, locations, matrixId, new Set(used.map((u) => u.id))));
    warnings.push(
      ...dropUnresolved(matrix, locations, {
        organisation: plan.organisation.name,
        objectives: new Set(plan.objectives.map((o) => o.id)),
        keyResults: new Set(plan.objectives.flatMap((o) => o.keyResults.map((kr) => kr.id))),
        people: new Set(people.map((p) => p.id)),
        units: new Set(orgUnits.map((u) => u.id)),
      }),
    );
  }

  let parsed: PlanMatrix | null = null;
  if (problems.length === 0) {
    const others = plan.matrices.filter((m) => m.id !== existing?.id);
    const checked = validatePlan({
      ...plan,
      matrices: [...others, toPlanMatrix(matrixId, unit.id, year, matrix)],
    });
    const prefix = `matrices[${others.length}]`;
    const clashing = await clashes(db, matrix, locations, existing?.id, units);
    if (checked.plan) parsed = checked.plan.matrices.at(-1) ?? null;
    else {
      const own = checked.issues.filter((i) => i.path.startsWith(prefix));
      // An id another matrix uses is said once per matrix by the clash check, not once per row here.
      const rest = (own.length > 0 ? own : checked.issues).filter((i) => {
        const id = /^duplicate id (\S+) /.exec(i.message)?.[1];
        return id === undefined || !clashing.ids.has(id);
      });
      problems.push(...rest.map((i) => locateIssue(i, locations)));
    }
    problems.push(...clashing.issues);
    if (problems.length > 0) parsed = null;
  }
  if (existing && !options.replace)
    problems.push({
      path: cellLocation({ sheet: MATRIX_SHEET, row: 2, column: 'B' }),
      message: `${unit.name} already has an X-matrix for ${String(year)}; import with replace to overwrite it`,
    });

  const existingItems = existing
    ? await db
        .selectFrom('matrixItems')
        .select(db.fn.countAll<string>().as('n'))
        .where('matrixId', '=', existing.id)
        .executeTakeFirstOrThrow()
    : null;
  const impacts = matrix.lists.how.reduce((n, i) => n + (Array.isArray(i.impacts) ? i.impacts.length : 0), 0);
  const efforts = matrix.lists.how.reduce((n, i) => n + (Array.isArray(i.effort) ? i.effort.length : 0), 0);
  const items = Object.values(matrix.lists).reduce((n, list) => n + list.length, 0);
  return {
    preview: {
      mode,
      unit: { id: unit.id, name: unit.name },
      year,
      matrixId,
      source: { unit: probe.unit, year: probe.year },
      replaces: existing ? { matrixId: existing.id, items: Number(existingItems?.n ?? 0) } : null,
      counts: {
        items,
        what: matrix.lists.what.length,
        howFar: matrix.lists.how_far.length,
        how: matrix.lists.how.length,
        howMuch: matrix.lists.how_much.length,
        who: matrix.lists.who.length,
        correlations: matrix.correlations.length,
        owners: matrix.owners.length,
        impacts,
        efforts,
      },
      warnings,
      problems,
    },
    matrix: parsed,
    names: {
      people: new Map(people.map((p) => [p.id, p.name])),
      units: new Map(orgUnits.map((u) => [u.id, u.name])),
    },
  };
}

/**
 * Item IDs another matrix already uses: one problem per such matrix, since a file exported from
 * one unit and imported into another clashes on every row, and the way out is the same for all.
 */
async function clashes(
  db: Db,
  matrix: WorkbookMatrix,
  locations: WorkbookLocations,
  replacing: string | undefined,
  units: readonly { id: string; name: string }[],
): Promise<{ ids: ReadonlySet<string>; issues: Issue[] }> {
  const ids = Object.values(matrix.lists).flatMap((list) => list.map((item) => String(item.id)));
  if (ids.length === 0) return { ids: new Set(), issues: [] };
  const rows = await db
    .selectFrom('matrixItems')
    .innerJoin('xMatrices', 'xMatrices.id', 'matrixItems.matrixId')
    .select(['matrixItems.id', 'matrixItems.matrixId', 'xMatrices.unitId', 'xMatrices.year'])
    .where('matrixItems.id', 'in', ids)
    .execute();
  const foreign = rows.filter((r) => r.matrixId !== replacing);
  const byMatrix = Map.groupBy(foreign, (r) => r.matrixId);
  const order = new Map(ids.map((id, index) => [id, index]));
  const issues = [...byMatrix.values()].map((clash) => {
    const first = clash.toSorted((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))[0];
    const part = (Object.keys(matrix.lists) as ListPart[]).find((p) =>
      matrix.lists[p].some((item) => item.id === first?.id),
    );
    const index = part ? matrix.lists[part].findIndex((item) => item.id === first?.id) : -1;
    const owner = units.find((u) => u.id === first?.unitId)?.name ?? first?.unitId ?? '';
    return {
      path: part
        ? cellLocation({ sheet: LIST_SHEETS[part], row: locations.items[part][index], column: 'A' })
        : '(file)',
      message: `${plural(clash.length, 'item ID')} of this file belong to the X-matrix of ${owner} for ${String(first?.year)}; import the file as a copy to give its items new IDs`,
    };
  });
  return { ids: new Set(foreign.map((r) => r.id)), issues };
}

function toPlanMatrix(
  id: string,
  unitId: string,
  year: number,
  matrix: WorkbookMatrix,
): Record<string, unknown> {
  return {
    id,
    unitId,
    year,
    trueNorth: matrix.trueNorth,
    ...Object.fromEntries(
      (Object.keys(PLAN_LISTS) as ListPart[]).map((part) => [PLAN_LISTS[part], matrix.lists[part]]),
    ),
    correlations: matrix.correlations,
    owners: matrix.owners,
  };
}
