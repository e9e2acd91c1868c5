import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { validationError } from '../../core/errors';
import { checkSheetSize, detectSheetFormat, loadWorkbook } from '../../server/imports/sheet-reader';
import { problemIssue } from '../../server/services/plan/okr-import.service';
import { createProgressBar } from '../progress-bar';
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
export async function importSpreadsheet(file: string, flags: SheetImportFlags): Promise<void> {
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
      for (const warning of preview.warnings) console.error(`warning: ${warning.path}: ${warning.message}`);
      if (preview.problems.length > 0)
        throw validationError(preview.problems, `The workbook has ${preview.problems.length} problems`);
      const { items, correlations, owners, impacts, efforts } = preview.counts;
      console.log(
        `Would ${preview.replaces ? 'replace' : 'import'} X-matrix ${preview.matrixId} (${preview.unit.id}, ${preview.year}): ${items} items, ${correlations} correlations, ${owners} owners, ${impacts} impacts, ${efforts} efforts`,
      );
      return;
    }
    const result = await withServices(flags, (services) =>
      services.matrixWorkbook.importXlsx(bytes, options),
    );
    for (const warning of result.warnings) console.error(`warning: ${warning.path}: ${warning.message}`);
    const { items, correlations, owners, impacts, efforts } = result.counts;
    console.log(
      `${result.replaced ? 'Replaced' : 'Imported'} X-matrix ${result.matrixId} (${result.unitId}, ${result.year}): ${items} items, ${correlations} correlations, ${owners} owners, ${impacts} impacts, ${efforts} efforts`,
    );
    return;
  }
  const query = { organisationId: flags.org, unitId: flags.unit, cycleId: flags.cycle };
  if (!query.organisationId && !query.unitId)
    throw validationError([
      { path: '--unit', message: 'give --unit (or --org with a Unit column in the sheet)' },
    ]);
  const bar = createProgressBar();
  try {
    await withServices(flags, async (services) => {
      if (flags.dryRun) {
        const preview = await services.okrImport.preview(bytes, query, (progress) => bar.update(progress));
        bar.finish();
        if (preview.problems.length > 0)
          throw validationError(
            preview.problems.map((problem) => problemIssue(problem, preview.mapping)),
            `The sheet has ${preview.problems.length} problems`,
          );
        const { objectives, keyResults, people } = preview.summary;
        console.log(
          `Dry run: would import ${objectives} objectives, ${keyResults} key results and ${people} new people`,
        );
        return;
      }
      const result = await services.okrImport.confirm(bytes, query, (progress) => bar.update(progress));
      bar.finish();
      const { objectives, keyResults, people } = result.created;
      console.log(
        `Imported ${objectives} objectives, ${keyResults} key results and ${people} new people into ${result.organisationId}`,
      );
    });
  } finally {
    bar.finish();
  }
}
