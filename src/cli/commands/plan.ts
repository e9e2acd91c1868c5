import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DomainError } from '../../core/errors';
import { formatPlan, parsePlanText, type PlanFormat } from '../../server/services/plan/plan-format';
import type { CliText } from '../i18n';
import { withServices, type StoreFlags } from '../store-session';
import { importSpreadsheet, isSpreadsheet, type SheetImportFlags } from './sheet-import';
import { exportMatrixFile, type MatrixFileFormat } from './matrix-file-export';

type ExportFormat = PlanFormat | MatrixFileFormat;
const EXPORT_FORMATS = ['json', 'yaml', 'svg', 'png', 'pdf', 'xlsx'] as const;

const MAX_PLAN_BYTES = 50 * 1024 * 1024;

const formatParser =
  ({ t }: CliText) =>
  (value: string): ExportFormat => {
    const format = EXPORT_FORMATS.find((candidate) => candidate === value);
    if (!format) throw new InvalidArgumentError(t('argument.oneOf', { values: EXPORT_FORMATS.join(', ') }));
    return format;
  };

const storeOptions =
  ({ t }: CliText) =>
  (command: Command) =>
    command
      .option('--data-dir <dir>', t('help.dataDir'))
      .option('--database-url <url>', t('help.databaseUrl'));

/**
 * `catchball import` and `catchball export`: plan documents in and out of the store. The
 * program's `--language` names the fixed labels' language of an exported drawing or workbook.
 */
export function registerPlanCommands(program: Command, text: CliText): void {
  const { t } = text;
  storeOptions(text)(
    program
      .command('import <file>')
      .description(t('help.import.description'))
      .option('--replace', t('help.import.replace'))
      .option('--unit <id>', t('help.import.unit'))
      .option('--cycle <id>', t('help.import.cycle'))
      .option('--org <id>', t('help.import.org'))
      .option('--year <year>', t('help.import.year'))
      .option('--copy', t('help.import.copy'))
      .option('--dry-run', t('help.import.dryRun')),
  ).action(async (file: string, flags: SheetImportFlags) => {
    if (isSpreadsheet(file)) {
      await importSpreadsheet(file, flags, text);
      return;
    }
    const size = statSync(file).size;
    if (size > MAX_PLAN_BYTES)
      throw new DomainError(
        'validation_failed',
        t('import.tooLarge', { file, size: text.num(Math.round(size / 1024 / 1024)) }),
      );
    const document = parsePlanText(readFileSync(file, 'utf8'));
    const summary = await withServices(flags, (services) =>
      services.planImport.importPlan(document, { replace: flags.replace ?? false }),
    );
    const counts = Object.entries(summary.counts)
      .map(([name, count]) => t(`import.count.${name}`, { count, n: text.num(count) }))
      .join(', ');
    console.log(
      t(summary.replaced ? 'import.replaced' : 'import.imported', { id: summary.organisationId, counts }),
    );
  });

  storeOptions(text)(
    program
      .command('export')
      .description(t('help.export.description'))
      .option('--org <id>', t('help.export.org'))
      .option('--unit <id>', t('help.export.unit'))
      .option('--year <year>', t('help.export.year'))
      .option('--format <format>', EXPORT_FORMATS.join(', '), formatParser(text), 'yaml' as ExportFormat)
      .option('-o, --output <file>', t('help.export.output')),
  ).action(
    async (
      flags: StoreFlags & {
        org?: string;
        unit?: string;
        year?: string;
        format: ExportFormat;
        output?: string;
      },
      command: Command,
    ) => {
      const format = flags.format;
      if (format !== 'json' && format !== 'yaml') {
        // The program's --language (commander reads it before or after `export`).
        const { language } = command.optsWithGlobals<{ language?: string }>();
        await exportMatrixFile({ ...flags, language }, format, text);
        return;
      }
      const document = await withServices(flags, async (services) => {
        let organisationId = flags.org;
        if (!organisationId && flags.unit)
          organisationId = (await services.units.get(flags.unit)).organisationId;
        if (!organisationId) {
          const organisations = await services.organisations.list();
          if (organisations.length !== 1)
            throw new DomainError(
              'validation_failed',
              organisations.length === 0
                ? t('store.noOrganisation')
                : t('store.manyOrganisationsNamed', {
                    count: organisations.length,
                    ids: organisations.map((o) => o.id).join(', '),
                  }),
            );
          organisationId = organisations[0]?.id ?? '';
        }
        const plan = await services.planExport.exportPlan(
          organisationId,
          flags.unit ? { unitId: flags.unit } : {},
        );
        return formatPlan(plan, format);
      });
      if (flags.output) writeFileSync(flags.output, document);
      else process.stdout.write(document);
    },
  );
}
