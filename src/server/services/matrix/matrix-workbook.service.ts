import { DomainError, validationError, type Issue } from '../../../core/errors';
import { cellLocation, labelIndex, normaliseLabel } from '../../../core/sheet-cells';
import type { MatrixImportResult, PlanMatrix } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { newId } from '../../ids';
import { MATRIX_SHEET } from '../../imports/matrix-workbook-layout';
import { readMatrixWorkbook, locateIssue, type WorkbookMatrix } from '../../imports/matrix-workbook-read';
import { writeMatrixWorkbook } from '../../imports/matrix-workbook-write';
import { loadWorkbook } from '../../imports/sheet-reader';
import type { createPlanExportService } from '../plan/plan-export.service';
import { validatePlan } from '../plan/plan-format';
import { insertPlanMatrix } from './plan-matrix-writer';
import { plural } from '../../../core/plural';

export interface MatrixImportOptions {
  /** Override the workbook's Unit and Year cells. */
  unitId?: string | undefined;
  year?: number | undefined;
  /** Replace the unit's matrix for that year when there is one (otherwise that is a conflict). */
  replace?: boolean | undefined;
}

const EMPTY_PART_NAMES = { what: 'What', how_far: 'How Far', how: 'How', how_much: 'How Much', who: 'Who' };

/**
 * The X-matrix as a spreadsheet (docs/xlsx-x-matrix.md): export, the blank template, and import,
 * which checks the workbook cell by cell and then with every rule of a plan document, and writes
 * the whole matrix in one transaction (replacing the unit's matrix for the year when asked).
 * Export → import gives the same matrix.
 */
export function createMatrixWorkbookService(db: Db, planExport: ReturnType<typeof createPlanExportService>) {
  async function planMatrixOf(matrixId: string) {
    const matrix = await getRow(db, 'xMatrices', matrixId);
    const unit = await getRow(db, 'units', matrix.unitId);
    const plan = await planExport.exportPlan(unit.organisationId);
    const index = plan.matrices.findIndex((m) => m.id === matrixId);
    return { plan, index, unit };
  }

  async function lookups(organisationId: string) {
    const [people, units] = await Promise.all([
      db
        .selectFrom('people')
        .select(['id', 'name', 'email'])
        .where('organisationId', '=', organisationId)
        .execute(),
      db.selectFrom('units').select(['id', 'name']).where('organisationId', '=', organisationId).execute(),
    ]);
    return {
      people: labelIndex(people, (p) => [p.id, p.name, p.email]),
      units: labelIndex(units, (u) => [u.id, u.name]),
      names: {
        people: new Map(people.map((p) => [p.id, p.name])),
        units: new Map(units.map((u) => [u.id, u.name])),
      },
    };
  }

  async function resolveUnit(label: string) {
    const rows = await db.selectFrom('units').select(['id', 'organisationId', 'name']).execute();
    return (
      rows.find((u) => u.id === label) ??
      rows.find((u) => normaliseLabel(u.name) === normaliseLabel(label)) ??
      null
    );
  }

  return {
    async exportXlsx(matrixId: string): Promise<{ file: Buffer; filename: string }> {
      const { plan, index, unit } = await planMatrixOf(matrixId);
      const matrix = plan.matrices[index];
      if (!matrix) throw new DomainError('not_found', `No X-matrix with id ${matrixId}`);
      const view = await db
        .selectFrom('matrixItems')
        .select(['id', 'title'])
        .where('matrixId', '=', matrixId)
        .where('part', '=', 'who')
        .execute();
      const file = await writeMatrixWorkbook(matrix, {
        organisation: plan.organisation.name,
        unit: unit.name,
        partNames: { ...EMPTY_PART_NAMES, ...plan.organisation.partNames },
        who: new Map(view.map((w) => [w.id, w.title])),
      });
      return { file, filename: `${unit.id}-${matrix.year}.xlsx` };
    },

    /** The blank spreadsheet X-matrix: every sheet and header, no items. */
    async template(year: number): Promise<Buffer> {
      const empty: PlanMatrix = {
        id: 'template',
        unitId: '',
        year,
        trueNorth: '',
        what: [],
        howFar: [],
        how: [],
        howMuch: [],
        who: [],
        correlations: [],
        owners: [],
      };
      return writeMatrixWorkbook(empty, {
        organisation: '',
        unit: '',
        partNames: EMPTY_PART_NAMES,
        who: new Map(),
      });
    },

    /** @throws `validation_failed` listing every problem by sheet, row and column; `already_exists` without replace. */
    async importXlsx(bytes: Uint8Array, options: MatrixImportOptions = {}): Promise<MatrixImportResult> {
      const workbook = await loadWorkbook(bytes);
      const probe = readMatrixWorkbook(workbook, 'probe', { people: new Map(), units: new Map() }).matrix;
      const unitLabel = options.unitId ?? probe.unit;
      const year = options.year ?? probe.year;
      const unit = unitLabel === '' ? null : await resolveUnit(unitLabel);
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
      if (existing && !options.replace)
        throw new DomainError(
          'already_exists',
          `Unit ${unit.id} already has an X-matrix for ${year} (${existing.id}); import with replace to overwrite it`,
          { id: existing.id },
        );
      const taken = existing
        ? null
        : await db
            .selectFrom('xMatrices')
            .select('id')
            .where('id', '=', `${unit.id}-${year}`)
            .executeTakeFirst();
      const matrixId = existing?.id ?? (taken ? newId('xm') : `${unit.id}-${year}`);

      const known = await lookups(unit.organisationId);
      const { matrix, locations, problems } = readMatrixWorkbook(workbook, matrixId, known);
      if (problems.length > 0)
        throw validationError(
          problems,
          `The workbook has ${plural(problems.length, 'problem')}; nothing was imported`,
        );

      const plan = await planExport.exportPlan(unit.organisationId);
      const others = plan.matrices.filter((m) => m.id !== existing?.id);
      const candidate = toPlanMatrix(matrixId, unit.id, year, matrix);
      const checked = validatePlan({ ...plan, matrices: [...others, candidate] });
      const prefix = `matrices[${others.length}]`;
      const issues = checked.plan
        ? []
        : checked.issues.filter((i) => i.path.startsWith(prefix)).map((i) => locateIssue(i, locations));
      const itemIds = Object.values(matrix.lists).flatMap((list) => list.map((item) => String(item.id)));
      const clashes =
        itemIds.length === 0
          ? []
          : await db
              .selectFrom('matrixItems')
              .select(['id', 'matrixId'])
              .where('id', 'in', itemIds)
              .execute();
      for (const clash of clashes.filter((c) => c.matrixId !== existing?.id))
        issues.push({
          path: `ID ${clash.id}`,
          message: `is already used by an item of matrix ${clash.matrixId}`,
        });
      const parsed = checked.plan?.matrices.at(-1);
      if (issues.length > 0 || !parsed)
        throw validationError(
          issues.length > 0 ? issues : checked.issues,
          'The workbook breaks the rules of an X-matrix; nothing was imported',
        );

      const counts = await db.transaction().execute(async (trx) => {
        if (existing) await trx.deleteFrom('xMatrices').where('id', '=', existing.id).execute();
        return insertPlanMatrix(trx, parsed, known.names);
      });
      return { matrixId, unitId: unit.id, year, replaced: Boolean(existing), counts };
    },
  };
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
    what: matrix.lists.what,
    howFar: matrix.lists.how_far,
    how: matrix.lists.how,
    howMuch: matrix.lists.how_much,
    who: matrix.lists.who,
    correlations: matrix.correlations,
    owners: matrix.owners,
  };
}
