import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DomainError } from '../../core/errors';
import { formatPlan, parsePlanText, type PlanFormat } from '../../server/services/plan/plan-format';
import { withServices, type StoreFlags } from '../store-session';
import { importSpreadsheet, isSpreadsheet, type SheetImportFlags } from './sheet-import';
import { exportMatrixFile, type MatrixFileFormat } from './matrix-file-export';

type ExportFormat = PlanFormat | MatrixFileFormat;
const EXPORT_FORMATS = ['json', 'yaml', 'svg', 'png', 'pdf', 'xlsx'] as const;

const MAX_PLAN_BYTES = 50 * 1024 * 1024;

function parseFormat(value: string): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate === value);
  if (!format) throw new InvalidArgumentError(`use one of ${EXPORT_FORMATS.join(', ')}`);
  return format;
}

const storeOptions = (command: Command) =>
  command
    .option('--data-dir <dir>', 'embedded store directory (env CATCHBALL_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)');

/** `catchball import` and `catchball export`: plan documents in and out of the store. */
export function registerPlanCommands(program: Command): void {
  storeOptions(
    program
      .command('import <file>')
      .description(
        'Import a plan document (JSON or YAML), OKRs from a CSV or XLSX (one row per key result) or a spreadsheet X-matrix (XLSX): validated first, then written in one transaction or not at all',
      )
      .option('--replace', 'replace an organisation (plan) or an X-matrix (spreadsheet) with the same id')
      .option('--unit <id>', 'OKR sheets: unit for rows without one; X-matrix: the unit it belongs to')
      .option('--cycle <id>', 'OKR sheets: cycle for rows without one')
      .option('--org <id>', 'OKR sheets: the organisation, when every row names its unit')
      .option('--year <year>', 'X-matrix: the year it is for (default: the Matrix sheet)')
      .option('--copy', 'X-matrix: import as a copy, every item with a new id (a file of another unit)')
      .option('--dry-run', 'OKR sheets and X-matrix: check and summarise, write nothing'),
  ).action(async (file: string, flags: SheetImportFlags) => {
    if (isSpreadsheet(file)) {
      await importSpreadsheet(file, flags);
      return;
    }
    const size = statSync(file).size;
    if (size > MAX_PLAN_BYTES)
      throw new DomainError(
        'validation_failed',
        `${file} is ${Math.round(size / 1024 / 1024)} MB; plan documents are limited to 50 MB`,
      );
    const document = parsePlanText(readFileSync(file, 'utf8'));
    const summary = await withServices(flags, (services) =>
      services.planImport.importPlan(document, { replace: flags.replace ?? false }),
    );
    const counts = Object.entries(summary.counts)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ');
    console.log(
      `${summary.replaced ? 'Replaced' : 'Imported'} organisation ${summary.organisationId}: ${counts}`,
    );
  });

  storeOptions(
    program
      .command('export')
      .description(
        'Export an organisation (or one unit and the units below it) as a plan document, or one X-matrix as an A3 drawing (svg, png, pdf) or spreadsheet (xlsx)',
      )
      .option('--org <id>', 'organisation id (default: the only one in the store)')
      .option('--unit <id>', 'export only this unit and the units below it; the unit whose X-matrix to draw')
      .option('--year <year>', 'svg, png, pdf, xlsx: the X-matrix year (default: the latest)')
      .option('--format <format>', EXPORT_FORMATS.join(', '), parseFormat, 'yaml' as ExportFormat)
      .option(
        '--language <language>',
        'svg, png, pdf, xlsx: the language of fixed labels (en, de, ja; default en)',
      )
      .option('-o, --output <file>', 'write to a file instead of standard output'),
  ).action(
    async (
      flags: StoreFlags & {
        org?: string;
        unit?: string;
        year?: string;
        format: ExportFormat;
        language?: string;
        output?: string;
      },
    ) => {
      const format = flags.format;
      if (format !== 'json' && format !== 'yaml') {
        await exportMatrixFile(flags, format);
        return;
      }
      const text = await withServices(flags, async (services) => {
        let organisationId = flags.org;
        if (!organisationId && flags.unit)
          organisationId = (await services.units.get(flags.unit)).organisationId;
        if (!organisationId) {
          const organisations = await services.organisations.list();
          if (organisations.length !== 1)
            throw new DomainError(
              'validation_failed',
              organisations.length === 0
                ? 'The store holds no organisation to export'
                : `The store holds ${organisations.length} organisations (${organisations.map((o) => o.id).join(', ')}); choose one with --org`,
            );
          organisationId = organisations[0]?.id ?? '';
        }
        const plan = await services.planExport.exportPlan(
          organisationId,
          flags.unit ? { unitId: flags.unit } : {},
        );
        return formatPlan(plan, format);
      });
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
    },
  );
}
