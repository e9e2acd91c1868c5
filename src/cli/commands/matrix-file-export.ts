import { writeFileSync } from 'node:fs';
import { DomainError } from '../../core/errors';
import { isLanguage, LANGUAGES } from '../../core/languages';
import { drawMatrix, type DrawingFormat } from '../../server/render/matrix-export';
import type { CliText } from '../i18n';
import { withServices, type StoreFlags } from '../store-session';

export type MatrixFileFormat = DrawingFormat | 'xlsx';

/**
 * `catchball export --format svg|png|pdf|xlsx --unit U [--year Y] [--language L] [-o file]`: the
 * same files as the API's export endpoints, drawn without a browser. Without --year, the unit's
 * latest matrix; without --language, English labels (the messages follow the CLI's language,
 * which may come from the environment; a file's labels only from --language).
 */
export async function exportMatrixFile(
  flags: StoreFlags & { unit?: string; year?: string; language?: string; output?: string },
  format: MatrixFileFormat,
  { t }: CliText,
): Promise<void> {
  const language = flags.language ?? 'en';
  if (!isLanguage(language))
    throw new DomainError(
      'validation_failed',
      `--language ${language} is not one of ${LANGUAGES.join(', ')}`,
    );
  const unitId = flags.unit;
  if (!unitId) throw new DomainError('validation_failed', t('export.needUnit', { format }));
  const file = await withServices(flags, async (services, store) => {
    await services.units.get(unitId);
    let query = store.db.selectFrom('xMatrices').select('id').where('unitId', '=', unitId);
    if (flags.year !== undefined) query = query.where('year', '=', Number(flags.year));
    const matrix = await query.orderBy('year', 'desc').executeTakeFirst();
    if (!matrix)
      throw new DomainError(
        'not_found',
        flags.year === undefined
          ? t('export.noMatrix', { unit: unitId })
          : t('export.noMatrixForYear', { unit: unitId, year: flags.year }),
      );
    if (format === 'xlsx') return (await services.matrixWorkbook.exportXlsx(matrix.id, language)).file;
    return drawMatrix(await services.matrices.view(matrix.id), format, language);
  });
  if (flags.output) writeFileSync(flags.output, file);
  else process.stdout.write(file);
}
