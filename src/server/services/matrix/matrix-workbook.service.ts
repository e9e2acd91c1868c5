import { randomUUID } from 'node:crypto';
import { DomainError, validationError } from '../../../core/errors';
import type { MatrixImportPreview, MatrixImportResult, PlanMatrix } from '../../../contracts';
import type { Db } from '../../db/store';
import { getRow } from '../../db/versioned';
import { writeMatrixWorkbook } from '../../imports/matrix-workbook-write';
import type { Language } from '../../../core/languages';
import { DEFAULT_PART_NAMES } from '../../../core/x-matrix-parts';
import { shownPartNames } from '../../i18n/part-names';
import { translatorFor } from '../../i18n/translator';
import type { createPlanExportService } from '../plan/plan-export.service';
import { planMatrixImport, type MatrixImportOptions } from './matrix-workbook-import';
import { insertPlanMatrix } from './plan-matrix-writer';
import { plural } from '../../../core/plural';
import { asRun, createImportRuns, type ImportRuns } from '../imports/import-runs.service';

export type { MatrixImportOptions } from './matrix-workbook-import';

const EMPTY_PART_NAMES = { what: 'What', how_far: 'How Far', how: 'How', how_much: 'How Much', who: 'Who' };

/**
 * The X-matrix as a spreadsheet (docs/xlsx-x-matrix.md): export, the blank template, and import,
 * which checks the workbook cell by cell and then with every rule of a plan document, and writes
 * the whole matrix in one transaction (replacing the unit's matrix for the year when asked).
 * Export → import gives the same matrix.
 */
export function createMatrixWorkbookService(
  db: Db,
  planExport: ReturnType<typeof createPlanExportService>,
  runs: ImportRuns = createImportRuns(),
) {
  async function planMatrixOf(matrixId: string) {
    const matrix = await getRow(db, 'xMatrices', matrixId);
    const unit = await getRow(db, 'units', matrix.unitId);
    const plan = await planExport.exportPlan(unit.organisationId);
    const index = plan.matrices.findIndex((m) => m.id === matrixId);
    return { plan, index, unit };
  }

  return {
    /** The matrix's workbook; its explanations and default part names in `language` (English by default). */
    async exportXlsx(
      matrixId: string,
      language: Language = 'en',
    ): Promise<{ file: Buffer; filename: string }> {
      const translator = translatorFor(language);
      const { plan, index, unit } = await planMatrixOf(matrixId);
      const matrix = plan.matrices[index];
      if (!matrix) throw new DomainError('not_found', `No X-matrix with id ${matrixId}`);
      const view = await db
        .selectFrom('matrixItems')
        .select(['id', 'title'])
        .where('matrixId', '=', matrixId)
        .where('part', '=', 'who')
        .execute();
      const file = await writeMatrixWorkbook(
        matrix,
        {
          organisation: plan.organisation.name,
          unit: unit.name,
          // English keeps the short names it always wrote for parts the organisation did not name.
          partNames:
            language === 'en'
              ? { ...EMPTY_PART_NAMES, ...plan.organisation.partNames }
              : shownPartNames({ ...DEFAULT_PART_NAMES, ...plan.organisation.partNames }, translator.t),
          who: new Map(view.map((w) => [w.id, w.title])),
        },
        translator,
      );
      return { file, filename: `${unit.id}-${matrix.year}.xlsx` };
    },

    /** The blank spreadsheet X-matrix: every sheet and header, no items; explanations in `language`. */
    async template(year: number, language: Language = 'en'): Promise<Buffer> {
      const translator = translatorFor(language);
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
      return writeMatrixWorkbook(
        empty,
        {
          organisation: '',
          unit: '',
          partNames: language === 'en' ? EMPTY_PART_NAMES : shownPartNames(DEFAULT_PART_NAMES, translator.t),
          who: new Map(),
        },
        translator,
      );
    },

    /** What importing the workbook would write, with every warning and problem; writes nothing. */
    async previewXlsx(bytes: Uint8Array, options: MatrixImportOptions = {}): Promise<MatrixImportPreview> {
      return (await planMatrixImport(db, planExport, bytes, options)).preview;
    },

    /**
     * Writes the whole matrix in one transaction (replacing the unit's matrix for the year when asked).
     * @throws `validation_failed` listing every problem by sheet, row and column; `already_exists` without replace.
     */
    async importXlsx(
      bytes: Uint8Array,
      options: MatrixImportOptions & { run?: string | undefined } = {},
    ): Promise<MatrixImportResult> {
      // The lock is the unit's matrix of the year; the workbook says which, so it is read first.
      const handle = runs.start('matrix', `workbook ${options.run ?? randomUUID()}`, options.run);
      handle.report({ phase: 'read', done: 0, total: bytes.byteLength });
      return asRun(handle, async () => {
        const { preview, matrix, names } = await planMatrixImport(db, planExport, bytes, options);
        runs.claim(handle, `the X-matrix of ${preview.unit.name} for ${String(preview.year)}`);
        const { unit, year, replaces, problems, warnings } = preview;
        if (replaces && !options.replace)
          throw new DomainError(
            'already_exists',
            `Unit ${unit.id} already has an X-matrix for ${year} (${replaces.matrixId}); import with replace to overwrite it`,
            { id: replaces.matrixId },
          );
        if (problems.length > 0 || !matrix)
          throw validationError(
            problems,
            `The workbook has ${plural(problems.length, 'problem')}; nothing was imported`,
          );
        handle.report({ phase: 'write', done: 0, total: 1 });
        const counts = await db.transaction().execute(async (trx) => {
          await handle.lockWithin(trx);
          if (replaces) await trx.deleteFrom('xMatrices').where('id', '=', replaces.matrixId).execute();
          return insertPlanMatrix(trx, matrix, names, (done, total) =>
            handle.report({ phase: 'write', done, total }),
          );
        });
        return {
          matrixId: matrix.id,
          unitId: unit.id,
          year,
          replaced: Boolean(replaces),
          counts: { ...counts, impacts: preview.counts.impacts, efforts: preview.counts.efforts },
          warnings,
        };
      });
    },
  };
}
