import { InvalidArgumentError, type Command } from 'commander';
import { withServices, type StoreFlags } from '../store-session';

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new InvalidArgumentError('use a year such as 2026');
  return year;
}

interface TranslateFlags extends StoreFlags {
  from: string;
  to: string;
  cycle: string;
  year?: number;
}

/**
 * `catchball translate`: the wizard without questions. The parent unit's OKRs for the cycle become
 * the child unit's X-matrix exactly as proposed (one What per objective, one How Far and one KPI
 * per key result, the child's people as Who, grids pre-filled), written in one transaction.
 */
export function registerTranslateCommand(program: Command): void {
  program
    .command('translate')
    .description(
      "Translate a parent unit's OKRs for a cycle into a child unit's X-matrix, accepting the proposal as is",
    )
    .requiredOption('--from <unit>', 'the parent unit whose OKRs are translated')
    .requiredOption('--to <unit>', 'the unit below it that receives the X-matrix')
    .requiredOption('--cycle <cycle>', 'the OKR cycle id')
    .option('--year <year>', "the matrix year (default: the cycle's year)", parseYear)
    .option('--data-dir <dir>', 'embedded store directory (env CATCHBALL_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL connection string (env DATABASE_URL)')
    .action(async (flags: TranslateFlags) => {
      const result = await withServices(flags, async (services) => {
        const proposal = await services.translation.preview({
          fromUnitId: flags.from,
          toUnitId: flags.to,
          cycleId: flags.cycle,
          year: flags.year,
        });
        return services.translation.apply(proposal);
      });
      const { view, counts } = result;
      console.log(
        `${result.createdMatrix ? 'Created' : 'Extended'} X-matrix ${result.matrixId} of ${view.unit.name} (${view.unit.id}) for ${view.matrix.year} from ${flags.from}'s OKRs (${flags.cycle}):`,
      );
      console.log(
        `  ${counts.what} breakthrough objectives, ${counts.howFar} annual objectives, ${counts.how} initiatives, ${counts.howMuch} KPIs, ${counts.who} owners, ${counts.correlations} grid marks`,
      );
      const sourceTitle = new Map(view.sources.map((source) => [source.id, source.title]));
      const created = new Set(Object.values(result.itemIds));
      for (const [part, label] of [
        ['what', 'What'],
        ['how_far', 'How Far'],
        ['how_much', 'How Much'],
      ] as const)
        for (const item of view.items[part].filter((i) => created.has(i.id))) {
          const source = item.sourceObjectiveId ?? item.sourceKeyResultId;
          console.log(
            `  ${label.padEnd(8)} ${item.id}  ${item.title}${source ? `  ← ${source} ${sourceTitle.get(source) === item.title ? '' : `(${sourceTitle.get(source) ?? ''})`}`.trimEnd() : ''}`,
          );
        }
    });
}
