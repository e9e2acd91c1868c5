import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { validationError } from '../../core/errors';
import { checkSheetSize, detectSheetFormat, loadWorkbook } from '../../server/imports/sheet-reader';
import { problemIssue } from '../../server/services/plan/okr-import.service';
import { createProgressBar } from '../progress-bar';
import type { CliText } from '../i18n';
import { withServices, type StoreFlags } from '../store-session';

export interface SheetImportFlags extends StoreFlags {
  org?: string;
  unit?: string;
  cycle?: string;
  year?: string;
  dryRun?: boolean;
  replace?: boolean;
  copy?: boolean;
}

/** Spreadsheets go to the sheet imports; everything else is a plan document. */
export function isSpreadsheet(file: string): boolean {
  return ['.csv', '.xlsx', '.tsv'].includes(extname(file).toLowerCase());
}

/** An XLSX with the Matrix and What sheets is a spreadsheet X-matrix; any other sheet holds OKRs. */
async function isMatrixWorkbook(bytes: Uint8Array): Promise<boolean> {
  if (detectSheetFormat(bytes) !== 'xlsx') return false;
  const names = (await loadWorkbook(bytes)).worksheets.map((sheet) => sheet.name.toLowerCase());
  return names.includes('matrix') && names.includes('what');
}

/**
 * `catchball import okrs.csv --unit cio --cycle fy2026 [--dry-run]` and
 * `catchball import matrix.xlsx [--unit U --year Y] [--replace] [--copy] [--dry-run]`: the same services as the API,
 * with a progress bar on standard error and the summary (or every problem) as the result.
 */
export async function importSpreadsheet(file: string, flags: SheetImportFlags, text: CliText): Promise<void> {
  const { t } = text;
  const warn = (warning: { path: string; message: string }) =>
    console.error(t('error.warning', { path: warning.path, message: warning.message }));
  // Checked before reading, so a huge file is refused without loading it.
  checkSheetSize(statSync(file).size, file);
  const bytes = readFileSync(file);
  if (await isMatrixWorkbook(bytes)) {
    const options = {
      unitId: flags.unit,
      year: flags.year === undefined ? undefined : Number(flags.year),
      mode: flags.copy ? ('copy' as const) : ('replace' as const),
      replace: flags.replace ?? false,
    };
    if (flags.dryRun) {
      const preview = await withServices(flags, (services) =>
        services.matrixWorkbook.previewXlsx(bytes, options),
      );
      preview.warnings.forEach(warn);
      if (preview.problems.length > 0)
        throw validationError(
          preview.problems,
          t('import.workbookProblems', { count: preview.problems.length }),
        );
      console.log(
        t(preview.replaces ? 'import.wouldReplaceMatrix' : 'import.wouldImportMatrix', {
          id: preview.matrixId,
          unit: preview.unit.id,
          year: preview.year,
          counts: t('import.matrixCounts', { ...preview.counts }),
        }),
      );
      return;
    }
    const result = await withServices(flags, (services) =>
      services.matrixWorkbook.importXlsx(bytes, options),
    );
    result.warnings.forEach(warn);
    console.log(
      t(result.replaced ? 'import.replacedMatrix' : 'import.importedMatrix', {
        id: result.matrixId,
        unit: result.unitId,
        year: result.year,
        counts: t('import.matrixCounts', { ...result.counts }),
      }),
    );
    return;
  }
  const query = { organisationId: flags.org, unitId: flags.unit, cycleId: flags.cycle };
  if (!query.organisationId && !query.unitId)
    throw validationError([{ path: '--unit', message: t('import.needUnit') }]);
  const bar = createProgressBar(text);
  try {
    await withServices(flags, async (services) => {
      if (flags.dryRun) {
        const preview = await services.okrImport.preview(bytes, query, (progress) => bar.update(progress));
        bar.finish();
        if (preview.problems.length > 0)
          throw validationError(
            preview.problems.map((problem) => problemIssue(problem, preview.mapping)),
            t('import.sheetProblems', { count: preview.problems.length }),
          );
        const { objectives, keyResults, people } = preview.summary;
        console.log(t('import.dryRun', { objectives, keyResults, people }));
        return;
      }
      const result = await services.okrImport.confirm(bytes, query, (progress) => bar.update(progress));
      bar.finish();
      const { objectives, keyResults, people } = result.created;
      console.log(t('import.okrsImported', { objectives, keyResults, people, org: result.organisationId }));
    });
  } finally {
    bar.finish();
  }
}
