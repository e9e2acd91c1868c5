import { writeFileSync } from 'node:fs';
import { DomainError } from '../../core/errors';
import { isLanguage, LANGUAGES } from '../../core/languages';
import { drawMatrix, type DrawingFormat } from '../../server/render/matrix-export';
import { withServices, type StoreFlags } from '../store-session';

export type MatrixFileFormat = DrawingFormat | 'xlsx';

/**
 * `catchball export --format svg|png|pdf|xlsx --unit U [--year Y] [--language L] [-o file]`: the
 * same files as the API's export endpoints, drawn without a browser. Without --year, the unit's
 * latest matrix; without --language, English labels.
 */
export async function exportMatrixFile(
  flags: StoreFlags & { unit?: string; year?: string; language?: string; output?: string },
  format: MatrixFileFormat,
): Promise<void> {
  const language = flags.language ?? 'en';
  if (!isLanguage(language))
    throw new DomainError(
      'validation_failed',
      `--language ${language} is not one of ${LANGUAGES.join(', ')}`,
    );
  const unitId = flags.unit;
  if (!unitId)
    throw new DomainError(
      'validation_failed',
      `--format ${format} draws one X-matrix: name its unit with --unit`,
    );
  const file = await withServices(flags, async (services, store) => {
    await services.units.get(unitId);
    let query = store.db.selectFrom('xMatrices').select('id').where('unitId', '=', unitId);
    if (flags.year !== undefined) query = query.where('year', '=', Number(flags.year));
    const matrix = await query.orderBy('year', 'desc').executeTakeFirst();
    if (!matrix)
      throw new DomainError(
        'not_found',
        `Unit ${unitId} has no X-matrix${flags.year === undefined ? '' : ` for ${flags.year}`}`,
      );
    if (format === 'xlsx') return (await services.matrixWorkbook.exportXlsx(matrix.id, language)).file;
    return drawMatrix(await services.matrices.view(matrix.id), format, language);
  });
  if (flags.output) writeFileSync(flags.output, file);
  else process.stdout.write(file);
}
