import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DomainError } from '../../core/errors';
import { formatPlan, parsePlanText, type PlanFormat } from '../../server/services/plan-format';
import { withServices, type StoreFlags } from '../store-session';

const MAX_PLAN_BYTES = 50 * 1024 * 1024;

function parseFormat(value: string): PlanFormat {
  if (value !== 'json' && value !== 'yaml') throw new InvalidArgumentError('use json or yaml');
  return value;
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
        'Import a plan document (JSON or YAML): validated first, then written in one transaction or not at all',
      )
      .option('--replace', 'replace an organisation with the same id'),
  ).action(async (file: string, flags: StoreFlags & { replace?: boolean }) => {
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
      .description('Export an organisation (or one unit and the units below it) as a plan document')
      .option('--org <id>', 'organisation id (default: the only one in the store)')
      .option('--unit <id>', 'export only this unit and the units below it')
      .option('--format <format>', 'json or yaml', parseFormat, 'yaml' as PlanFormat)
      .option('-o, --output <file>', 'write to a file instead of standard output'),
  ).action(
    async (flags: StoreFlags & { org?: string; unit?: string; format: PlanFormat; output?: string }) => {
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
        return formatPlan(plan, flags.format);
      });
      if (flags.output) writeFileSync(flags.output, text);
      else process.stdout.write(text);
    },
  );
}
