import { InvalidArgumentError, type Command } from 'commander';
import type { CliText } from '../i18n';
import { withServices, type StoreFlags } from '../store-session';

const yearParser =
  ({ t }: CliText) =>
  (value: string): number => {
    const year = Number(value);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new InvalidArgumentError(t('argument.year'));
    return year;
  };

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
export function registerTranslateCommand(program: Command, text: CliText): void {
  const { t } = text;
  program
    .command('translate')
    .description(t('help.translate.description'))
    .requiredOption('--from <unit>', t('help.translate.from'))
    .requiredOption('--to <unit>', t('help.translate.to'))
    .requiredOption('--cycle <cycle>', t('help.translate.cycle'))
    .option('--year <year>', t('help.translate.year'), yearParser(text))
    .option('--data-dir <dir>', t('help.dataDir'))
    .option('--database-url <url>', t('help.databaseUrl'))
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
        t(result.createdMatrix ? 'translate.created' : 'translate.extended', {
          id: result.matrixId,
          unit: view.unit.name,
          unitId: view.unit.id,
          year: view.matrix.year,
          from: flags.from,
          cycle: flags.cycle,
        }),
      );
      console.log(t('translate.counts', { ...counts }));
      const sourceTitle = new Map(view.sources.map((source) => [source.id, source.title]));
      const created = new Set(Object.values(result.itemIds));
      for (const part of ['what', 'how_far', 'how_much'] as const) {
        const label = t(`translate.part.${part}`);
        for (const item of view.items[part].filter((i) => created.has(i.id))) {
          const source = item.sourceObjectiveId ?? item.sourceKeyResultId;
          console.log(
            `  ${label.padEnd(8)} ${item.id}  ${item.title}${source ? `  ← ${source} ${sourceTitle.get(source) === item.title ? '' : `(${sourceTitle.get(source) ?? ''})`}`.trimEnd() : ''}`,
          );
        }
      }
    });
}
